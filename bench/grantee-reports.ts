import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { Database } from '../backend/src/db/schema.ts';
import type { RequestContext, SessionUser } from '../backend/src/http/context.ts';
import { selectGranteeReports } from '../backend/src/grantee-reports/grantee-reports.queries.ts';
import { applyListQuery, listPage } from '../backend/src/http/resource.ts';
import { parseListQuery, type ListSpec } from '../backend/src/http/list-query.ts';
import type { BenchScenario } from './types.ts';
import { BENCH_ADMIN, createBenchDatabase, httpLoad, loginCookie, loopLoad, ms, startServerProcess, type Measured } from './lib.ts';

const COHORTS = 5;
const FELLOWSHIPS = 500;
const REPORTS_PER_FELLOWSHIP = 4;
const EXPENSES_PER_FELLOWSHIP = 40;
/** The console's list of reports: filtered by cohort, sorted by due date, react-admin's page of 10. */
const LIST_QUERY = (cohortId: number) => ({ filter: JSON.stringify({ cohort_id: cohortId }), sort: '["due_on","ASC"]', range: '[0,9]' });
/** The list's fields the console's query names (same columns as the route in grantee-reports.routes.ts). */
const LIST_SPEC: ListSpec = {
  fields: {
    id: { column: 't.id', type: 'int' },
    cohort_id: { column: 'f.cohort_id', type: 'int' },
    due_on: { column: 't.due_on', type: 'date' },
  },
  defaultSort: ['due_on', 'ASC'],
};

async function fill(pool: pg.Pool): Promise<void> {
  await pool.query(`
    INSERT INTO cohorts (name, year, application_opens_at, application_closes_at, phase)
    SELECT 'Jahrgang ' || y, y, make_date(y - 1, 11, 1), make_date(y, 2, 28), 'programme' FROM generate_series(2022, ${2021 + COHORTS}) AS y`);
  await pool.query(`INSERT INTO organisations (name, city) SELECT 'Verein ' || i || ' e.V.', 'Berlin' FROM generate_series(1, ${FELLOWSHIPS}) AS i`);
  // Organisation i is a fellow of cohort (i mod 5): 100 fellowships per cohort.
  await pool.query(`
    INSERT INTO applications (cohort_id, organisation_id, project_name, status, submitted_at)
    SELECT c.id, o.id, 'Projekt ' || o.id, 'selected', now()
      FROM organisations o JOIN cohorts c ON c.year = 2022 + o.id % ${COHORTS}`);
  await pool.query(`
    INSERT INTO fellowships (cohort_id, organisation_id, application_id, grant_cents, agreement_signed_on)
    SELECT a.cohort_id, a.organisation_id, a.id, 4000000, make_date(c.year, 3, 1) FROM applications a JOIN cohorts c ON c.id = a.cohort_id`);
  // A budget plan of five of the seven categories (events and other stay unplanned: spending there has no plan).
  await pool.query(`
    INSERT INTO budget_lines (fellowship_id, category, planned_cents)
    SELECT f.id, c.category, c.planned FROM fellowships f
     CROSS JOIN (VALUES ('personnel', 2000000), ('fees', 800000), ('travel', 300000), ('material', 500000), ('overhead', 400000)) AS c(category, planned)`);
  // Three interim reports and a final one per fellowship, quarter by quarter; the older ones accepted.
  await pool.query(`
    INSERT INTO grantee_reports (fellowship_id, kind, period_start, period_end, due_on, status, achievements, submitted_at)
    SELECT f.id, CASE WHEN q = ${REPORTS_PER_FELLOWSHIP} THEN 'final' ELSE 'interim' END,
           make_date(c.year, 3 * q - 2, 1), (make_date(c.year, 3 * q - 2, 1) + interval '3 months - 1 day')::date,
           (make_date(c.year, 3 * q - 2, 1) + interval '4 months')::date,
           (ARRAY['accepted','accepted','submitted','requested'])[q], 'Erreicht ' || q, CASE WHEN q < 4 THEN now() END
      FROM fellowships f JOIN cohorts c ON c.id = f.cohort_id CROSS JOIN generate_series(1, ${REPORTS_PER_FELLOWSHIP}) AS q`);
  // 40 expenses per fellowship, spread over its reports and all seven categories.
  await pool.query(`
    INSERT INTO expenses (grantee_report_id, category, spent_on, payee, description, amount_cents)
    SELECT r.id, (ARRAY['personnel','fees','travel','material','events','overhead','other'])[1 + (r.id + k) % 7],
           r.period_start + (k * 7) % 80, 'Zahlungsempfänger ' || k, 'Ausgabe ' || k, 5000 + (r.id * 37 + k * 101) % 200000
      FROM grantee_reports r CROSS JOIN generate_series(1, ${EXPENSES_PER_FELLOWSHIP / REPORTS_PER_FELLOWSHIP}) AS k`);
  await pool.query('ANALYZE');
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/**
 * EXPLAIN ANALYZE of a statement: which relations are read by a sequential scan, which indexes are
 * used, the execution time. With BENCH_EXPLAIN set, the plans as text go to stderr as well.
 */
async function explain(pool: pg.Pool, query: CompiledQuery): Promise<{ seqScans: string[]; indexes: string[]; executionMs: number; expenseRowsRead: number }> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, query.parameters as unknown[]);
    const top = rows[0]['QUERY PLAN'][0] as { Plan: PlanNode; 'Execution Time': number };
    const seqScans = new Set<string>();
    const indexes = new Set<string>();
    let expenseRowsRead = 0;
    const walk = (node: PlanNode) => {
      if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) seqScans.add(node['Relation Name']);
      if (node['Index Name']) indexes.add(node['Index Name']);
      // Rows the scan touched: those it returned and those its filter (the category) dropped.
      if (node['Relation Name'] === 'expenses') expenseRowsRead += ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(top.Plan);
    if (process.env.BENCH_EXPLAIN) {
      const text = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.parameters as unknown[]);
      process.stderr.write(`${query.sql}\n${text.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\n`);
    }
    return { seqScans: [...seqScans].sort(), indexes: [...indexes].sort(), executionMs: top['Execution Time'], expenseRowsRead };
  } finally {
    client.release();
  }
}

