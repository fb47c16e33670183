import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchScenario } from './types.ts';
import { createBenchDatabase, ms, rssMiB, startServerProcess, type Runtime } from './lib.ts';

const RESTARTS = 3;
/** How long the server may settle after /readyz before its memory is read. */
const SETTLE_MS = 2000;
const SOAK_REQUESTS = 20_000;
const SOAK_CONNECTIONS = 8;
const MB = 1.048576; // MiB → MB

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
const mib = (n: number) => `${n.toFixed(0)} MiB (${(n * MB).toFixed(0)} MB)`;

type Engine = 'postgres' | 'embedded';

/**
 * Where a server keeps its data: a fresh PostgreSQL database or a fresh embedded data directory,
 * both with the demo data (no first admin from the environment: the demo fills only an empty database).
 */
async function storageFor(engine: Engine, serverUrl: string): Promise<{ url: string; env: Record<string, string>; remove: () => Promise<void> }> {
  const demo = { DEMO_DATA: '1', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' };
  if (engine === 'postgres') {
    const database = await createBenchDatabase(serverUrl);
    return { url: database.url, env: demo, remove: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-runtime-'));
  return { url: '', env: { ...demo, DATA_DIR: join(dir, 'pglite'), MAIL_DIR: join(dir, 'mail') }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Restart: the first start migrates and seeds; then the server is stopped and started again
 * RESTARTS times, as after a deploy. Time from spawning the process to `/readyz` answering 200, and
 * resident memory SETTLE_MS later.
 */
export async function restarts(runtime: Runtime, engine: Engine, serverUrl: string) {
  const storage = await storageFor(engine, serverUrl);
  try {
    const first = await startServerProcess(storage.url, storage.env, { runtime });
    await first.stop();
    const ready: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < RESTARTS; i++) {
      const server = await startServerProcess(storage.url, storage.env, { runtime });
      ready.push(server.readyAfterMs);
      await sleep(SETTLE_MS);
      rss.push(rssMiB(server.child.pid!));
      await server.stop();
    }
    return { firstStart: first.readyAfterMs, ready, rss };
  } finally {
    await storage.remove();
  }
}

/** One request of the soak's mix: the lists the console opens (varied pages, sorts, searches), records, exports, writes. */
function mixedRequest(i: number, base: string, cookie: string, organisationIds: number[]): Promise<Response> {
  const headers = { cookie };
  const page = (from: number, size: number) => `range=${encodeURIComponent(JSON.stringify([from, from + size - 1]))}`;
  const size = 5 + (i % 46);
  const orgId = organisationIds[i % organisationIds.length];
  switch (i % 12) {
    case 0:
      return fetch(`${base}/api/auth/me`, { headers });
    case 1:
      return fetch(`${base}/api/organisations?sort=${encodeURIComponent('["name","ASC"]')}&${page(i % 20, size)}`, { headers });
    case 2:
      return fetch(`${base}/api/organisations?filter=${encodeURIComponent(JSON.stringify({ q: ['Verein', 'Bürger', 'Stiftung', `x${i}`][i % 4] }))}&${page(0, 10)}`, { headers });
    case 3:
      return fetch(`${base}/api/applications?sort=${encodeURIComponent('["updated_at","DESC"]')}&${page(0, size)}`, { headers });
    case 4:
      return fetch(`${base}/api/people?${page(i % 10, size)}`, { headers });
    case 5:
      return fetch(`${base}/api/organisations/${orgId}`, { headers });
    case 6:
      return fetch(`${base}/api/dashboard`, { headers });
    case 7:
      return fetch(`${base}/api/workshops?${page(0, 25)}`, { headers });
    case 8:
      return fetch(`${base}/api/applications/export.csv`, { headers });
    case 9:
      return fetch(`${base}/api/cohorts`, { headers });
    case 10:
      return fetch(`${base}/api/organisations/${orgId}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ description: `Soak ${i}` }),
      });
    default:
      return fetch(`${base}/readyz`);
  }
}

/**
 * Soak: the compiled server after start, then 20,000 mixed requests (SOAK_CONNECTIONS in flight),
 * memory read after each half. Unbounded growth shows as the second half adding as much as the first.
 */
export async function soak(engine: Engine, serverUrl: string) {
  const storage = await storageFor(engine, serverUrl);
  const server = await startServerProcess(storage.url, storage.env, { runtime: 'compiled' });
  try {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'demo-password' }),
    });
    if (!login.ok) throw new Error(`demo login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const orgs = (await (await fetch(`${server.baseUrl}/api/organisations?range=[0,49]`, { headers: { cookie } })).json()) as Array<{ id: number }>;
    await sleep(SETTLE_MS);
    const pid = server.child.pid!;
    const before = rssMiB(pid);
    const after: number[] = [];
    const failures = new Map<number, number>();
    const started = performance.now();
    let next = 0;
    for (const half of [1, 2]) {
      const end = (SOAK_REQUESTS / 2) * half;
      await Promise.all(
        Array.from({ length: SOAK_CONNECTIONS }, async () => {
          while (next < end) {
            const res = await mixedRequest(next++, server.baseUrl, cookie, orgs.map((o) => o.id));
            await res.arrayBuffer();
            if (!res.ok) failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
          }
        }),
      );
      after.push(rssMiB(pid));
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(SETTLE_MS);
    return { before, after, settled: rssMiB(pid), rps: SOAK_REQUESTS / seconds, failures };
  } finally {
    await server.stop();
    await storage.remove();
  }
}

/**
 * Issue 18, items 6 and 8: the compiled server against its own TypeScript run through tsx (the
 * baseline, measured in the same run): restart to `/readyz`, memory after start, and a soak.
 */
const runtimeBench: BenchScenario = async ({ serverUrl }) => {
  const rows: BenchRow[] = [];
  // The first compiled start builds dist/backend if it is missing: done here, outside the timings.
  const warm = await startServerProcess('', { DATA_DIR: join(tmpdir(), `crm-bench-warm-${process.pid}`), DEMO_DATA: '0' }, { runtime: 'compiled' });
  await warm.stop();
  rmSync(join(tmpdir(), `crm-bench-warm-${process.pid}`), { recursive: true, force: true });
  rmSync(join(tmpdir(), `crm-bench-warm-${process.pid}.lock`), { force: true });

  const targets: Record<Engine, { ready: number; rssMB?: number }> = { postgres: { ready: 1500, rssMB: 150 }, embedded: { ready: 3000 } };
  for (const engine of ['postgres', 'embedded'] as const) {
    const tsx = await restarts('tsx', engine, serverUrl);
    const compiled = await restarts('compiled', engine, serverUrl);
    const target = targets[engine];
    const label = engine === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite, demo data)';
    rows.push(
      { scenario: `restart, ${label} (median of ${RESTARTS})`, metric: 'to /readyz: tsx (baseline) → compiled', value: `${ms(median(tsx.ready))} → ${ms(median(compiled.ready))} (${(median(compiled.ready) / median(tsx.ready)).toFixed(2)}×)`, target: `≤ ${target.ready / 1000} s`, ok: median(compiled.ready) <= target.ready },
      { scenario: '', metric: 'compiled restarts', value: compiled.ready.map((t) => t.toFixed(0)).join(', ') + ' ms' },
      { scenario: '', metric: 'first start (migrations, demo data): tsx → compiled', value: `${ms(tsx.firstStart)} → ${ms(compiled.firstStart)}` },
      {
        scenario: '',
        metric: `memory ${SETTLE_MS / 1000} s after start: tsx → compiled`,
        value: `${mib(median(tsx.rss))} → ${mib(median(compiled.rss))} (${(median(compiled.rss) / median(tsx.rss)).toFixed(2)}×)`,
        ...(target.rssMB ? { target: `≤ ${target.rssMB} MB`, ok: median(compiled.rss) * MB <= target.rssMB } : {}),
      },
    );
  }

  for (const engine of ['postgres', 'embedded'] as const) {
    const s = await soak(engine, serverUrl);
    const firstHalf = s.after[0] - s.before;
    const secondHalf = s.after[1] - s.after[0];
    const failed = [...s.failures].map(([status, n]) => `${n}×${status}`).join(', ') || 'none';
    rows.push(
      { scenario: `soak, compiled, ${engine === 'postgres' ? 'PostgreSQL' : 'embedded'} (${SOAK_REQUESTS.toLocaleString('en')} mixed requests, ${SOAK_CONNECTIONS} in flight)`, metric: 'memory before → after 10,000 → after 20,000', value: `${mib(s.before)} → ${s.after[0].toFixed(0)} → ${mib(s.after[1])}` },
      // Bounded memory: the second 10,000 requests add little once caches and pools have filled.
      { scenario: '', metric: 'growth in the first / second 10,000', value: `${firstHalf.toFixed(0)} / ${secondHalf.toFixed(0)} MiB`, target: 'second ≤ 20 MiB', ok: secondHalf <= 20 },
      { scenario: '', metric: `memory ${SETTLE_MS / 1000} s after the soak`, value: mib(s.settled) },
      { scenario: '', metric: 'requests/s; failed', value: `${s.rps.toFixed(0)}; ${failed}`, target: 'none failed', ok: s.failures.size === 0 },
    );
  }
  return rows;
};
export default runtimeBench;
