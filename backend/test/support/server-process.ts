import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../../..');

export const SERVER_ADMIN = { email: 'ops-admin@example.org', password: 'ops-admin-password-1' };

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Marks the server and everything it starts (in their environment), to find leftovers. */
  tag: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 20 kB the server wrote (stderr, and stdout unless it is the stalled pipe). */
  output(): string;
}

/** Every server process a test started and that has not exited yet; `killAll` ends them. */
const running = new Set<ServerProcess>();

/** Where the server keeps its data: an embedded data directory or a PostgreSQL database. */
export type Storage = { DATA_DIR: string } | { DATABASE_URL: string };

/**
 * The real server as `npm start` runs it (`node scripts/start.mjs`: the compiled backend, built
 * first if the sources changed) in its own process, on a free port, with the first admin, no demo
 * data and no console. `stdout: 'stalled'` hands it a pipe that is never read, like a log
 * collector that stopped reading; `'read'` collects it.
 */
export async function startServer(storage: Storage, stdout: 'stalled' | 'read'): Promise<ServerProcess> {
  const port = await freePort();
  const tag = randomBytes(8).toString('hex');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'TEST_DATABASE_URL', 'DEMO_DATA', 'LOG_LEVEL', 'NODE_ENV']) delete env[key];
  Object.assign(env, {
    // Empty overrides anything a local .env would set (dotenv never replaces a variable that exists).
    DATABASE_URL: '',
    SMTP_URL: '',
    MAIL_DIR: '',
    ...storage,
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DEMO_DATA: '0',
    ADMIN_EMAIL: SERVER_ADMIN.email,
    ADMIN_PASSWORD: SERVER_ADMIN.password,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    CONSOLE_DIR: join(tmpdir(), 'no-console-here'),
    CRM_TEST_PROCESS_TAG: tag,
  });
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr!.on('data', collect);
  // A stalled reader: the pipe (and Node's small read buffer) fills and stays full.
  if (stdout === 'stalled') child.stdout!.pause();
  else child.stdout!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(server);
      done({ code, signal });
    }),
  );
  const server: ServerProcess = { child, pid: child.pid!, baseUrl: `http://127.0.0.1:${port}`, tag, exited, output: () => output };
  running.add(server);
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the server exited during start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not become ready in 90 s:\n${output}`);
    try {
      const res = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGKILL for every server a test left running (on failure), awaiting their exit. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (server) => {
      server.child.kill('SIGKILL');
      await server.exited;
    }),
  );
}

/** Process ids whose environment carries the tag: the server or anything it started. */
export function processesTagged(tag: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`CRM_TEST_PROCESS_TAG=${tag}`)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A temporary directory for an embedded data directory; `remove()` deletes it. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A fresh database on the PostgreSQL server behind `serverUrl`; `drop()` removes it. */
export async function freshPostgresDatabase(serverUrl: string, prefix: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
