import pg from 'pg';
import type { BenchScenario } from './types.ts';
import { createBenchDatabase, httpLoad, loginCookie, ms, startServerProcess, BENCH_ADMIN } from './lib.ts';
import { openDatabase } from '../backend/src/db/database.ts';
import { applyRetention } from '../backend/src/privacy/retention.job.ts';

const DUE = 300;

/**
 * Issue 10: what the security layers cost. The per-request gate (session lookup, Origin/JSON checks,
 * role gate) on `/api/auth/me` under 32 connections; a login (scrypt) end to end; the daily
 * retention job anonymising 300 due applicants.
 */
const trust: BenchScenario = async ({ serverUrl }) => {
  const database = await createBenchDatabase(serverUrl);
  const server = await startServerProcess(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const cookie = await loginCookie(server.baseUrl);
    await httpLoad(`${server.baseUrl}/api/auth/me`, { cookie }, 8, 2);
    const gate = await httpLoad(`${server.baseUrl}/api/auth/me`, { cookie }, 32, 8);

    const logins: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      await loginCookie(server.baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
      logins.push(performance.now() - t);
    }
    logins.sort((a, b) => a - b);

    await pool.query(`
      INSERT INTO cohorts (name, year, application_opens_at, application_closes_at, retention_months, phase)
      VALUES ('Jahrgang 2022', 2022, now() - interval '4 years', now() - interval '3 years', 24, 'alumni')`);
    await pool.query(`
      WITH o AS (
        INSERT INTO organisations (name, email, street, city, state, field, phone)
        SELECT 'Abgelehnter Verein ' || i, 'verein' || i || '@example.org', 'Straße ' || i, 'Görlitz', 'Sachsen', 'social', '0351 ' || i
        FROM generate_series(1, ${DUE}) i RETURNING id, email)
      , p AS (INSERT INTO people (organisation_id, first_name, last_name, email) SELECT id, 'Vorname', 'Nachname', email FROM o)
      , u AS (INSERT INTO users (email, name, role, organisation_id) SELECT 'login-' || email, 'Person', 'applicant', id FROM o)
      , e AS (INSERT INTO emails ("to", subject, body, template, organisation_id) SELECT email, 'Absage', 'Liebe …', 'decision_rejected', id FROM o)
      INSERT INTO applications (cohort_id, organisation_id, project_name, status)
      SELECT (SELECT id FROM cohorts WHERE name = 'Jahrgang 2022'), id, 'Projekt', 'rejected' FROM o`);
    const handle = await openDatabase({ url: database.url, poolSize: 2 });
    const t = performance.now();
    const result = await applyRetention(handle.db);
    const retentionMs = performance.now() - t;
    await handle.close();

    const loginP50 = logins[Math.floor(logins.length / 2)];
    return [
      { scenario: 'security gate on GET /api/auth/me (32 conn)', metric: 'requests/s', value: gate.rps.toFixed(0) },
      { scenario: '', metric: 'p50 / p99', value: `${ms(gate.p50)} / ${ms(gate.p99)}`, target: 'p99 < 50 ms', ok: gate.p99 < 50 },
      { scenario: '', metric: 'errors', value: String(gate.errors), target: '0', ok: gate.errors === 0 },
      { scenario: 'login (scrypt N=16384), sequential', metric: 'p50 / max', value: `${ms(loginP50)} / ${ms(logins.at(-1)!)}`, target: 'p50 < 500 ms', ok: loginP50 < 500 },
      { scenario: `retention job: anonymise ${DUE} due applicants`, metric: 'duration', value: ms(retentionMs), target: '< 30 s', ok: retentionMs < 30_000 && result.anonymised.length === DUE },
      { scenario: '', metric: 'anonymised / failed', value: `${result.anonymised.length} / ${result.failed.length}`, target: `${DUE} / 0`, ok: result.anonymised.length === DUE && result.failed.length === 0 },
    ];
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
};
export default trust;
