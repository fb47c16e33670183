import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type Locale = 'de' | 'en';

/**
 * Who receives a letter, and in which language: the organisation's first active applicant login
 * (with the language that login chose), else the organisation's public e-mail (in German).
 */
export async function letterAddress(db: Q, organisationId: number): Promise<{ email: string; locale: Locale } | null> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'applicant')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  if (user) return { email: user.email, locale: user.locale };
  const org = await db.selectFrom('organisations').select('email').where('id', '=', organisationId).executeTakeFirst();
  return org?.email ? { email: org.email, locale: 'de' } : null;
}
