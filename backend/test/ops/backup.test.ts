import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { fingerprint, manifestPath, restoreDatabase, type Fingerprint, type Manifest } from '../../src/ops/backup.ts';
import { seedDemo } from '../../../seeds/demo.ts';
import { freshPostgresDatabase, tempDir } from '../support/server-process.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs one of the ops commands as `npm run backup|restore` does, with the given database settings. */
function runCli(script: 'backup-cli.ts' | 'restore-cli.ts', args: string[], settings: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...settings };
  delete env.TEST_DATABASE_URL;
  const result = spawnSync(process.execPath, ['--import', 'tsx', `backend/src/ops/${script}`, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Row counts straight from the catalogue's tables, independent of the fingerprint code. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(rows[0].n);
  }
  return counts;
}

interface Target {
  /** Database settings for the commands (DATA_DIR or DATABASE_URL). */
  settings: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
}

interface Variant {
  name: string;
  applies: () => boolean;
  /** A new, empty database; `cleanup` removes everything made. */
  newDatabase: (label: string) => Promise<Target>;
  cleanup: () => Promise<void>;
}

const dirs: ReturnType<typeof tempDir>[] = [];
const dropLater: (() => Promise<void>)[] = [];

const variants: Variant[] = [
  {
    name: 'embedded database (PGlite data directory dump)',
    applies: () => !process.env.TEST_DATABASE_URL,
    async newDatabase(label) {
      const dir = tempDir(`crm-backup-${label}-`);
      dirs.push(dir);
      const dataDir = join(dir.path, 'pglite');
      return { settings: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }) };
    },
    cleanup: async () => dirs.splice(0).forEach((d) => d.remove()),
  },
  {
    name: 'PostgreSQL (pg_dump custom format)',
    applies: () => Boolean(process.env.TEST_DATABASE_URL),
    async newDatabase(label) {
      const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!, `crm_backup_${label}`);
      dropLater.push(database.drop);
      return { settings: { DATABASE_URL: database.url }, open: () => openDatabase({ url: database.url, poolSize: 2 }) };
    },
    async cleanup() {
      for (const drop of dropLater.splice(0)) await drop();
      dirs.splice(0).forEach((d) => d.remove());
    },
  },
];

describe('ops: backup and restore', function () {
  this.timeout(300_000);

  for (const variant of variants) {
    describe(variant.name, () => {
      let source: Target;
      let expected: Fingerprint;
      let expectedCounts: Record<string, number>;
      let backupDir: string;
      let backupFile: string;

      before(async function () {
        if (!variant.applies()) return this.skip();
        source = await variant.newDatabase('source');
        const handle = await source.open();
        try {
          await migrateToLatest(handle.db);
          await seedDemo(handle.db, { publicUrl: 'http://localhost:3000' });
          expected = await fingerprint(handle.db);
          expectedCounts = await rowCounts(handle.db);
        } finally {
          await handle.close();
        }
        const dir = tempDir('crm-backups-');
        dirs.push(dir);
        backupDir = dir.path;
      });

      after(async () => {
        await variant.cleanup();
      });

      it('round-trips the demo data through npm run backup and npm run restore: every table has the same rows and checksum', async () => {
        // Every table of the catalogue is covered, and the demo year fills the ones that matter.
        assert.deepEqual(Object.keys(expected.tables).sort(), Object.keys(expectedCounts).sort());
        for (const table of ['users', 'organisations', 'applications', 'reviews', 'fellowships', 'disbursements', 'audit_events', 'kysely_migration']) {
          assert.ok(expectedCounts[table] > 0, `the demo data fills ${table}`);
        }

        const backup = runCli('backup-cli.ts', [backupDir], source.settings);
        assert.equal(backup.status, 0, backup.out);
        const files = readdirSync(backupDir).filter((f) => !f.endsWith('.manifest.json'));
        assert.equal(files.length, 1, `one backup file: ${files.join(', ')}`);
        backupFile = join(backupDir, files[0]);
        assert.match(files[0], /^crm-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.(pgdump|pglite\.tar\.gz)$/);
        assert.equal(statSync(backupFile).mode & 0o077, 0, 'the backup holds personal data: readable by its owner only');
        const manifest = JSON.parse(readFileSync(manifestPath(backupFile), 'utf8')) as Manifest;
        assert.deepEqual(manifest.tables, expected.tables);

        const target = await variant.newDatabase('target');
        const restore = runCli('restore-cli.ts', [backupFile], target.settings);
        assert.equal(restore.status, 0, restore.out);
        assert.match(restore.out, /identisch mit der Sicherung/);

        const handle = await target.open();
        try {
          assert.deepEqual(await rowCounts(handle.db), expectedCounts);
          assert.deepEqual(await fingerprint(handle.db), expected);
        } finally {
          await handle.close();
        }
      });

      it('refuses to restore into a database that is not empty, and changes nothing there', async function () {
        if (!backupFile) return this.skip();
        const restore = runCli('restore-cli.ts', [backupFile], source.settings);
        assert.equal(restore.status, 1);
        assert.match(restore.out, /ist nicht leer/);
        const handle = await source.open();
        try {
          assert.deepEqual(await fingerprint(handle.db), expected);
        } finally {
          await handle.close();
        }
      });

      it('reports a restore that differs from what the backup recorded', async function () {
        if (!backupFile) return this.skip();
        const manifest = JSON.parse(readFileSync(manifestPath(backupFile), 'utf8')) as Manifest;
        manifest.tables.organisations.rows += 1;
        const copy = `${backupFile.replace(/(\.pgdump|\.pglite\.tar\.gz)$/, '-copy$1')}`;
        writeFileSync(copy, readFileSync(backupFile));
        writeFileSync(manifestPath(copy), JSON.stringify(manifest));
        const target = await variant.newDatabase('tampered');
        await assert.rejects(restoreDatabase({ DATA_DIR: target.settings.DATA_DIR ?? '', DATABASE_URL: target.settings.DATABASE_URL }, copy), /Tabelle organisations: \d+ statt \d+ Zeilen/);
      });

      it('refuses a backup while another process (the server) has the embedded database open, naming what to do', async function () {
        if (!source?.settings.DATA_DIR) return this.skip();
        const dataDir = source.settings.DATA_DIR;
        const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
        try {
          // The lock as a running server leaves it: its pid beside the data directory.
          writeFileSync(`${dataDir}.lock`, `${holder.pid}\n`);
          const backup = runCli('backup-cli.ts', [join(backupDir, 'locked')], source.settings);
          assert.equal(backup.status, 1, backup.out);
          assert.match(backup.out, new RegExp(`von Prozess ${holder.pid} geöffnet .*den Server zuerst beenden`));
          // A stale lock (its process gone) is no obstacle.
          holder.kill('SIGKILL');
          await new Promise((done) => holder.once('exit', done));
          const again = runCli('backup-cli.ts', [join(backupDir, 'locked')], source.settings);
          assert.equal(again.status, 0, again.out);
        } finally {
          holder.kill('SIGKILL');
        }
      });
    });
  }
});
