import assert from 'node:assert/strict';
import request from 'supertest';
import { sql } from 'kysely';
import { testContext } from '../support/context.ts';
import { MATRIX, OUTCOMES, parseEntry, type Outcome } from './matrix.table.ts';
import { buildWorld, clearTables, CONFIDENTIAL_NOTE, CONTACT_MARKERS, FAKE_HASH, PERSON_MARKER, fillPath, MATRIX_ROLES, sessionTokens, type MatrixRole, type World } from './world.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { databaseSnapshot } from '../support/fixtures.ts';

const routeKey = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

/** What a status code says about the gate: allowed (2xx), allowed but input refused, or kept out. */
export function classify(status: number): Outcome | '5xx' {
  if (status >= 500) return '5xx';
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403 || status === 404) return String(status) as Outcome;
  return 'in';
}

const currentXid = async (db: typeof testContext.db) => Number((await sql<{ x: string }>`select txid_current()::text as x`.execute(db)).rows[0].x);
const auditCount = async (db: typeof testContext.db) => Number((await sql<{ n: string }>`select count(*)::text as n from audit_events`.execute(db)).rows[0].n);

/**
 * What a caller must never read, whatever the route: password hashes (anyone), confidential coaching
 * notes (anyone but the coach who wrote them and admins), A's contact and bank data (jurors; B's
 * applicant and the other coach for the bank data).
 */
function leaksIn(text: string, role: MatrixRole): string[] {
  const leaks: string[] = [];
  if (text.includes(FAKE_HASH) || text.includes('password_hash')) leaks.push('a password hash');
  if (text.includes(CONFIDENTIAL_NOTE) && role !== 'coach' && role !== 'admin') leaks.push('a confidential coaching note');
  if (role === 'jury' || role === 'conflictedJury') for (const m of CONTACT_MARKERS) if (text.includes(m)) leaks.push(`contact data ${m}`);
  // A funder reads numbers and frozen reports: never a person, a contact or an account.
  if (role === 'funder' || role === 'otherFunder') for (const m of [...CONTACT_MARKERS, PERSON_MARKER]) if (text.includes(m)) leaks.push(`personal data ${m}`);
  if ((role === 'applicantB' || role === 'otherCoach' || role === 'anonymous') && text.includes(CONTACT_MARKERS[2])) leaks.push('A’s IBAN');
  return leaks;
}

/** The snapshot without the tables a write is expected to add to (audit trail, outbox, tokens). */
const dataOnly = (snapshot: string) => snapshot.split('\n').filter((l) => !/^(audit_events|emails|password_resets|job_runs):/.test(l)).join('\n');

const matches = (expected: Outcome, actual: Outcome | '5xx') => expected === actual || (expected === 'in' && actual === 'ok');

async function call(world: World, method: string, path: string, role: MatrixRole, entry: ReturnType<typeof parseEntry>) {
  let req = (request(testContext.app) as any)[method](`/api${fillPath(path, world.ids)}`) as request.Test;
  if (role !== 'anonymous') req = req.set('Cookie', `${SESSION_COOKIE}=${sessionTokens[role]}`);
  if (entry.query) req = req.query(entry.query);
  if (method !== 'get') req = req.send((entry.body ?? {}) as object);
  return req;
}

describe('security: authorization matrix', function () {
  this.timeout(300_000);

  it('has an entry for every route and none for a route that no longer exists', () => {
    const keys = new Set(testContext.routes.map(routeKey));
    const missing = [...keys].filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.has(k));
    assert.deepEqual(missing, [], `routes without a matrix entry (add them to backend/test/security/matrix.table.ts):\n${missing.join('\n')}`);
    assert.deepEqual(stale, [], `matrix entries without a route:\n${stale.join('\n')}`);
  });

  it('answers every route × role as the table says (never a 5xx)', async () => {
    const db = testContext.db;
    let world = await buildWorld(db, null);
    let worldSnapshot = await databaseSnapshot();
    const failures: string[] = [];
    const observed: string[] = [];
    const unaudited: string[] = [];
    for (const route of testContext.routes) {
      const key = routeKey(route);
      const raw = MATRIX[key];
      const entry = raw === undefined ? parseEntry(MATRIX_ROLES.map(() => 'in').join(' ')) : parseEntry(raw);
      const seen: string[] = [];
      const check = (i: number, role: MatrixRole, res: request.Response) => {
        const actual = classify(res.status);
        const text = typeof res.text === 'string' ? res.text : '';
        for (const leak of leaksIn(text, role)) failures.push(`${key} as ${role}: answer contains ${leak}`);
        seen[i] = actual;
        if (res.status >= 400 && !/json/.test(String(res.headers['content-type']))) failures.push(`${key} as ${role}: ${res.status} without a JSON body`);
        if (raw !== undefined && !matches(entry.expect[i], actual)) {
          failures.push(`${key} as ${role}: expected ${entry.expect[i]}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 160)}`);
        }
      };
      if (route.method === 'get') {
        // Reads change nothing the other callers would see: ask all eleven at once.
        const answers = await Promise.all(MATRIX_ROLES.map((role) => call(world, route.method, route.path, role, entry)));
        answers.forEach((res, i) => check(i, MATRIX_ROLES[i], res));
      } else {
        for (const [i, role] of MATRIX_ROLES.entries()) {
          const xidBefore = await currentXid(db);
          const auditBefore = await auditCount(db);
          const res = await call(world, route.method, route.path, role, entry);
          check(i, role, res);
          // Every write that changed data leaves an audit event (account routes only touch sessions/tokens/outbox).
          if (res.status < 300 && !route.path.startsWith('/auth/') && (await currentXid(db)) > xidBefore + 1 && (await auditCount(db)) === auditBefore) {
            if (dataOnly(await databaseSnapshot()) !== dataOnly(worldSnapshot)) unaudited.push(`${key} as ${role}`);
          }
          // A write that went through may have changed or deleted A's records: start over.
          if (res.status < 300) {
            await clearTables(db);
            world = await buildWorld(db, null);
            worldSnapshot = await databaseSnapshot();
          }
        }
      }
      observed.push(`  '${key}':${' '.repeat(Math.max(1, 48 - key.length))}'${seen.map((s) => s.padEnd(3)).join(' ').trimEnd()}',`);
    }
    if (process.env.MATRIX_RECORD) console.log(`\n// observed outcomes (${MATRIX_ROLES.join(' ')})\n${observed.join('\n')}`);
    assert.deepEqual(failures, []);
    assert.deepEqual(unaudited, [], 'writes that changed data without an audit event');
  });

  it('uses only known outcome words', () => {
    for (const [key, raw] of Object.entries(MATRIX)) {
      const { expect } = parseEntry(raw);
      assert.equal(expect.length, MATRIX_ROLES.length, key);
      for (const o of expect) assert.ok(OUTCOMES.includes(o), `${key}: ${o}`);
    }
  });
});
