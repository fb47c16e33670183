import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** postgres://… → PostgreSQL through pg; undefined → PGlite. */
  url?: string;
  /** PGlite data directory; undefined → in memory. */
  dataDir?: string;
  /** Per-statement limit on PostgreSQL, so one runaway query cannot hold a connection. */
  statementTimeoutMs?: number;
  poolSize?: number;
  /** Prepare parameterised statements once per connection (default true). */
  preparedStatements?: boolean;
  onPoolError?: (error: Error) => void;
  /** PGlite: fill a new data directory from this dump (`dumpDataDir`) instead of creating an empty database. */
  loadDataDir?: Blob;
}

// bigint (counts, cents) and numeric arrive as strings; every value we store fits a JS number.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const toNumber = (value: string) => (value === null ? null : Number(value));
const keepString = (value: string) => value;

const parseTimestampSlowly = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;

/** The decimal number written in text[from, to); -1 if a character there is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * timestamptz as PostgreSQL writes it for a UTC session (`2026-11-26 21:24:37.824123+00`), read by
 * position (character codes, no substrings) instead of pg's general regular-expression parser;
 * anything else (other zones, BC, years before 1000, infinity) takes that parser.
 */
export function parseTimestamptz(text: string): unknown {
  const n = text.length;
  if (n < 22 || n > 29 || text.charCodeAt(10) !== 32 || text.charCodeAt(0) === 48 || !text.endsWith('+00') || text.charCodeAt(4) !== 45) {
    return parseTimestampSlowly(text);
  }
  // Milliseconds: the first three digits of the fraction (`.8` is 800, `.824123` is 824).
  const fractionEnd = Math.min(n - 3, 23);
  const fraction = n > 22 ? digitsAt(text, 20, fractionEnd) : 0;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) return parseTimestampSlowly(text);
  const millis = n > 22 ? fraction * 10 ** (3 - (fractionEnd - 20)) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
}

/** Distinct statements one connection keeps prepared; beyond this, statements go unnamed. */
export const PREPARED_PER_CONNECTION = 200;

// Names by statement text, shared by all connections: hashing the text on every query is hot-path work.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `k${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size >= 10 * PREPARED_PER_CONNECTION) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A pg client that prepares every parameterised statement once per connection (named by a hash of
 * its text) and afterwards only binds and executes it: PostgreSQL skips parsing and, once it
 * settles on a generic plan, planning. Statements without parameters (DDL, BEGIN, COMMIT,
 * multi-statement scripts) keep pg's simple protocol.
 */
class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();

  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(config);
      if (this.#prepared.has(name) || this.#prepared.size < PREPARED_PER_CONNECTION) {
        this.#prepared.add(name);
        return super.query({ name, text: config, values }, callback);
      }
    }
    return super.query(config, values, callback);
  }
}

export interface DatabaseHandle {
  db: Db;
  engine: 'postgres' | 'pglite';
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  /** Opens every pooled connection now, so the first burst of traffic does not wait for them. */
  warm(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database itself (backups dump its data directory); undefined on PostgreSQL. */
  pglite?: PGlite;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir, options.loadDataDir);
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return keepString;
      if (oid === TIMESTAMPTZ && format !== 'binary') return parseTimestamptz;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const size = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    // A fixed-size pool: a connection opened in the middle of a burst (a deadline rush) costs a
    // PostgreSQL backend start plus its cold catalog caches, ~tens of ms on the critical path.
    min: size,
    Client: options.preparedStatements === false ? pg.Client : PreparingClient,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    types,
  });
  // An idle client's error (server restart, cut connection) would otherwise crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    ping: () => ping(db),
    async warm() {
      const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
      clients.forEach((client) => client.release());
    },
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    // Loaded only here: a server on PostgreSQL never needs PGlite's half a megabyte of JavaScript.
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: 'pglite',
    pglite,
    ping: () => ping(db),
    warm: async () => {},
    async close() {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

/** Another process has the embedded database open. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `Die eingebettete Datenbank in ${dataDir} ist von Prozess ${pid} geöffnet (läuft der Server?). ` +
        `PGlite erlaubt nur einen Prozess: den Server zuerst beenden (Strg+C oder SIGTERM). ` +
        `Läuft sicher keiner, die Sperrdatei ${lockFile} löschen.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is PostgreSQL in one process without PostgreSQL's own lock: a second process opening the
 * same data directory (a backup or `npm run seed` beside the running server) would corrupt it.
 * A lock file beside the directory holds the owner's pid; a lock whose process is gone is stale
 * and taken over. Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  mkdirSync(resolve(dataDir, '..'), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0;
      try {
        holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      } catch {
        // removed meanwhile: try again
      }
      if (holder > 0 && isRunning(holder)) throw new DataDirInUseError(dataDir, holder, lockFile);
      try {
        unlinkSync(lockFile);
      } catch {
        // another process took it over first; the next round sees its pid
      }
    }
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (Number.parseInt(readFileSync(lockFile, 'utf8'), 10) === process.pid) unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  // A forced exit (second signal, shutdown timer) must not leave the lock behind either.
  process.on('exit', release);
  return release;
}

async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
