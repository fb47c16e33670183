import { sql, type Kysely } from 'kysely';

/** PGlite's extended protocol takes one statement per query, so DDL runs statement by statement. */
export async function runStatements(db: Kysely<any>, ddl: string): Promise<void> {
  for (const statement of ddl.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
