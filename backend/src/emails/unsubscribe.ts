import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { consoleLink } from '../shared/links.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The signed unsubscribe link of bulk mail (DESIGN.md "Communications"): the token is the user id
 * and an HMAC-SHA256 of it under a server key, so it works without login, names one person, and
 * cannot be made for another person without the key. It carries no expiry: the link in an old
 * newsletter keeps working, and using it again only sets the same flag again.
 */

/**
 * UNSUBSCRIBE_SECRET when set, else the random key kept in `mail_keys` (made by migration 0025;
 * made again here should the row be missing, e.g. after tables were emptied; two servers racing to
 * make it agree on the one row that wins).
 */
export async function unsubscribeKey(db: Q, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await db.selectFrom('mail_keys').select('unsubscribe_key').where('id', '=', 1).executeTakeFirst();
  if (stored) return stored.unsubscribe_key;
  const { rows } = await sql<{ unsubscribe_key: string }>`
    WITH made AS (
      INSERT INTO mail_keys (id, unsubscribe_key) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
      ON CONFLICT (id) DO NOTHING RETURNING unsubscribe_key
    )
    SELECT unsubscribe_key FROM made UNION ALL SELECT unsubscribe_key FROM mail_keys WHERE id = 1`.execute(db);
  return rows[0]!.unsubscribe_key;
}

const signature = (key: string, userId: number) => createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url');

export function unsubscribeToken(key: string, userId: number): string {
  return `${userId}.${signature(key, userId)}`;
}

/** The user id a token was made for, or null for a malformed or forged one (constant-time compare). */
export function verifyUnsubscribeToken(key: string, token: string): number | null {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  if (userId > 2_147_483_647) return null;
  const expected = Buffer.from(signature(key, userId));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

/** The page people open from the message, and the address of the `List-Unsubscribe` header. */
export function unsubscribeLinks(publicUrl: string, token: string): { page: string; header: string } {
  return {
    page: consoleLink(publicUrl, 'unsubscribe', { token }),
    header: `${publicUrl.replace(/\/+$/, '')}/api/unsubscribe?${new URLSearchParams({ token }).toString()}`,
  };
}
