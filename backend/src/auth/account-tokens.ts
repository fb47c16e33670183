import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Single-use, expiring tokens sent by e-mail (password reset, registration confirmation). They live
 * in `password_resets`; only a hash is stored, and the hash includes the purpose, so a token mailed
 * for one purpose can never be redeemed for the other. The outbox worker issues them at delivery
 * (account-emails.ts), so the clear token exists only in the message on its way to the mailbox.
 */
export type TokenPurpose = 'reset' | 'confirm';

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { reset: 60, confirm: 3 * 24 * 60 };

type Trx = Kysely<Database> | Transaction<Database>;

export const hashAccountToken = (purpose: TokenPurpose, token: string) =>
  createHash('sha256').update(`${purpose}:${token}`).digest('hex');

/** Issues a new token for the user; earlier unused tokens of that purpose stop working. */
export async function issueAccountToken(trx: Trx, purpose: TokenPurpose, userId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('token_hash', 'like', `${purpose}:%`)
    .execute();
  await trx
    .insertInto('password_resets')
    .values({
      // The purpose prefix is in clear text so earlier tokens of one purpose can be retired.
      token_hash: `${purpose}:${hashAccountToken(purpose, token)}`,
      user_id: userId,
      expires_at: new Date(now.getTime() + TOKEN_TTL_MINUTES[purpose] * 60_000),
    })
    .execute();
  return token;
}

/** Every link of this user that still works stops working (new password, new address, new role). */
export async function retireAccountTokens(trx: Trx, userId: number, now = new Date()): Promise<void> {
  await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/**
 * Redeems a token exactly once (row lock + `used_at`), even under concurrent calls.
 * Returns the user id, or undefined for an unknown, used or expired token.
 */
export async function redeemAccountToken(trx: Transaction<Database>, purpose: TokenPurpose, token: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom('password_resets')
    .select(['user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', `${purpose}:${hashAccountToken(purpose, token)}`)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.used_at || new Date(row.expires_at) <= new Date()) return undefined;
  await trx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('token_hash', '=', `${purpose}:${hashAccountToken(purpose, token)}`)
    .execute();
  return row.user_id;
}
