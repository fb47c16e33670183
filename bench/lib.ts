import { openSync, readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import autocannon from 'autocannon';

export const ROOT = resolve(import.meta.dirname, '..');

/** A fresh database on the server for one scenario; `drop()` removes it. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `crm_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const BENCH_ADMIN = { email: 'bench-admin@example.org', password: 'bench-password-1' };

/** How the server runs: compiled (`npm start`: scripts/start.mjs → dist/backend) or its TypeScript through tsx (`npm run dev`). */
export type Runtime = 'compiled' | 'tsx';

const RUNTIME_ARGS: Record<Runtime, string[]> = {
  compiled: ['scripts/start.mjs'],
  tsx: ['--import', 'tsx', 'backend/src/server.ts'],
};

export interface ServerOptions {
  runtime?: Runtime;
  /** Info-level log (one line per request, with pino's responseTime) into this file; silent without. */
  logFile?: string;
  /** `node --cpu-prof` into this directory (the profile is written when the server exits). */
  cpuProfDir?: string;
}

/**
 * The real server in its own process (as in production), on the given database ('' = embedded,
 * with DATA_DIR in `extraEnv`). Resolves once `/readyz` answers; `readyAfterMs` is the time from
 * spawning the process to that answer.
 */
export async function startServerProcess(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<{ baseUrl: string; stop: () => Promise<void>; child: ChildProcess; readyAfterMs: number }> {
  const { runtime = 'compiled', logFile, cpuProfDir } = options;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const spawned = performance.now();
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, ...RUNTIME_ARGS[runtime]], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DEMO_DATA: '0',
      LOG_LEVEL: logFile ? 'info' : 'silent',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', logFile ? openSync(logFile, 'w') : 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let gone = false;
  void exited.then(() => (gone = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  let readyAfterMs = NaN;
  for (let i = 0; i < 6000 && !gone; i++) {
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) {
        readyAfterMs = performance.now() - spawned;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  if (Number.isNaN(readyAfterMs)) {
    child.kill('SIGKILL');
    throw new Error(`the ${runtime} server did not become ready`);
  }
  return {
    baseUrl,
    child,
    readyAfterMs,
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The process's resident memory now (VmRSS), in MiB. */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms (clock ticks of 10 ms): robust on a shared machine. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function loginCookie(baseUrl: string, email = BENCH_ADMIN.email, password = BENCH_ADMIN.password): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export async function httpLoad(url: string, headers: Record<string, string>, connections = 32, duration = 8): Promise<Measured> {
  const result = await autocannon({ url, headers, connections, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

/** The same kind of load without HTTP: `connections` loops calling fn for `durationMs`. */
export async function loopLoad(fn: () => Promise<unknown>, connections = 32, durationMs = 8000): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        try {
          await fn();
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { rps: latencies.length / (durationMs / 1000), p50: q(0.5), p99: q(0.99), errors, requests: latencies.length };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
