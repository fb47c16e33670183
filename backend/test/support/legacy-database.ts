import { Migrator, type MigrationProvider } from 'kysely/migration';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';

/**
 * A fresh in-memory PGlite migrated up to and including `last`: to fill it with data as it was
 * before a later migration and check what that migration makes of it (`migrateToLatest`).
 */
export async function databaseMigratedTo(last: string): Promise<{ handle: DatabaseHandle; migrateToLatest: () => Promise<void> }> {
  const handle = await openDatabase({});
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: handle.db, provider });
  const run = async (step: Promise<{ error?: unknown }>) => {
    const { error } = await step;
    if (error) throw error;
  };
  await run(migrator.migrateTo(last));
  return { handle, migrateToLatest: () => run(migrator.migrateToLatest()) };
}
