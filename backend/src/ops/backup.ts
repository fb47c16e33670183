import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { chmod, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../config.ts';
import { DataDirInUseError, openDatabase } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** A refusal or failure of backup/restore, worded for the person running the command. */
export class OpsError extends Error {}

type Engine = 'postgres' | 'pglite';

/** Every table's row count and content digest, and every sequence's position. */
export interface Fingerprint {
  tables: Record<string, { rows: number; md5: string }>;
  sequences: Record<string, string>;
}

/** Written beside each backup file: what the backup holds, to verify a restore against. */
export interface Manifest extends Fingerprint {
  format: 'fellowship-crm-backup/1';
  engine: Engine;
  created_at: string;
  file: string;
  bytes: number;
  sha256: string;
}

type BackupConfig = Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>;

export const manifestPath = (file: string) => `${file}.manifest.json`;

/**
 * The fingerprint as one transaction sees it. Tables and sequences come from the catalogue, so a
 * table added later is covered without touching this. Rows are hashed one by one and the hashes
 * sorted: the digest does not depend on physical order, and no table is ever held as one string.
 */
async function fingerprintIn(trx: Transaction<Database>): Promise<Fingerprint> {
  // Text forms that do not depend on the session's settings.
  await sql`set local timezone = 'UTC'`.execute(trx);
  await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
  await sql`set local intervalstyle = 'postgres'`.execute(trx);
  await sql`set local extra_float_digits = 3`.execute(trx);
  await sql`set local bytea_output = 'hex'`.execute(trx);
  const { rows: relations } = await sql<{ name: string; kind: string }>`
    select c.relname as name, c.relkind::text as kind
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'S')
    order by c.relname`.execute(trx);
  const result: Fingerprint = { tables: {}, sequences: {} };
  for (const { name, kind } of relations) {
    const relation = sql.id('public', name);
    if (kind === 'S') {
      const { rows } = await sql<{ value: string }>`select last_value::text || ':' || is_called::text as value from ${relation}`.execute(trx);
      result.sequences[name] = rows[0].value;
    } else {
      const { rows } = await sql<{ rows: number; md5: string }>`
        select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as md5
        from ${relation} as t`.execute(trx);
      result.tables[name] = { rows: Number(rows[0].rows), md5: rows[0].md5 };
    }
  }
  return result;
}

export const fingerprint = (db: Kysely<Database>) => db.transaction().execute(fingerprintIn);

/** What differs between two fingerprints, one line per table or sequence (empty: identical). */
function fingerprintDifferences(expected: Fingerprint, actual: Fingerprint): string[] {
  const lines: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const a = expected.tables[name];
    const b = actual.tables[name];
    if (!a) lines.push(`Tabelle ${name}: zusätzlich vorhanden`);
    else if (!b) lines.push(`Tabelle ${name}: fehlt`);
    else if (a.rows !== b.rows) lines.push(`Tabelle ${name}: ${b.rows} statt ${a.rows} Zeilen`);
    else if (a.md5 !== b.md5) lines.push(`Tabelle ${name}: gleich viele Zeilen, anderer Inhalt`);
  }
  for (const name of new Set([...Object.keys(expected.sequences), ...Object.keys(actual.sequences)])) {
    if (expected.sequences[name] !== actual.sequences[name]) {
      lines.push(`Sequenz ${name}: ${actual.sequences[name] ?? 'fehlt'} statt ${expected.sequences[name] ?? 'nicht vorhanden'}`);
    }
  }
  return lines;
}

export const totalRows = (fp: Fingerprint) => Object.values(fp.tables).reduce((sum, t) => sum + t.rows, 0);

/** libpq's environment for a postgres:// URL, so the password never appears on a command line. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres' };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  for (const [key, name] of [
    ['sslmode', 'PGSSLMODE'],
    ['host', 'PGHOST'],
    ['port', 'PGPORT'],
    ['user', 'PGUSER'],
    ['password', 'PGPASSWORD'],
    ['application_name', 'PGAPPNAME'],
  ] as const) {
    const value = u.searchParams.get(key);
    if (value) env[name] = value;
  }
  return env;
}

/** Runs a PostgreSQL client program; its error output becomes the error's message. */
function runClient(program: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, { env: libpqEnv(url), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new OpsError(`${program} nicht gefunden: die PostgreSQL-Client-Programme installieren (Debian/Ubuntu: postgresql-client, in der Version des Servers oder neuer).`)
          : error,
      ),
    );
    child.on('close', (code) => (code === 0 ? done() : fail(new OpsError(`${program} ist fehlgeschlagen (Exit-Code ${code}):\n${stderr.trim()}`))));
  });
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z';

/**
 * Writes a consistent backup of the configured database into `dir`: PostgreSQL as `pg_dump`
 * custom format from one snapshot (the fingerprint is taken in that same snapshot, so the server
 * may keep running), the embedded database as its data directory dump (PGlite is one process: the
 * lock refuses while the server has it open). The file appears under its final name only when
 * complete; a manifest with the fingerprint lies beside it. Both are readable by the owner only.
 */
