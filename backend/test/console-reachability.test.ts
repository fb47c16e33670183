import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testContext } from './support/context.ts';
import { agentFor, api } from './support/fixtures.ts';
import { calls, closure, consoleScreens, displayPath, ROLES, type Caller } from './support/console-screens.ts';
import { REACH, type ScreenRef } from '../../admin/src/reachability.ts';
import { roleMayCall, routeKey } from '../src/permissions/permissions.routes.ts';
import type { RouteDef } from '../src/http/api-router.ts';

const WRITES = new Set(['post', 'put', 'delete']);

/** Who the API lets through its gate: the roles of `access`, and anonymous visitors for public routes. */
function callers(route: RouteDef): Caller[] {
  if (route.access === 'public') return [...ROLES, 'anonymous'];
  return ROLES.filter((role) => roleMayCall(route, role));
}

describe('console: every action of the route table is reachable by the roles allowed to call it', () => {
  const screens = consoleScreens();
  const writes = () => testContext.routes.filter((r) => WRITES.has(r.method));

  it('has an entry in admin/src/reachability.ts for every POST, PUT and DELETE route, and none for a route that is gone', () => {
    const keys = new Set(writes().map(routeKey));
    const missing = [...keys].filter((k) => !(k in REACH));
    const stale = Object.keys(REACH).filter((k) => !keys.has(k));
    assert.deepEqual(missing, [], `routes the console does not account for (offer them, or list why not):\n${missing.join('\n')}`);
    assert.deepEqual(stale, [], `entries without a route:\n${stale.join('\n')}`);
  });

  it('offers each of them on screens that exist, are given to every allowed role, and really call the route', () => {
    const failures: string[] = [];
    for (const route of writes()) {
      const key = routeKey(route);
      const reach = REACH[key];
      if (!reach) continue;
      if ('notOffered' in reach) {
        if (reach.notOffered.trim().length < 20) failures.push(`${key}: the reason for not offering it is missing`);
        continue;
      }
      const offered: readonly ScreenRef[] = 'offered' in reach ? reach.offered : reach;
      const notFor = 'notFor' in reach ? reach.notFor : {};
      const covered = new Set<Caller>();
      for (const ref of offered) {
        const screen = screens.get(ref);
        if (!screen) {
          failures.push(`${key}: there is no screen ${ref} in admin/src`);
          continue;
        }
        const how = new Set(closure(screen).map((file) => calls(route.method.toUpperCase(), route.path, screen, file, readFileSync(file, 'utf8'))));
        if (how.has('code')) for (const role of screen.roles) covered.add(role);
        // React-admin's own Create/Edit views: only for roles the API lets write (App.tsx drops them otherwise).
        const resource = ref.slice('resource:'.length);
        const viewRoute = (method: string) => testContext.routes.find((r) => routeKey(r) === `${method} /${resource}${method === 'PUT' ? '/:id' : ''}`);
        if (how.has('edit')) for (const role of screen.roles) if (role !== 'anonymous' && viewRoute('PUT') && roleMayCall(viewRoute('PUT')!, role)) covered.add(role);
        if (how.has('create')) for (const role of screen.roles) if (role !== 'anonymous' && viewRoute('POST') && roleMayCall(viewRoute('POST')!, role)) covered.add(role);
        if (!how.has('code') && !how.has('edit') && !how.has('create')) failures.push(`${key}: ${ref} (${displayPath(screen.root)} and its imports) never calls it`);
      }
      for (const caller of callers(route)) {
        if (covered.has(caller)) continue;
        const reason = notFor[caller];
        if (!reason || reason.trim().length < 20) failures.push(`${key}: the API allows ${caller}, but no screen of ${caller} offers it (${offered.join(', ')})`);
      }
      for (const caller of Object.keys(notFor) as Caller[]) {
        if (!callers(route).includes(caller)) failures.push(`${key}: lists a reason for ${caller}, whom the API does not allow anyway`);
        if (covered.has(caller)) failures.push(`${key}: lists a reason for ${caller}, but ${caller} is offered it after all`);
      }
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });
});

describe('console: the route table as each role may use it (GET /api/permissions)', () => {
  it('splits every route into allowed and denied for the caller’s role, exactly as the gate does', async () => {
    for (const role of ROLES) {
      const { agent } = await agentFor(role);
      const { body } = await agent.get('/api/permissions').expect(200);
      assert.equal(body.role, role);
      const expected = testContext.routes.map((r) => ({ key: routeKey(r), allowed: roleMayCall(r, role) }));
      assert.deepEqual([...body.allowed].sort(), expected.filter((e) => e.allowed).map((e) => e.key).sort(), role);
      assert.deepEqual([...body.denied].sort(), expected.filter((e) => !e.allowed).map((e) => e.key).sort(), role);
    }
    const { agent: applicant } = await agentFor('applicant');
    const denied = new Set((await applicant.get('/api/permissions').expect(200)).body.denied);
    // What the console hides from an organisation because the API refuses it.
    for (const key of ['DELETE /organisations/:id', 'DELETE /disbursements/:id', 'POST /organisations', 'PUT /disbursements/:id']) assert.ok(denied.has(key), key);
    assert.ok(!denied.has('PUT /organisations/:id'), 'an organisation edits its own profile');
  });

  it('answers 401 without a session', async () => {
    const res = await api().get('/api/permissions').expect(401);
    assert.equal(res.body.code, 'unauthenticated');
  });
});
