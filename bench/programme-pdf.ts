import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../backend/src/db/schema.ts';
import type { BenchScenario } from './types.ts';
import { cpuMs, createBenchDatabase, loginCookie, ms, ROOT, rssMiB, startServerProcess } from './lib.ts';
import { populateCohort } from '../backend/test/support/report-data.ts';
import { addOutcomes } from '../backend/test/support/outcome-data.ts';

const COHORTS = 10;
const FELLOWS = 10;
const INDICATORS = 5;
const VALUES = 8;
const SITES_PER_FELLOW = 3;
const RUNS = 5;

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Issue 20: programme.pdf over 10 cohorts × 10 fellows × 5 indicators × 8 values (+ 3 transfer
 * sites per fellow), through the real server in its own process: wall time and server CPU per PDF
 * (median of 5 after one warm-up), the server's peak RSS above idle for the first PDF and, after
 * resetting the peak, for the warm ones. Baseline, measured in the same
 * run: bare pdfkit writing the same pages with the same text in the same font, in a process of its
 * own (bench/baselines/pdfkit-pages.ts).
 */
const programmePdfBench: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url, { CONSOLE_DIR: mkdtempSync(join(tmpdir(), 'bench-no-console-')) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });
  const dir = mkdtempSync(join(tmpdir(), 'bench-programme-'));
  try {
    const firstYear = 2017;
    for (let k = 0; k < COHORTS; k++) {
      const year = firstYear + k;
      const cohort = await populateCohort(db, { applications: FELLOWS + 2, fellows: FELLOWS, year, name: `Jahrgang ${year}` });
      await addOutcomes(db, cohort.cohortId, { indicators: INDICATORS, values: VALUES, sitesPerFellow: SITES_PER_FELLOW });
    }
    const valueCount = Number((await db.selectFrom('indicator_values').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const pid = server.child.pid!;
    const idleRss = rssMiB(pid);
    const cookie = await loginCookie(server.baseUrl);
    const url = `${server.baseUrl}/api/reports/programme.pdf?from_year=${firstYear}&to_year=${firstYear + COHORTS - 1}`;
    const fetchPdf = async () => {
      const started = performance.now();
      const cpuBefore = cpuMs(pid);
      const res = await fetch(url, { headers: { cookie } });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      return { ms: performance.now() - started, cpu: cpuMs(pid) - cpuBefore, bytes };
    };
    const warm = await fetchPdf();
    const peakCold = peakRssMiB(pid);
    // Resets VmHWM to the current RSS (Linux, proc(5) clear_refs "5"): the warm runs' peak is then their own.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const warmBase = rssMiB(pid);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await fetchPdf();
      times.push(r.ms);
      cpu.push(r.cpu);
    }
    const peak = peakRssMiB(pid);

    const pdfFile = join(dir, 'programme.pdf');
    writeFileSync(pdfFile, warm.bytes);
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
      .split('\f').slice(0, -1).map((page) => page.split('\n').filter((line) => line.trim()));
    const pagesFile = join(dir, 'pages.json');
    writeFileSync(pagesFile, JSON.stringify(pages));
    const baseline = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/baselines/pdfkit-pages.ts', pagesFile, String(RUNS)], { cwd: ROOT, encoding: 'utf8' })) as {
      ms: number[]; maxRssMiB: number; idleRssMiB: number; bytes: number;
    };
    const lines = pages.reduce((n, p) => n + p.length, 0);
    const ratio = median(times) / median(baseline.ms);
    return [
      {
        scenario: `programme.pdf, ${COHORTS} cohorts × ${FELLOWS} fellows × ${INDICATORS} indicators × ${VALUES} values (${valueCount} values, ${COHORTS * FELLOWS * SITES_PER_FELLOW} sites)`,
        metric: `median of ${RUNS}`, value: `${ms(median(times))} (${pages.length} pages, ${(warm.bytes.length / 1024).toFixed(0)} KB)`, target: '< 2 s', ok: median(times) < 2000,
      },
      { scenario: '', metric: 'server CPU time, median', value: ms(median(cpu)) },
      { scenario: '', metric: 'server memory, first PDF (peak − idle; fonts parsed, login)', value: `${(peakCold - idleRss).toFixed(0)} MiB (peak ${peakCold.toFixed(0)}, idle ${idleRss.toFixed(0)} MiB)`, target: '< 150 MiB', ok: peakCold - idleRss < 150 },
      { scenario: '', metric: `server memory, ${RUNS} warm PDFs (peak − RSS before)`, value: `${(peak - warmBase).toFixed(0)} MiB (peak ${peak.toFixed(0)}, before ${warmBase.toFixed(0)} MiB)`, target: '< 50 MiB', ok: peak - warmBase < 50 },
      { scenario: 'baseline: bare pdfkit, same pages and text', metric: `median of ${RUNS}`, value: `${ms(median(baseline.ms))} (${lines} lines, ${(baseline.bytes / 1024).toFixed(0)} KB)` },
      { scenario: '', metric: 'baseline process peak RSS (maxRSS)', value: `${baseline.maxRssMiB.toFixed(0)} MiB (at start ${baseline.idleRssMiB.toFixed(0)} MiB)` },
      { scenario: '', metric: 'programme.pdf ÷ bare pdfkit (time)', value: ratio.toFixed(1), target: '≤ 10', ok: ratio <= 10 },
    ];
  } finally {
    await db.destroy();
    await server.stop();
    await database.drop();
  }
};
export default programmePdfBench;
