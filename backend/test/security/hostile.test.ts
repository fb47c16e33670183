import assert from 'node:assert/strict';
import fc from 'fast-check';
import request from 'supertest';
import { sql } from 'kysely';
import { z } from 'zod';
import { testContext } from '../support/context.ts';
import { databaseSnapshot } from '../support/fixtures.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import { MATRIX, parseEntry } from './matrix.table.ts';
import { buildWorld, clearTables, fillPath, MATRIX_ROLES, sessionTokens, type MatrixRole, type World } from './world.ts';

/**
 * Hostile input against every write route and every list's sort/range/filter, as a caller who
 * passes the route's gate (so the input reaches validation and SQL). The answer is never a 5xx,
 * errors are JSON without a stack trace, and a refused write leaves the database unchanged.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 4);

const SQL = ["' OR '1'='1", "1; DROP TABLE users; --", "\" or \"\"=\"", "') ; select pg_sleep(5); --", "1 UNION SELECT password_hash FROM users", "$1", "%", "_", "\\"];
const SCRIPT = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}', '${7*7}'];
const UNICODE = ['\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e‮gnp.exe', '\ufeff', '🏳️‍🌈'.repeat(50), 'Z̴̡̛̤̖̙͇͓̗͐̿̈́̅a̸l̷g̵o̶', 'ß'.repeat(300), '\u2028\u2029', 'İı', '\r\n\t'];
const WEIRD_NUMBERS = [-1, 0, 1.5, -0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER];

const hostileScalar = fc.oneof(
  fc.constantFrom<unknown>(...SQL, ...SCRIPT, ...UNICODE, ...WEIRD_NUMBERS, null, true, false, '', ' ', 'NaN', 'Infinity', '2026-02-30', '9999-99-99T99:99:99Z', 'de_DE', '__proto__'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'x', '$gt'), hostileScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

function schemaKeys(schema: unknown): string[] {
  let s: any = schema;
  for (let i = 0; i < 5 && s; i++) {
    if (s instanceof z.ZodObject) return Object.keys(s.shape);
    s = s._zod?.def?.in ?? s._zod?.def?.innerType ?? s._zod?.def?.schema;
  }
  return [];
}

/** Bodies built from the route's own field names (so they reach the validators), plus junk. */
const hostileBody = (route: RouteDef, world: World) => {
  const keys = [...schemaKeys(route.body), 'id', 'extra_field', '__proto__', 'password_hash', 'role', 'organisation_id'];
  const idLike = fc.constantFrom<unknown>(world.ids.organisations, 999_999, -1, 0, '1', 1.5, 2 ** 31);
  return fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostileValue, idLike), { maxKeys: keys.length }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.constant('just a string'), fc.integer(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })) },
  );
};

/** The first caller the matrix lets through this route's gate (admin for most). */
function callerFor(route: RouteDef): MatrixRole {
  const raw = MATRIX[`${route.method.toUpperCase()} ${route.path}`];
  if (!raw) return 'admin';
  const { expect } = parseEntry(raw);
  const order: MatrixRole[] = ['admin', 'staff', 'applicantA', 'jury', 'coach', 'conflictedJury', 'applicantB', 'otherCoach', 'anonymous'];
  return order.find((r) => ['ok', 'in'].includes(expect[MATRIX_ROLES.indexOf(r)])) ?? 'admin';
}

function send(route: RouteDef, world: World, role: MatrixRole) {
  let req = (request(testContext.app) as any)[route.method](`/api${fillPath(route.path, world.ids)}`) as request.Test;
  if (role !== 'anonymous') req = req.set('Cookie', `${SESSION_COOKIE}=${sessionTokens[role]}`);
  return req;
}

function checkAnswer(res: request.Response, label: string): void {
  assert.ok(res.status < 500, `${label}: ${res.status} ${res.text?.slice(0, 300)}`);
  if (res.status >= 400) {
    assert.match(String(res.headers['content-type']), /application\/json/, `${label}: error is not JSON`);
    assert.equal(typeof res.body.message, 'string', `${label}: no message`);
    assert.doesNotMatch(res.text, /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|Error: /, `${label}: stack trace in the answer`);
  }
}

const isWrite = (r: RouteDef) => r.method !== 'get';
const isList = (r: RouteDef) => r.method === 'get' && !r.path.includes(':') && !/\.\w+$/.test(r.path) && !['/openapi.json', '/docs', '/auth/me'].includes(r.path);

