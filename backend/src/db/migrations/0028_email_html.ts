import { sql, type Kysely } from 'kysely';

/**
 * Issue 21 (DESIGN.md "Communications", delivery): the HTML part of a message, rendered from the
 * template's Markdown when it is queued. Null for messages queued before, and for those written as
 * plain text only (account links): they go out as text alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE emails ADD COLUMN html text`.execute(db);
}
