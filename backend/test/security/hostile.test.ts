import assert from 'node:assert/strict';
import fc from 'fast-check';
import express from 'express';
import request from 'supertest';
import { sql } from 'kysely';
import { z } from 'zod';
import { testContext } from '../support/context.ts';
import { databaseSnapshot } from '../support/fixtures.ts';
import { leafPaths, objectAt } from '../support/schema-paths.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import { errorHandler, toHttpError } from '../../src/http/errors.ts';
import { listQuerySchema, type ListSpec } from '../../src/http/list-query.ts';
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
    const commonKeys = ['q', 'id', 'id_gte', 'id_neq', 'organisation_id', 'cohort_id', 'status', 'name', 'created_at_lt', 'nope', 'status_gt'];
    for (const route of testContext.routes.filter(isList)) {
      const role = callerFor(route);
      // The keys the list's own query schema names (every operator of every field), plus common ones.
      const schemaFilterKeys = route.list ? [...listQuerySchema(route.list).filterKeys.keys()] : [];
      const filterFromFields = fc
        .dictionary(fc.constantFrom(...commonKeys, ...schemaFilterKeys), hostileValue, { maxKeys: 4 })
        .map((f) => JSON.stringify(f));
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

  /**
   * Keys a client may name that a plain object already has (`toString`, `__proto__` …), bare and
   * with each operator suffix; and values no text field takes: NUL, lone surrogates, too long.
   */
  const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);
  const hostileKey = fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'prototype', '__proto__'), fc.constantFrom('', '_gte', '_lte', '_gt', '_lt', '_neq'))
    .map(([name, suffix]) => name + suffix);
  const hostileText = fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', 'Berlin\u0000', '\ud800', 'x\udfffy', '\udc00\ud800', 'ä'.repeat(1000), 'x'.repeat(3000)),
    fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud83d', '\ude00'), fc.string({ maxLength: 10 })).map((p) => p.join('')),
  );
  type Declared = RouteDef & { list?: { fields: Record<string, unknown>; search?: boolean } };

  /** The list routes: those declaring their fields, and (undeclared) every list answering with `Content-Range`. */
  async function listRoutes(): Promise<Declared[]> {
    const lists: Declared[] = [];
    for (const route of testContext.routes as Declared[]) {
      if (route.list) lists.push(route);
      else if (isList(route) && (await send(route, world, callerFor(route))).headers['content-range']) lists.push(route);
    }
    return lists;
  }

  function refusedClearly(res: request.Response, label: string) {
    checkAnswer(res, label);
    assert.equal(res.status, 400, `${label}: ${res.status} ${res.text?.slice(0, 200)}`);
    assert.ok(res.body.message?.length > 5, `${label}: no message`);
    assert.equal(typeof res.body.code, 'string', `${label}: no code`);
  }

  it('answers prototype names as sort or filter keys, and NUL, lone surrogates or huge values in any filter, with a clear 400', async () => {
    await reset();
    const lists = await listRoutes();
    assert.ok(lists.length > 15, `found only ${lists.length} list routes`);
    for (const route of lists) {
      const role = callerFor(route);
      // From the list's query schema: its sort keys, and every filter key with each operator it allows.
      const schema = route.list ? listQuerySchema(route.list as ListSpec) : undefined;
      const keys = schema ? schema.sortKeys : ['id', 'name', 'status', 'organisation_id'];
      const filterKeys = schema ? [...schema.filterKeys.keys()] : keys;
      const valueKeys = route.list?.search !== false ? [...filterKeys, 'q'] : filterKeys;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileKey.map((key) => ({ sort: JSON.stringify([key, 'ASC']) })),
            fc.tuple(hostileKey, fc.oneof(fc.constant<unknown>(1), fc.constant<unknown>('x'), hostileText)).map(([key, value]) => ({ filter: JSON.stringify({ [key]: value }) })),
            fc.tuple(fc.constantFrom(...valueKeys), hostileText).map(([key, value]) => ({ filter: JSON.stringify({ [key]: value }) })),
            fc.tuple(fc.constantFrom(...keys), hostileText).map(([key, value]) => ({ sort: JSON.stringify([value, 'ASC']), filter: JSON.stringify({ [`${key}_gte`]: value }) })),
          ),
          async (query) => refusedClearly(await send(route, world, role).query(query), `GET ${route.path} ${JSON.stringify(query).slice(0, 160)}`),
        ),
        { numRuns: RUNS * 4, seed: Number(process.env.HOSTILE_SEED ?? 20261126), endOnFailure: true },
      );
    }
    assert.equal(await databaseSnapshot(), snapshot, 'reading changed the database');
  });

  it('refuses NUL and lone surrogates in every text a body can carry, naming the field', async () => {
    await reset();
    for (const route of testContext.routes.filter((r) => isWrite(r) && r.body)) {
      const paths = leafPaths(route.body).filter((p) => p.length);
      if (!paths.length) continue;
      // Every field of the body at once, each with a hostile string: each must be named.
      const body: Record<string, unknown> = {};
      paths.forEach((path, i) => merge(body, objectAt(path, ['Text\u0000Ende', 'Text\ud800', '\udfff', '\u0000'][i % 4]) as Record<string, unknown>));
      const label = `${route.method} ${route.path}`;
      const res = await send(route, world, callerFor(route)).send(body);
      refusedClearly(res, label);
      for (const path of paths) assert.ok(res.body.errors?.[path.join('.')], `${label}: no error for ${path.join('.')} in ${JSON.stringify(res.body.errors)}`);
      await assertUnchanged(label);
    }
  });

  describe('database errors', () => {
    /** The error middleware's answer to an error thrown by a route. */
    const answer = (error: unknown) => {
      const app = express();
      app.get('/boom', () => {
        throw error;
      });
      app.use(errorHandler(testContext.appContext.logger));
      return request(app).get('/boom');
    };
    const pgError = (code: string, message = 'simulated') => Object.assign(new Error(message), { code, severity: 'ERROR' });

    it('maps every class of PostgreSQL error onto 400, 409 or 503 with Retry-After, and leaves the rest a 500', async () => {
      const expected: Array<[unknown, number, string, boolean]> = [
        // Data exceptions (22): bad input.
        [pgError('22021'), 400, 'invalid_value', false], [pgError('22P02'), 400, 'invalid_value', false], [pgError('22001'), 400, 'invalid_value', false],
        [pgError('22003'), 400, 'invalid_value', false], [pgError('22007'), 400, 'invalid_value', false], [pgError('2200N'), 400, 'invalid_value', false],
        [pgError('22P05'), 400, 'invalid_value', false],
        // Program limits (54): a query too large for the input.
        [pgError('54000'), 400, 'too_complex', false], [pgError('54001'), 400, 'too_complex', false],
        // Integrity (23).
        [pgError('23505'), 409, 'duplicate', false], [pgError('23503'), 409, 'reference', false], [pgError('23514'), 400, 'constraint', false],
        // Transaction rollback (40): concurrent writers.
        [pgError('40001'), 409, 'concurrent_update', true], [pgError('40P01'), 409, 'concurrent_update', true], [pgError('40003'), 503, 'transaction_rollback', true],
        // Passing conditions: lock and statement timeouts, resources, lost connections.
        [pgError('55P03'), 503, 'lock_timeout', true], [pgError('57014'), 503, 'timeout', true], [pgError('53300'), 503, 'database_busy', true],
        [pgError('53200'), 503, 'database_busy', true], [pgError('08006'), 503, 'database_unavailable', true], [pgError('08001'), 503, 'database_unavailable', true],
        [pgError('57P01'), 503, 'database_unavailable', true], [pgError('57P03'), 503, 'database_unavailable', true],
        [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 503, 'database_unavailable', true],
        [new Error('Connection terminated unexpectedly'), 503, 'database_unavailable', true],
        // Programming errors stay 500 (and are logged).
        [pgError('42703'), 500, 'internal', false], [pgError('42P01'), 500, 'internal', false], [pgError('XX000'), 500, 'internal', false], [new TypeError('x is undefined'), 500, 'internal', false],
      ];
      for (const [error, status, code, retry] of expected) {
        const label = `${(error as { code?: string }).code ?? (error as Error).message}`;
        const res = await answer(error);
        assert.equal(res.status, status, label);
        assert.equal(res.body.code, code, label);
        assert.match(String(res.headers['content-type']), /application\/json/, label);
        assert.ok(res.body.message.length > 5, label);
        assert.doesNotMatch(res.text, /simulated|ECONNREFUSED|TypeError|at .*\.ts/, `${label}: internals in the answer`);
        if (retry) assert.match(String(res.headers['retry-after']), /^\d+$/, `${label}: Retry-After`);
        else assert.equal(res.headers['retry-after'], undefined, `${label}: Retry-After`);
      }
    });

    it('answers the database’s own refusal of a NUL byte with a 400', async () => {
      const error = await sql`select ${'Text\u0000Ende'}::text as x`.execute(testContext.db).then(() => undefined, (e: unknown) => e);
      assert.ok(error, 'the database took a NUL byte');
      assert.equal(toHttpError(error)?.status, 400);
      const res = await answer(error);
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'invalid_value');
    });

    it('answers a real statement timeout and a real lock timeout with 503 and Retry-After (PostgreSQL)', async function () {
      if (testContext.handle.engine !== 'postgres') this.skip();
      const db = testContext.db;
      const timedOut = await db.transaction().execute(async (trx) => {
        await sql`set local statement_timeout = '50ms'`.execute(trx);
        await sql`select pg_sleep(2)`.execute(trx);
      }).then(() => undefined, (e: unknown) => e);
      const slow = await answer(timedOut);
      assert.equal(slow.status, 503);
      assert.equal(slow.body.code, 'timeout');
      assert.match(String(slow.headers['retry-after']), /^\d+$/);

      await reset();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.transaction().execute(async (trx) => {
        await sql`select id from organisations where id = ${world.orgA} for update`.execute(trx);
        locked();
        await held;
      });
      await isLocked;
      const waited = await db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '50ms'`.execute(trx);
        await sql`select id from organisations where id = ${world.orgA} for update`.execute(trx);
      }).then(() => undefined, (e: unknown) => e);
      release();
      await holder;
      const busy = await answer(waited);
      assert.equal(busy.status, 503);
      assert.equal(busy.body.code, 'lock_timeout');
      assert.match(String(busy.headers['retry-after']), /^\d+$/);
    });
  });
});

/** Deep-merges `from` into `into` (objects and the one-element arrays objectAt builds). */
function merge(into: Record<string, any>, from: Record<string, any>): void {
  for (const [key, value] of Object.entries(from)) {
    if (value && typeof value === 'object' && into[key] && typeof into[key] === 'object') merge(into[key], value);
    else into[key] = value;
  }
}
