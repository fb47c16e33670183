import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Tells the database who is writing in this transaction (`app.actor_id`, transaction-local, so a
 * pooled connection never carries it into the next request). The money triggers of migration
 * 0010 read it: they record who changed a tranche's money fields or an organisation's bank
 * details, and refuse such a change when nobody is named.
 */
export async function setActor(trx: Transaction<Database> | Kysely<Database>, userId: number | null | undefined): Promise<void> {
  await sql`select set_config('app.actor_id', ${userId == null ? '' : String(userId)}, true)`.execute(trx);
}