export async function backupDatabase(config: BackupConfig, dir: string, now = new Date()): Promise<Manifest & { path: string }> {
  const engine: Engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (engine === 'pglite' && !existsSync(join(config.DATA_DIR, 'PG_VERSION'))) {
    throw new OpsError(`In ${resolve(config.DATA_DIR)} (DATA_DIR) liegt keine eingebettete Datenbank.`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = resolve(dir, `crm-backup-${stamp(now)}.${engine === 'postgres' ? 'pgdump' : 'pglite.tar.gz'}`);
  if (existsSync(file)) throw new OpsError(`${file} gibt es schon.`);
  const partial = `${file}.partial`;
  let fp: Fingerprint;
  try {
    fp = engine === 'postgres' ? await dumpPostgres(config.DATABASE_URL!, partial) : await dumpPglite(config.DATA_DIR, partial);
    await chmod(partial, 0o600);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  const manifest: Manifest = {
    format: 'fellowship-crm-backup/1',
    engine,
    created_at: now.toISOString(),
    file: basename(file),
    bytes: (await stat(file)).size,
    sha256: await sha256(file),
    ...fp,
  };
  await writeFile(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { ...manifest, path: file };
}

async function dumpPostgres(url: string, target: string): Promise<Fingerprint> {
  const handle = await openDatabase({ url, poolSize: 1, statementTimeoutMs: 0 });
  try {
    return await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
        const fp = await fingerprintIn(trx);
        // pg_dump reads the snapshot this transaction exported, so dump and fingerprint agree.
        await runClient('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0].snapshot}`, `--file=${target}`], url);
        return fp;
      });
  } finally {
    await handle.close();
  }
}

async function dumpPglite(dataDir: string, target: string): Promise<Fingerprint> {
  const handle = await openDatabase({ dataDir });
  try {
    const fp = await fingerprint(handle.db);
    const dump = await handle.pglite!.dumpDataDir('gzip');
    const out = await open(target, 'w', 0o600);
    try {
      await out.writeFile(new Uint8Array(await dump.arrayBuffer()));
      await out.sync();
    } finally {
      await out.close();
    }
    return fp;
  } finally {
    await handle.close();
  }
}

/** Which engine wrote a backup file, by its first bytes (pg_dump: "PGDMP", PGlite: gzip). */
async function backupEngine(file: string): Promise<Engine> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  } finally {
    await handle.close();
  }
  throw new OpsError(`${file} ist keine Sicherung dieses Systems (weder pg_dump-Format noch PGlite-Datenverzeichnis).`);
}

export interface RestoreResult {
  engine: Engine;
  fingerprint: Fingerprint;
  /** The manifest the restore was checked against; undefined when the backup came without one. */
  manifest?: Manifest;
}

/**
 * Restores a backup into the configured database, which must be empty: an embedded data
 * directory that does not exist yet (or is an empty folder), or a PostgreSQL database without
 * tables. Afterwards the restored database is compared with the backup's manifest.
 */
export async function restoreDatabase(config: BackupConfig, file: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new OpsError(`${file} gibt es nicht.`);
  const engine = await backupEngine(file);
  const manifest = existsSync(manifestPath(file)) ? (JSON.parse(await readFile(manifestPath(file), 'utf8')) as Manifest) : undefined;
  if (manifest && manifest.sha256 !== (await sha256(file))) {
    throw new OpsError(`${file} ist beschädigt: die Prüfsumme passt nicht zu ${manifestPath(file)}.`);
  }
  if (engine === 'postgres' && !config.DATABASE_URL) {
    throw new OpsError('Diese Sicherung stammt aus PostgreSQL (pg_dump): DATABASE_URL auf die leere Zieldatenbank setzen.');
  }
  if (engine === 'pglite' && config.DATABASE_URL) {
    throw new OpsError('Diese Sicherung stammt aus der eingebetteten Datenbank: DATABASE_URL leer lassen und DATA_DIR auf einen neuen Ordner setzen.');
  }
  const fp = engine === 'postgres' ? await restorePostgres(config.DATABASE_URL!, file) : await restorePglite(config.DATA_DIR, file);
  if (manifest) {
    const differences = fingerprintDifferences(manifest, fp);
    if (differences.length) throw new OpsError(`Die Wiederherstellung weicht von der Sicherung ab:\n  ${differences.join('\n  ')}`);
  }
  return { engine, fingerprint: fp, manifest };
}

async function restorePostgres(url: string, file: string): Promise<Fingerprint> {
  const handle = await openDatabase({ url, poolSize: 1, statementTimeoutMs: 0 });
  try {
    const { rows } = await sql<{ name: string }>`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1 limit 5`.execute(handle.db);
    if (rows.length) {
      throw new OpsError(
        `Die Zieldatenbank ${new URL(url).pathname.slice(1)} ist nicht leer (${rows.map((r) => r.name).join(', ')} …). ` +
          'Wiederhergestellt wird nur in eine leere Datenbank, z. B. eine neu angelegte (createdb crm_restored).',
      );
    }
    // One transaction: a restore that fails half-way leaves the database empty, not half-filled.
    await runClient('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(url).PGDATABASE}`, file], url);
    return await fingerprint(handle.db);
  } finally {
    await handle.close();
  }
}

async function restorePglite(dataDir: string, file: string): Promise<Fingerprint> {
  const existed = existsSync(dataDir);
  if (existed && readdirSync(dataDir).length > 0) {
    throw new OpsError(
      `${resolve(dataDir)} (DATA_DIR) ist nicht leer. Wiederhergestellt wird nur in eine leere Datenbank: ` +
        'den Ordner umbenennen (z. B. in pglite.alt) oder DATA_DIR auf einen neuen Ordner setzen.',
    );
  }
  const dump = new File([new Uint8Array(await readFile(file))], basename(file), { type: 'application/x-gzip' });
  try {
    const handle = await openDatabase({ dataDir, loadDataDir: dump });
    try {
      return await fingerprint(handle.db);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
    // Leave no half-restored directory behind that a start would take for a database.
    if (existed) for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    else rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