describe('security: hostile input', function () {
  this.timeout(600_000);
  let world: World;
  let snapshot: string;
  let xid = 0;
  const currentXid = async () => Number((await sql<{ x: string }>`select txid_current()::text as x`.execute(testContext.db)).rows[0].x);
  const reset = async () => {
    await clearTables(testContext.db);
    world = await buildWorld(testContext.db, null);
    snapshot = await databaseSnapshot();
    xid = await currentXid();
  };
  /**
   * Proves the database is unchanged. Fast path: every row change needs a transaction id, so if no
   * transaction got one since the last check (only our own txid_current() call did), nothing
   * changed. Otherwise (a write was tried and rolled back, or another database on the same server
   * was busy) compare the full snapshot.
   */
  const assertUnchanged = async (label: string) => {
    const now = await currentXid();
    if (now !== xid + 1) assert.equal(await databaseSnapshot(), snapshot, `${label}: a refused write changed the database`);
    xid = await currentXid();
  };

  it('never breaks a write endpoint: random types, missing/extra fields, SQL, script, unicode', async () => {
    await reset();
    for (const route of testContext.routes.filter(isWrite)) {
      const role = callerFor(route);
      let changed = false;
      await fc.assert(
        fc.asyncProperty(hostileBody(route, world), async (body) => {
          const res = await send(route, world, role).set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          checkAnswer(res, `${route.method} ${route.path} ${JSON.stringify(body)?.slice(0, 200)}`);
          if (res.status < 300) changed = true;
        }),
        { numRuns: RUNS, seed: Number(process.env.HOSTILE_SEED ?? 20261126), endOnFailure: true },
      );
      if (changed) await reset();
      else await assertUnchanged(`${route.method} ${route.path}`);
    }
  });

  it('refuses malformed JSON, wrong content types, 1 MB strings and deep nesting without changing anything', async () => {
    await reset();
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const deepObject = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    let routeIndex = 0;
    for (const route of testContext.routes.filter(isWrite)) {
      const role = callerFor(route);
      const label = `${route.method} ${route.path}`;
      const key = schemaKeys(route.body)[0] ?? 'name';
      // Exact answers where a layer before the route decides; any 4xx where the route does.
      const cases: Array<[string, (r: request.Test) => request.Test, number | 'any4xx']> = [
        ['malformed JSON', (r) => r.set('Content-Type', 'application/json').send('{"name": "x"'), 400],
        ['JSON with trailing garbage', (r) => r.set('Content-Type', 'application/json').send('{} {}'), 400],
        ['text/plain', (r) => r.set('Content-Type', 'text/plain').send('{"name":"x"}'), 415],
        ['form-urlencoded', (r) => r.type('form').send('name=x'), 415],
        ['xml', (r) => r.set('Content-Type', 'application/xml').send('<a>x</a>'), 415],
        ['unknown charset', (r) => r.set('Content-Type', 'application/json; charset=ebcdic').send('{}'), 415],
        ['1.1 MB of umlauts (over the limit)', (r) => r.send({ [key]: 'ä'.repeat(560_000) }), 413],
        ['deep array', (r) => r.set('Content-Type', 'application/json').send(deep), 'any4xx'],
        ['1 MB string', (r) => r.send({ [key]: 'x'.repeat(1_000_000) }), 'any4xx'],
        ['deep object', (r) => r.set('Content-Type', 'application/json').send(deepObject), 'any4xx'],
      ];
      // The route-specific cases run against every route; the ones a layer before the router
      // decides rotate over the routes, so each still meets many of them and the suite stays fast.
      const perRoute = new Set(['malformed JSON', 'text/plain', '1 MB string', 'deep object', '1.1 MB of umlauts (over the limit)']);
      const rotating = cases.filter(([what]) => !perRoute.has(what));
      const chosen = [...cases.filter(([what]) => perRoute.has(what)), rotating[routeIndex++ % rotating.length]];
      for (const [what, build, expected] of chosen) {
        const res = await build(send(route, world, role));
        checkAnswer(res, `${label} (${what})`);
        if (res.status < 300 && expected === 'any4xx') {
          // A route that takes no body ignores it and did its job: legitimate, start over.
          await reset();
          continue;
        }
        if (expected === 'any4xx') assert.ok(res.status >= 400 && res.status < 500, `${label} (${what}): ${res.status}`);
        else assert.equal(res.status, expected, `${label} (${what}): ${res.text.slice(0, 200)}`);
      }
      await assertUnchanged(label);
    }
  });

  it('answers every list’s hostile sort/range/filter with 200 or a JSON 400, never a 5xx', async () => {
    await reset();
    const jsonish = fc.oneof(
      hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('[', '{"q":', '["id"]', '["id","ASC","x"]', '["id","SIDEWAYS"]', '["t.id; drop table users","ASC"]', '[0,1e9]', '[-5,3]', '[3,1]', '[0.5,2]', '[0,999]', '{"id":{"$gt":0}}', '{"id":[' + Array.from({ length: 2000 }, (_, i) => i).join(',') + ']}', '{"q":"\\u0000"}', '{"q":"\'"}', '{"id_gte":"1 or 1=1"}', '{"__proto__":{"x":1}}', '{"created_at_gte":"2026-13-45"}'),
    );
    const filterFromFields = fc
      .dictionary(fc.constantFrom('q', 'id', 'id_gte', 'id_neq', 'organisation_id', 'cohort_id', 'status', 'name', 'created_at_lt', 'nope', 'status_gt'), hostileValue, { maxKeys: 4 })
      .map((f) => JSON.stringify(f));
    for (const route of testContext.routes.filter(isList)) {
      const role = callerFor(route);
      await fc.assert(
        fc.asyncProperty(
          fc.record({ sort: fc.option(jsonish), range: fc.option(jsonish), filter: fc.option(fc.oneof(jsonish, filterFromFields)), extra: fc.option(fc.string({ maxLength: 10 })) }),
          async ({ sort, range, filter, extra }) => {
            const query: Record<string, string> = {};
            if (sort !== null) query.sort = sort;
            if (range !== null) query.range = range;
            if (filter !== null) query.filter = filter;
            if (extra !== null) query[`x${extra}`] = '1';
            const res = await send(route, world, role).query(query);
            checkAnswer(res, `GET ${route.path} ${JSON.stringify(query).slice(0, 300)}`);
            assert.ok([200, 400].includes(res.status), `GET ${route.path} ${JSON.stringify(query).slice(0, 200)}: ${res.status}`);
          },
        ),
        { numRuns: RUNS * 2, seed: Number(process.env.HOSTILE_SEED ?? 20261126), endOnFailure: true },
      );
    }
    assert.equal(await databaseSnapshot(), snapshot, 'reading changed the database');
  });

  it('refuses disguised, empty and compressed uploads', async () => {
    await reset();
    const db = testContext.db as any;
    const open = await db.insertInto('cohorts').values({ name: 'Offener Aufruf', year: 2027, phase: 'call_open', application_opens_at: new Date(Date.now() - 86_400_000), application_closes_at: new Date(Date.now() + 30 * 86_400_000) }).returning('id').executeTakeFirstOrThrow();
    const draft = await db.insertInto('applications').values({ cohort_id: open.id, organisation_id: world.orgA, status: 'draft', project_name: 'Entwurf' }).returning('id').executeTakeFirstOrThrow();
    snapshot = await databaseSnapshot();
    const zipBomb = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 0)]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);
    const gzip = Buffer.from('1f8b0800000000000003', 'hex');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const cases: Array<[string, Buffer, string, string]> = [
      ['empty file', Buffer.alloc(0), 'leer.pdf', 'application/pdf'],
      ['exe named pdf', exe, 'bericht.pdf', 'application/pdf'],
      ['zip named pdf', zipBomb, 'bombe.pdf', 'application/pdf'],
      ['gzip named png', gzip, 'bild.png', 'image/png'],
      ['html named jpg', html, 'foto.jpg', 'image/jpeg'],
      ['svg with script', svg, 'logo.svg', 'image/svg+xml'],
    ];
    const applicant = sessionTokens.applicantA;
    for (const [what, content, filename, type] of cases) {
      const res = await request(testContext.app)
        .post('/api/attachments')
        .set('Cookie', `${SESSION_COOKIE}=${applicant}`)
        .field('application_id', String(draft.id))
        .attach('file', content, { filename, contentType: type });
      checkAnswer(res, what);
      assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status}`);
    }
    const noFile = await request(testContext.app).post('/api/attachments').set('Cookie', `${SESSION_COOKIE}=${applicant}`).field('application_id', String(draft.id));
    checkAnswer(noFile, 'no file');
    assert.ok(noFile.status >= 400 && noFile.status < 500);
    const truncated = await request(testContext.app)
      .post('/api/attachments')
      .set('Cookie', `${SESSION_COOKIE}=${applicant}`)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 abgeschnitten');
    checkAnswer(truncated, 'truncated multipart');
    assert.ok(truncated.status >= 400 && truncated.status < 500, `truncated multipart: ${truncated.status}`);
    assert.equal(await databaseSnapshot(), snapshot);
  });
});