/** A statement as the app sends it: prepared once on the connection (by name), then bound and executed. */
function prepared(pool: pg.Pool, name: string, query: CompiledQuery) {
  return () => pool.query({ name, text: query.sql, values: query.parameters as unknown[] });
}

const ROUNDS = 1500;

/** `rounds` times a then b, one after the other; p50/p99 of each (ms). */
async function alternate(a: () => Promise<unknown>, b: () => Promise<unknown>, rounds: number): Promise<[Measured, Measured]> {
  const times: [number[], number[]] = [[], []];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const t = performance.now();
      try {
        await fn();
      } catch {
        errors++;
      }
      times[k].push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return times.map((latencies) => {
    latencies.sort((x, y) => x - y);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
    return { rps: rounds / seconds, p50: q(0.5), p99: q(0.99), errors, requests: rounds };
  }) as [Measured, Measured];
}

const ratio = (api: number, raw: number) => (raw > 0 ? api / raw : NaN);
const pair = (m: Measured) => `${ms(m.p50)} / ${ms(m.p99)}`;

/**
 * Issue 19: budget against actual (the view `grantee_report_budget`) at 500 fellowships × 40
 * expenses (4 reports each, 20,000 expenses): one report (GET /api/grantee-reports/:id) and a
 * cohort's list page as the console asks for it, each through the API and as the same SQL sent raw
 * over a prepared statement, with p50/p99, the ratio API ÷ raw, and EXPLAIN ANALYZE of the view.
 */
