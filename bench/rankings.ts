import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../backend/src/db/schema.ts';
import { rankingTable } from '../backend/src/rankings/rankings.queries.ts';
import type { BenchScenario } from './types.ts';
import { createBenchDatabase, httpLoad, loginCookie, loopLoad, ms, startServerProcess } from './lib.ts';

const APPLICATIONS = 5_000;
const REVIEWS_PER_APPLICATION = 3;
const CRITERIA = 6;
const JURORS = 30;

/**
 * Issue 4: the ranking of a cohort with 5,000 applications × 3 submitted reviews × 6 criteria —
 * weighted scores, per-juror z-scores, spread and competition ranks in one SQL statement; the
 * ranking list endpoint (first page, sorted by rank) under load.
 */
const rankings: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
  try {
    const { rows: [cohort] } = await pool.query(`
      INSERT INTO cohorts (name, year, application_opens_at, application_closes_at, phase)
      VALUES ('Bench 2026', 2026, '2025-11-01', '2026-02-28', 'review') RETURNING id`);
    await pool.query(`
      INSERT INTO criteria (cohort_id, name, weight, max_score, position)
      SELECT $1, 'Kriterium ' || i, 1 + i % 3, CASE WHEN i = 6 THEN 10 ELSE 5 END, i FROM generate_series(1, ${CRITERIA}) AS i`, [cohort.id]);
    await pool.query(`
      INSERT INTO users (email, name, role) SELECT 'juror' || i || '@example.org', 'Juror ' || i, 'jury' FROM generate_series(1, ${JURORS}) AS i`);
    await pool.query(`
      INSERT INTO organisations (name, city) SELECT 'Verein ' || i || ' e.V.', 'Berlin' FROM generate_series(1, ${APPLICATIONS}) AS i`);
    await pool.query(`
      INSERT INTO applications (cohort_id, organisation_id, project_name, status, submitted_at)
      SELECT $1, o.id, 'Projekt ' || o.id, 'eligible', now() FROM organisations o`, [cohort.id]);
    // Juror k·3+r (mod 30) reviews application k: every juror has 500 reviews; each juror a bias.
    await pool.query(`
      INSERT INTO reviews (application_id, juror_id, status, recommendation, submitted_at, scores)
      SELECT a.id, j.id, 'submitted', (ARRAY['yes','maybe','no'])[1 + (a.id + r) % 3], now(),
             (SELECT jsonb_agg(jsonb_build_object('criterion_id', c.id, 'score',
                least(c.max_score, greatest(0, round(random() * c.max_score + (j.id % 3) - 1)))::int, 'comment', null))
              FROM criteria c WHERE c.cohort_id = $1)
      FROM applications a
      CROSS JOIN generate_series(0, ${REVIEWS_PER_APPLICATION - 1}) AS r
      JOIN users j ON j.email = 'juror' || (1 + (a.id * 3 + r) % ${JURORS}) || '@example.org'
      WHERE a.cohort_id = $1`, [cohort.id]);
    await pool.query('ANALYZE');

    // The statement the endpoint sends (page 1 by rank), timed straight through pg.
    const compiled = rankingTable(kysely, sql<number>`${cohort.id}::int`)
      .select(sql<number>`count(*) over ()`.as('total_count'))
      .orderBy('t.rank', 'asc')
      .orderBy('t.id', 'asc')
      .limit(25)
      .compile();
    const check = await pool.query(compiled.sql, compiled.parameters as unknown[]);
    const total = Number(check.rows[0]?.total_count ?? 0);
    await loopLoad(() => pool.query(compiled.sql, compiled.parameters as unknown[]), 1, 1000);
    const raw = await loopLoad(() => pool.query(compiled.sql, compiled.parameters as unknown[]), 1, 4000);

    const cookie = await loginCookie(server.baseUrl);
    const url = `${server.baseUrl}/api/rankings?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohort.id }))}&sort=${encodeURIComponent('["rank","ASC"]')}&range=${encodeURIComponent('[0,24]')}`;
    await httpLoad(url, { cookie }, 2, 2);
    const single = await httpLoad(url, { cookie }, 1, 6);
    const loaded = await httpLoad(url, { cookie }, 4, 8);
    return [
      { scenario: `rankings (${APPLICATIONS} applications × ${REVIEWS_PER_APPLICATION} reviews × ${CRITERIA} criteria)`, metric: 'ranked rows', value: String(total), target: String(APPLICATIONS), ok: total === APPLICATIONS },
      { scenario: '', metric: 'one SQL statement p50 / p99', value: `${ms(raw.p50)} / ${ms(raw.p99)}` },
      { scenario: '', metric: 'API 1 connection p50 / p99', value: `${ms(single.p50)} / ${ms(single.p99)}`, target: 'p99 < 200 ms', ok: single.p99 < 200 },
      { scenario: '', metric: 'API 4 connections p50 / p99', value: `${ms(loaded.p50)} / ${ms(loaded.p99)}` },
      { scenario: '', metric: 'API requests/s (4 conn)', value: loaded.rps.toFixed(1) },
      { scenario: '', metric: 'errors', value: String(single.errors + loaded.errors + raw.errors), target: '0', ok: single.errors + loaded.errors + raw.errors === 0 },
    ];
  } finally {
    await kysely.destroy();
    await pool.end();
    await server.stop();
    await database.drop();
  }
};
export default rankings;
