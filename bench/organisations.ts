import pg from 'pg';
import type { BenchScenario } from './types.ts';
import { cpuMs, createBenchDatabase, httpLoad, loginCookie, loopLoad, ms, startServerProcess, type Measured } from './lib.ts';

const ROWS = 10_000;
const CONNECTIONS = 32;
const ROUNDS = 3;
const SECONDS = 6;

/**
 * Issue 2: the organisations list with 10,000 rows, sorted and filtered, 32 connections — the API
 * against the same SQL sent straight through pg. The two take turns for three rounds and the
 * medians are reported: on a two-core machine shared by load generator, server and PostgreSQL,
 * one run of each moves by ±20 %.
 */
const organisationsList: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  // BENCH_CPU_PROF_DIR=<dir>: the server runs under `node --cpu-prof` (docs/performance.md, issue 18 item 7).
  const server = await startServerProcess(database.url, {}, { cpuProfDir: process.env.BENCH_CPU_PROF_DIR });
  // The PostgreSQL backends of the server's pool (opened at start), before the baseline opens its own.
  const serverBackends = await backendPids(database.url);
  // As many connections as the server's pool (DATABASE_POOL_SIZE, 20).
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  try {
    await pool.query(`
      INSERT INTO organisations (name, city, state, field, legal_form, founded_year, description)
      SELECT 'Verein ' || i || ' für Bürgerbeteiligung e.V.',
             (ARRAY['Berlin','Köln','Leipzig','München','Görlitz'])[1 + i % 5],
             (ARRAY['Berlin','Nordrhein-Westfalen','Sachsen','Bayern','Sachsen'])[1 + i % 5],
             (ARRAY['education','social','environment','health','culture','integration','democracy','other'])[1 + i % 8],
             'e_v', 1950 + i % 70, 'Beschreibung ' || i
      FROM generate_series(1, ${ROWS}) AS i`);
    await pool.query('VACUUM ANALYZE organisations');
    const cookie = await loginCookie(server.baseUrl);
    const query = `sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,24]')}&filter=${encodeURIComponent('{"state":"Sachsen","field":"social"}')}`;
    const url = `${server.baseUrl}/api/organisations?${query}`;
    await httpLoad(url, { cookie }, 8, 2);

    // The statement the API sent for this request, read back from PostgreSQL's pg_stat_activity,
    // is then sent straight through pg twice: as pg sends it by default (unnamed: parsed and
    // planned every time), and as the API's pool sends it (a named statement, prepared once per
    // connection). The target is measured against the second: same SQL, same protocol, no HTTP,
    // Express or Kysely.
    const { rows: [sent] } = await pool.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%count(*) over ()%' AND pid <> pg_backend_pid() LIMIT 1`,
    );
    if (!sent) throw new Error('the list statement was not found in pg_stat_activity');
    // Its parameters: the two filter values, then the offset (the page size is written into it).
    const placeholders = Math.max(...[...sent.query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    const values = placeholders === 3 ? ['Sachsen', 'social', 0] : ['Sachsen', 'social', 25, 0];
    const check = await pool.query(sent.query, values);
    if (check.rows.length !== 25) throw new Error(`the baseline statement answered ${check.rows.length} rows, not 25`);
    const unnamed = () => pool.query(sent.query, values);
    const prepared = () => pool.query({ name: 'organisations_page', text: sent.query, values });
    // With as many loops as the measurement, so the pool has opened all its connections (and
    // their PostgreSQL backends are the ones counted below).
    await loopLoad(unnamed, CONNECTIONS, 2000);
    await loopLoad(prepared, CONNECTIONS, 2000);

    const baselineBackends = (await backendPids(database.url)).filter((pid) => !serverBackends.includes(pid));
    const serverPid = server.child.pid!;
    // CPU per request (ms): of the server process, of the PostgreSQL backends serving it, and of
    // the baseline's backends and of this process (pg's protocol and row parsing on the raw side).
    const cpu = { server: [] as number[], serverPg: [] as number[], rawPg: [] as number[], rawClient: [] as number[] };
    const runs: Record<'api' | 'prepared' | 'unnamed', Measured[]> = { api: [], prepared: [], unnamed: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const own = cpuMs(serverPid);
      let backends = sumCpuMs(serverBackends);
      const api = await httpLoad(url, { cookie }, CONNECTIONS, SECONDS);
      runs.api.push(api);
      cpu.server.push((cpuMs(serverPid) - own) / api.requests);
      cpu.serverPg.push((sumCpuMs(serverBackends) - backends) / api.requests);
      const client = process.cpuUsage();
      backends = sumCpuMs(baselineBackends);
      const raw = await loopLoad(prepared, CONNECTIONS, SECONDS * 1000);
      runs.prepared.push(raw);
      const used = process.cpuUsage(client);
      cpu.rawClient.push((used.user + used.system) / 1000 / raw.requests);
      cpu.rawPg.push((sumCpuMs(baselineBackends) - backends) / raw.requests);
      runs.unnamed.push(await loopLoad(unnamed, CONNECTIONS, SECONDS * 1000));
    }
    const api = median(runs.api);
    const raw = median(runs.prepared);
    const rawUnnamed = median(runs.unnamed);
    const ratio = api.rps / raw.rps;
    const errors = Object.values(runs).flat().reduce((sum, r) => sum + r.errors, 0);
    const each = (list: Measured[]) => list.map((r) => r.rps.toFixed(0)).join(', ');
    return [
      { scenario: `organisations list (10k rows, sort+filter, ${CONNECTIONS} conn, median of ${ROUNDS} × ${SECONDS} s)`, metric: 'API requests/s', value: `${api.rps.toFixed(0)} (${each(runs.api)})` },
      { scenario: '', metric: 'API p50 / p99', value: `${ms(api.p50)} / ${ms(api.p99)}`, target: 'p99 < 50 ms', ok: api.p99 < 50 },
      { scenario: '', metric: 'server CPU per request (rounds)', value: `${cpuText(cpu.server)}`, target: '≤ 0.5 ms', ok: middle(cpu.server) <= 0.5 },
      { scenario: '', metric: 'PostgreSQL CPU per API request (rounds)', value: cpuText(cpu.serverPg) },
      { scenario: '', metric: 'raw SQL via pg, prepared (as the API sends it) requests/s', value: `${raw.rps.toFixed(0)} (${each(runs.prepared)})` },
      { scenario: '', metric: 'raw SQL, prepared, p50 / p99', value: `${ms(raw.p50)} / ${ms(raw.p99)}` },
      { scenario: '', metric: 'raw SQL, prepared: PostgreSQL / pg client CPU per request', value: `${cpuText(cpu.rawPg)} / ${cpuText(cpu.rawClient)}` },
      { scenario: '', metric: 'API ÷ raw (prepared)', value: ratio.toFixed(2), target: '≥ 0.5', ok: ratio >= 0.5 },
      { scenario: '', metric: 'raw SQL via pg, unnamed (pg default) requests/s', value: `${rawUnnamed.rps.toFixed(0)} (${each(runs.unnamed)})` },
      { scenario: '', metric: 'raw SQL, unnamed, p50 / p99', value: `${ms(rawUnnamed.p50)} / ${ms(rawUnnamed.p99)}` },
      { scenario: '', metric: 'API ÷ raw (unnamed)', value: (api.rps / rawUnnamed.rps).toFixed(2) },
      { scenario: '', metric: 'errors', value: String(errors), target: '0', ok: errors === 0 },
    ];
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
};
export default organisationsList;

/** The PostgreSQL backend pids of a database (other than the asking connection). */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

function sumCpuMs(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      sum += cpuMs(pid);
    } catch {
      // the backend ended (its connection was closed)
    }
  }
  return sum;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpuText = (values: number[]) => `${middle(values).toFixed(2)} ms (${values.map((v) => v.toFixed(2)).join(', ')})`;

/** Per metric, the median over the rounds. */
function median(runs: Measured[]): Measured {
  const mid = <K extends keyof Measured>(key: K) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { rps: mid('rps'), p50: mid('p50'), p99: mid('p99'), errors: mid('errors'), requests: mid('requests') };
}
