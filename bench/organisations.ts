import pg from 'pg';
import type { BenchScenario } from './types.ts';
import { createBenchDatabase, httpLoad, loginCookie, loopLoad, ms, startServerProcess } from './lib.ts';

const ROWS = 10_000;

/**
 * Issue 2: the organisations list with 10,000 rows, sorted and filtered, 32 connections — the API
 * against the same SQL sent straight through pg.
 */
const organisationsList: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  try {
    await pool.query(`
      INSERT INTO organisations (name, city, state, field, legal_form, founded_year, description)
      SELECT 'Verein ' || i || ' für Bürgerbeteiligung e.V.',
             (ARRAY['Berlin','Köln','Leipzig','München','Görlitz'])[1 + i % 5],
             (ARRAY['Berlin','Nordrhein-Westfalen','Sachsen','Bayern','Sachsen'])[1 + i % 5],
             (ARRAY['education','social','environment','health','culture','integration','democracy','other'])[1 + i % 8],
             'e_v', 1950 + i % 70, 'Beschreibung ' || i
      FROM generate_series(1, ${ROWS}) AS i`);
    await pool.query('ANALYZE organisations');
    const cookie = await loginCookie(server.baseUrl);
    const query = `sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,24]')}&filter=${encodeURIComponent('{"state":"Sachsen","field":"social"}')}`;
    // Warm-up both paths.
    await httpLoad(`${server.baseUrl}/api/organisations?${query}`, { cookie }, 8, 2);
    const api = await httpLoad(`${server.baseUrl}/api/organisations?${query}`, { cookie }, 32, 8);
    const sql = `SELECT t.*, count(*) OVER () AS total_count FROM organisations t WHERE t.state = $1 AND t.field = $2 ORDER BY t.name ASC, t.id ASC LIMIT 25 OFFSET 0`;
    await loopLoad(() => pool.query(sql, ['Sachsen', 'social']), 8, 2000);
    const raw = await loopLoad(() => pool.query(sql, ['Sachsen', 'social']), 32, 8000);
    const ratio = api.rps / raw.rps;
    return [
      { scenario: 'organisations list (10k rows, sort+filter, 32 conn)', metric: 'API requests/s', value: api.rps.toFixed(0) },
      { scenario: '', metric: 'API p50 / p99', value: `${ms(api.p50)} / ${ms(api.p99)}`, target: 'p99 < 50 ms', ok: api.p99 < 50 },
      { scenario: '', metric: 'raw SQL via pg requests/s', value: raw.rps.toFixed(0) },
      { scenario: '', metric: 'raw SQL p50 / p99', value: `${ms(raw.p50)} / ${ms(raw.p99)}` },
      { scenario: '', metric: 'API ÷ raw', value: ratio.toFixed(2), target: '≥ 0.5', ok: ratio >= 0.5 },
      { scenario: '', metric: 'errors', value: String(api.errors + raw.errors), target: '0', ok: api.errors + raw.errors === 0 },
    ];
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
};
export default organisationsList;
