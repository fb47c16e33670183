import { sql } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { testContext } from './context.ts';
import { shippedTemplateRows } from '../../src/shared/email-catalogue.ts';
import { DEFAULT_REMINDER_RULES } from '../../src/db/migrations/0027_reminder_rules.ts';

/**
 * One database per run: in-memory PGlite, or — with TEST_DATABASE_URL — a fresh database created
 * on that server for this run and dropped afterwards. Each test starts from empty tables.
 */
let handle: DatabaseHandle;
let createdDatabase: { adminUrl: string; name: string } | undefined;

async function createTestDatabase(serverUrl: string): Promise<string> {
  const name = `crm_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  createdDatabase = { adminUrl: serverUrl, name };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    const serverUrl = process.env.TEST_DATABASE_URL;
    const url = serverUrl ? await createTestDatabase(serverUrl) : undefined;
    handle = await openDatabase({ url, poolSize: 20 });
    await migrateToLatest(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
    const logger = createLogger(config);
    const appContext = { db: handle.db, config, logger, engine: handle.engine };
    const { app, routes } = buildApp(appContext, { ping: handle.ping, loginLimit: 100_000 });
    Object.assign(testContext, { handle, databaseUrl: url, db: handle.db, app, routes, config, logger, appContext });
  },
  async beforeEach() {
    await truncateAll();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await handle?.close();
    if (createdDatabase) {
      const client = new pg.Client({ connectionString: createdDatabase.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${createdDatabase.name} WITH (FORCE)`);
      await client.end();
    }
  },
};

let resetStatement: string | undefined;
/**
 * Empties every table (but mail_keys, the server key of migration 0025) and restarts ids. On PostgreSQL, TRUNCATE of ~30 tables costs ~180 ms per
 * test, so there it is DELETE with foreign-key triggers off plus setval (~10 ms).
 */
export async function truncateAll(): Promise<void> {
  const db = testContext.db;
  if (!resetStatement) {
    const { rows } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'mail_keys'`.execute(db);
    const tables = rows.map((r) => `"${r.tablename}"`);
    if (testContext.handle.engine === 'postgres') {
      const { rows: sequences } = await sql<{ name: string }>`
        select 'public.' || quote_ident(c.relname) as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname = 'public'`.execute(db);
      resetStatement = [
        'SET session_replication_role = replica',
        ...tables.map((t) => `DELETE FROM ${t}`),
        'SET session_replication_role = DEFAULT',
        ...sequences.map((s) => `SELECT setval('${s.name}', 1, false)`),
      ].join(';\n');
    } else {
      resetStatement = `TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`;
    }
  }
  if (testContext.handle.engine === 'postgres') {
    // One connection for the whole batch: the replication-role setting is per session.
    await db.connection().execute(async (conn) => {
      await sql.raw(resetStatement!).execute(conn);
    });
  } else {
    await sql.raw(resetStatement).execute(db);
  }
  // The e-mail templates exist from the migration on, like reference data: every test starts with the shipped text.
  await db.insertInto('email_templates').values(shippedTemplateRows()).execute();
  // So are the shipped reminder rules.
  await db.insertInto('reminder_rules').values(DEFAULT_REMINDER_RULES).execute();
}
