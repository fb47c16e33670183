import assert from 'node:assert/strict';
import request from 'supertest';
import { testContext } from '../support/context.ts';
import { databaseSnapshot } from '../support/fixtures.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import { MATRIX, parseEntry } from './matrix.table.ts';
import { buildWorld, clearTables, fillPath, MATRIX_ROLES, sessionTokens, type MatrixRole, type World } from './world.ts';

/**
 * Every route with a body refuses a key its schema does not name (400 `unknown_field` naming it),
 * at the top and in every nested object, instead of dropping it; nothing changes. The routes are
 * walked from the route table, so a new action is covered the day it is added.
 */
const EXTRA = 'unbekanntes_feld';

type Def = { type: string; shape?: Record<string, unknown>; catchall?: { _zod: { def: { type: string } } }; element?: unknown; innerType?: unknown; in?: any; out?: unknown; options?: unknown[]; entries?: Record<string, string>; values?: unknown[]; format?: string };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/**
 * A body the schema would (nearly) take: every field with a plausible value. With `extra`, every
 * object in it also carries EXTRA; `paths` collects where (`scores.0.unbekanntes_feld`).
 */
function validish(schema: unknown, ids: World['ids'], extra: boolean, path: string[] = [], paths: string[] = []): unknown {
  const def = defOf(schema);
  if (!def) return 'Text';
  switch (def.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape ?? {})) body[key] = validish(child, ids, extra, [...path, key], paths);
      if (extra) {
        body[EXTRA] = 'x';
        paths.push([...path, EXTRA].join('.'));
      }
      return body;
    }
    case 'array':
      return [validish(def.element, ids, extra, [...path, '0'], paths)];
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return validish(def.innerType, ids, extra, path, paths);
    case 'pipe':
      return validish(def.in?._zod?.def?.type === 'transform' ? def.out : def.in, ids, extra, path, paths);
    case 'union':
      return validish(def.options?.[0], ids, extra, path, paths);
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'number': case 'int':
      return ids.organisations;
    case 'boolean':
      return true;
    case 'date':
      return '2026-06-01T10:00:00Z';
    case 'string':
      return def.format === 'email' ? 'unbekannt@example.org' : 'Begründung';
    default:
      return 'Text';
  }
}

/** A body the router hands on unchecked for the route to judge (registerResource's create/update). */
const isLoose = (route: RouteDef) => {
  const def = defOf(route.body);
  return def?.type === 'object' && def.catchall !== undefined && def.catchall._zod.def.type !== 'never';
};

/** The first caller the matrix lets past this route's gate (as in the hostile tests). */
function callerFor(route: RouteDef): MatrixRole {
  const raw = MATRIX[`${route.method.toUpperCase()} ${route.path}`];
  if (!raw) return 'admin';
  const { expect } = parseEntry(raw);
  const order: MatrixRole[] = ['admin', 'staff', 'applicantA', 'jury', 'coach', 'conflictedJury', 'applicantB', 'otherCoach', 'anonymous'];
  return order.find((r) => ['ok', 'in'].includes(expect[MATRIX_ROLES.indexOf(r)])) ?? 'admin';
}

describe('security: unknown body fields', function () {
  this.timeout(120_000);

  it('refuses a key the schema does not name, on every route with a body and at every nesting level, and changes nothing', async () => {
    await clearTables(testContext.db);
    const world = await buildWorld(testContext.db, null);
    const before = await databaseSnapshot();
    const withBody = testContext.routes.filter((route) => route.body);
    const checked: string[] = [];
    for (const route of withBody) {
      const label = `${route.method.toUpperCase()} ${route.path}`;
      if (isLoose(route)) {
        // Only registerResource's create and update check the keys themselves (against the record).
        assert.match(label, /^(POST \/[a-z-]+|PUT \/[a-z-]+\/:id)$/, `${label}: a loose body outside registerResource`);
        continue;
      }
      const expected: string[] = [];
      const body = validish(route.body, world.ids, true, [], expected);
      const role = callerFor(route);
      let req = (request(testContext.app) as any)[route.method](`/api${fillPath(route.path, world.ids)}`) as request.Test;
      if (role !== 'anonymous') req = req.set('Cookie', `${SESSION_COOKIE}=${sessionTokens[role]}`);
      const res = await req.send(body as object);
      assert.equal(res.status, 400, `${label}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.equal(res.body.code, 'unknown_field', `${label}: ${res.text.slice(0, 200)}`);
      assert.deepEqual(Object.keys(res.body.errors).sort(), expected.sort(), label);
      assert.match(res.body.message, new RegExp(EXTRA), label);
      checked.push(label);
    }
    // The actions of the issue, among others: the walk reaches them.
    for (const action of ['POST /applications/:id/decide', 'POST /disbursements/:id/pay', 'POST /cohorts/:id/assign-reviewers', 'POST /reviews/:id/submit', 'POST /workshops/:id/mark-attendance', 'POST /auth/login']) {
      assert.ok(checked.includes(action), `${action} not checked`);
    }
    assert.ok(checked.length >= 20, `only ${checked.length} routes checked`);
    assert.equal(await databaseSnapshot(), before, 'a refused body changed the database');
  });

  it('still takes the same bodies without the unknown key (a nested one named by its path)', async () => {
    await clearTables(testContext.db);
    const world = await buildWorld(testContext.db, null);
    const staff = `${SESSION_COOKIE}=${sessionTokens.staff}`;
    // Known keys only: the route decides on the merits (here: the tranche is paid).
    const paid = await request(testContext.app).post(`/api/disbursements/${world.ids.disbursements}/approve`).set('Cookie', `${SESSION_COOKIE}=${sessionTokens.admin}`).send({});
    assert.equal(paid.status, 200, paid.text);
    const pay = await request(testContext.app).post(`/api/disbursements/${world.ids.disbursements}/pay`).set('Cookie', staff).send({ payment_reference: 'REF-1', paid: true });
    assert.equal(pay.status, 400);
    assert.deepEqual(pay.body.errors, { paid: 'Unbekanntes Feld.' });
    await request(testContext.app).post(`/api/disbursements/${world.ids.disbursements}/pay`).set('Cookie', staff).send({ payment_reference: 'REF-1' }).expect(200);
    const nested = await request(testContext.app).post(`/api/workshops/${world.ids.workshops}/mark-attendance`).set('Cookie', staff)
      .send({ entries: [{ person_id: world.ids.people, status: 'attended', note: 'pünktlich' }] });
    assert.equal(nested.body.code, 'unknown_field');
    assert.deepEqual(Object.keys(nested.body.errors), ['entries.0.note']);
  });
});