const granteeReports: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const captured: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await fill(pool);
    const { rows: [probe] } = await pool.query(`
      SELECT r.id, f.cohort_id FROM grantee_reports r JOIN fellowships f ON f.id = r.fellowship_id
       WHERE r.kind = 'final' ORDER BY r.id DESC LIMIT 1`);
    const counts = (await pool.query('SELECT (SELECT count(*) FROM expenses)::int AS expenses, (SELECT count(*) FROM grantee_reports)::int AS reports')).rows[0];
    const { rows: [admin] } = await pool.query('SELECT id, email, name, role, organisation_id FROM users WHERE email = $1', [BENCH_ADMIN.email]);
    const user: SessionUser = { ...admin, locale: 'de', session_id: 'bench' };
    const ctx = { user } as RequestContext;

    // The statements the two endpoints send, built by the same functions the routes call and
    // captured as compiled SQL with their parameters.
    await selectGranteeReports(kysely, ctx).where(sql.ref('t.id'), '=', probe.id).executeTakeFirst();
    const oneQuery = captured.at(-1)!;
    const list = parseListQuery(LIST_QUERY(probe.cohort_id), LIST_SPEC, ctx);
    const visible = selectGranteeReports(kysely, ctx);
    const page = await listPage(kysely, applyListQuery(visible, list, {}, ctx), list, visible);
    const listQuery = captured.at(-1)!;
    const viewQuery = { sql: 'select * from grantee_report_budget where grantee_report_id = $1 order by position', parameters: [probe.id] } as unknown as CompiledQuery;

    // Raw: the statements straight through pg, prepared once per connection as the app's pool does.
    const rawOne = prepared(pool, 'bench_one', oneQuery);
    const rawList = prepared(pool, 'bench_list', listQuery);
    const rawView = prepared(pool, 'bench_view', viewQuery);

    const cookie = await loginCookie(server.baseUrl);
    const oneUrl = `${server.baseUrl}/api/grantee-reports/${probe.id}`;
    const q = LIST_QUERY(probe.cohort_id);
    const listUrl = `${server.baseUrl}/api/grantee-reports?filter=${encodeURIComponent(q.filter)}&sort=${encodeURIComponent(q.sort)}&range=${encodeURIComponent(q.range)}`;
    const get = (url: string) => async () => {
      const res = await fetch(url, { headers: { cookie } });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      return res.json();
    };
    const oneBody = (await get(oneUrl)()) as { budget_vs_actual: unknown[] };
    const listRes = await fetch(listUrl, { headers: { cookie } });
    const listBody = (await listRes.json()) as Array<{ id: number; budget_vs_actual: unknown[] }>;

    // One connection each, API and raw taking turns request by request: both see the same moments
    // of a machine shared with other work, so the ratio compares like with like. The warm-up lets
    // the prepared statements (here and in the app's pool) settle on their plans.
    await alternate(get(oneUrl), rawOne, 200);
    const [apiOne, rawOneM] = await alternate(get(oneUrl), rawOne, ROUNDS);
    await alternate(get(listUrl), rawList, 200);
    const [apiList, rawListM] = await alternate(get(listUrl), rawList, ROUNDS);
    await loopLoad(rawView, 1, 500);
    const rawViewM = await loopLoad(rawView, 1, 3000);
    const apiList4 = await httpLoad(listUrl, { cookie }, 4, 6);

    const explainView = await explain(pool, viewQuery);
    const explainOne = await explain(pool, oneQuery);
    const explainList = await explain(pool, listQuery);
    const sameList = JSON.stringify(listBody.map((r) => r.id)) === JSON.stringify(page.rows.map((r) => r.id));
    const oneRatio = ratio(apiOne.p99, rawOneM.p99);
    const listRatio = ratio(apiList.p99, rawListM.p99);
    const errors = apiOne.errors + apiList.errors + apiList4.errors + rawViewM.errors;
    const noSeqOnExpenses = (e: { seqScans: string[] }) => !e.seqScans.includes('expenses');
    const scans = (e: { seqScans: string[]; indexes: string[]; executionMs: number; expenseRowsRead: number }) =>
      `${ms(e.executionMs)}; ${e.expenseRowsRead} expense rows read; seq scans: ${e.seqScans.join(', ') || 'none'}; indexes: ${e.indexes.join(', ')}`;
    return [
      {
        scenario: `budget vs actual (${FELLOWSHIPS} fellowships × ${EXPENSES_PER_FELLOWSHIP} expenses, ${counts.reports} reports, ${counts.expenses} expenses)`,
        metric: 'view rows of the final report (API)', value: String(oneBody.budget_vs_actual.length), target: '7', ok: oneBody.budget_vs_actual.length === 7,
      },
      { scenario: '', metric: 'view alone, one report, raw p50 / p99', value: pair(rawViewM) },
      {
        scenario: '', metric: 'EXPLAIN ANALYZE of the view, one report', value: scans(explainView),
        target: `no seq scan on expenses, ≤ ${7 * EXPENSES_PER_FELLOWSHIP} expense rows`, ok: noSeqOnExpenses(explainView) && explainView.expenseRowsRead <= 7 * EXPENSES_PER_FELLOWSHIP,
      },
      { scenario: 'GET /api/grantee-reports/:id', metric: 'raw SQL (prepared) p50 / p99', value: pair(rawOneM) },
      { scenario: '', metric: 'API 1 connection p50 / p99', value: pair(apiOne), target: 'p99 < 50 ms', ok: apiOne.p99 < 50 },
      { scenario: '', metric: 'API ÷ raw at p50 / p99', value: `${ratio(apiOne.p50, rawOneM.p50).toFixed(1)} / ${oneRatio.toFixed(1)}`, target: 'p99 ≤ 4', ok: oneRatio <= 4 },
      { scenario: '', metric: 'EXPLAIN ANALYZE', value: scans(explainOne), target: 'no seq scan on expenses', ok: noSeqOnExpenses(explainOne) },
      {
        scenario: 'GET /api/grantee-reports (cohort, due_on, 10 rows)', metric: 'rows (API = raw)', value: `${listBody.length} of ${listRes.headers.get('content-range')}`,
        target: '10, same ids', ok: listBody.length === 10 && sameList && listBody.every((r) => r.budget_vs_actual.length > 0),
      },
      { scenario: '', metric: 'raw SQL (prepared) p50 / p99', value: pair(rawListM) },
      { scenario: '', metric: 'API 1 connection p50 / p99', value: pair(apiList), target: 'p99 < 100 ms', ok: apiList.p99 < 100 },
      { scenario: '', metric: 'API ÷ raw at p50 / p99', value: `${ratio(apiList.p50, rawListM.p50).toFixed(1)} / ${listRatio.toFixed(1)}`, target: 'p99 ≤ 3', ok: listRatio <= 3 },
      { scenario: '', metric: 'API 4 connections p50 / p99, req/s', value: `${pair(apiList4)}, ${apiList4.rps.toFixed(0)}/s` },
      { scenario: '', metric: 'EXPLAIN ANALYZE', value: scans(explainList), target: 'no seq scan on expenses', ok: noSeqOnExpenses(explainList) },
      { scenario: '', metric: 'errors', value: String(errors), target: '0', ok: errors === 0 },
    ];
  } finally {
    await kysely.destroy();
    await pool.end();
    await server.stop();
    await database.drop();
  }
};
export default granteeReports;
