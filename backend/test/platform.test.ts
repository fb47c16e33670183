import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import pg from 'pg';
import { openDatabase, parseTimestamptz, PREPARED_PER_CONNECTION } from '../src/db/database.ts';
import { z } from 'zod';
import { listQuerySchema } from '../src/http/list-query.ts';
import { testContext } from './support/context.ts';
import { agentFor, api, createOrganisation, databaseSnapshot, db } from './support/fixtures.ts';
import { dateJson } from '../src/http/resource.ts';

describe('platform', () => {
  it('answers /healthz and /readyz', async () => {
    await api().get('/healthz').expect(200);
    const ready = await api().get('/readyz').expect(200);
    assert.equal(ready.body.status, 'ready');
  });

  it('serves an OpenAPI document generated from the routes and readable docs', async () => {
    const res = await api().get('/api/openapi.json').expect(200);
    assert.equal(res.body.openapi, '3.0.3');
    assert.ok(res.body.paths['/api/organisations'].post.requestBody);
    assert.ok(res.body.paths['/api/organisations/{id}'].put);
    // A list's query parameters name its own sort/filter fields; other reads have none.
    const sort = res.body.paths['/api/applications'].get.parameters.find((p: { name: string }) => p.name === 'sort');
    assert.match(sort.description, /project_name/);
    assert.deepEqual(res.body.paths['/api/applications/export.csv'].get.parameters.map((p: { name: string }) => p.name), ['sort', 'filter']);
    assert.deepEqual(res.body.paths['/api/dashboard'].get.parameters, []);
    const docs = await api().get('/api/docs').expect(200);
    assert.match(docs.text, /\/api\/organisations/);
  });

  it('documents each list query with the schema the router validates it with', async () => {
    const { agent } = await agentFor('staff');
    const doc = (await api().get('/api/openapi.json').expect(200)).body;
    const parameters = doc.paths['/api/fellowships'].get.parameters;
    // Shared parts are `$ref`s into components/schemas: read through them.
    const resolve = (value: any): any => {
      if (Array.isArray(value)) return value.map(resolve);
      if (!value || typeof value !== 'object') return value;
      if (value.$ref) return resolve(doc.components.schemas[value.$ref.replace('#/components/schemas/', '')]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    };
    const schemaOf = (name: string) => resolve(parameters.find((p: { name: string }) => p.name === name).content['application/json'].schema);
    // sort: a known key and a direction; filter: each field with the operators its type allows.
    assert.ok(schemaOf('sort').items.anyOf[0].enum.includes('grant_cents'));
    const filter = schemaOf('filter');
    assert.equal(filter.additionalProperties, false);
    for (const key of ['grant_cents', 'grant_cents_gte', 'grant_cents_neq', 'status', 'status_neq', 'q']) assert.ok(filter.properties[key], key);
    for (const key of ['status_gte', 'cohort_name', 'secret']) assert.equal(filter.properties[key], undefined, key);
    assert.deepEqual(filter.properties.status.anyOf[0].enum, ['active', 'completed', 'withdrawn']);
    // And the router answers by that schema: what it documents passes, what it leaves out is a 400.
    const query = (filterValue: object) => ({ filter: JSON.stringify(filterValue) });
    await agent.get('/api/fellowships').query(query({ grant_cents_gte: 0, status: ['active', 'completed'], q: 'Stadt' })).expect(200);
    assert.equal((await agent.get('/api/fellowships').query(query({ status_gte: 'active' })).expect(400)).body.code, 'unknown_filter');
    assert.equal((await agent.get('/api/fellowships').query(query({ cohort_name: 'x' })).expect(400)).body.code, 'unknown_filter');
    assert.equal((await agent.get('/api/fellowships').query(query({ grant_cents: 'viel' })).expect(400)).body.code, 'invalid_filter');
    assert.equal((await agent.get('/api/fellowships').query({ sort: '["goals","ASC"]' }).expect(400)).body.code, 'unknown_sort');
    assert.equal((await agent.get('/api/fellowships').query({ range: '[0,5000]' }).expect(400)).body.code, 'range_too_large');
    assert.equal((await agent.get('/api/fellowships').query({ page: '1' }).expect(400)).body.code, 'unknown_parameter');
  });

  it('names repeated schemas once ($ref) and still documents every list parameter with exactly its query schema', async () => {
    const res = await api().get('/api/openapi.json').expect(200);
    const doc = res.body;
    // 667 KB (≈3.3 KB an operation) when every list inlined its filter operators; the shared
    // schemas keep it near 1.6 KB an operation. Measured per operation, so a new resource adds its
    // share but an inlined schema still fails.
    const operations = Object.values(doc.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
    assert.ok(res.text.length / operations < 2_000, `openapi.json is ${res.text.length} bytes for ${operations} operations`);
    const resolve = (value: any, seen: string[] = []): any => {
      if (Array.isArray(value)) return value.map((v) => resolve(v, seen));
      if (!value || typeof value !== 'object') return value;
      if (typeof value.$ref === 'string') {
        const [, kind, name] = value.$ref.match(/^#\/components\/(schemas|responses)\/(.+)$/) ?? [];
        const target = kind && doc.components[kind][name];
        assert.ok(target, `dangling ${value.$ref}`);
        assert.ok(!seen.includes(value.$ref), `circular ${value.$ref}`);
        return resolve(target, [...seen, value.$ref]);
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen)]));
    };
    resolve(doc.paths);
    assert.ok(Object.keys(doc.components.schemas).some((name) => name === 'Filter.int.compare'));
    let lists = 0;
    for (const route of testContext.routes.filter((r) => r.list)) {
      const operation = doc.paths['/api' + route.path.replace(/:([a-z_]+)/g, '{$1}')][route.method];
      const { schema } = listQuerySchema(route.list!);
      for (const [name, param] of Object.entries(schema.shape)) {
        const documented = operation.parameters.find((p: { name: string }) => p.name === name);
        const inline = z.toJSONSchema((param as z.ZodOptional).unwrap() as z.ZodType, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
        assert.deepEqual(resolve(documented.content['application/json'].schema), JSON.parse(JSON.stringify(inline)), `${route.path} ${name}`);
      }
      lists++;
    }
    assert.ok(lists > 20, `${lists} lists`);
    assert.deepEqual(Object.keys(doc.paths['/api/auth/login'].post.responses).sort(), ['200', '400', '404', '409', '503']);
    assert.equal(resolve(doc.paths['/api/users'].get.responses['403']).description, 'Not allowed for this role');
  });

  it('answers unknown API paths with a JSON 404 and sets security headers', async () => {
    const res = await api().get('/api/nothing-here').expect(404);
    assert.equal(res.body.code, 'not_found');
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('checks the URL id and the declared body in the router, before any handler runs', async () => {
    const { agent } = await agentFor('staff');
    const before = await databaseSnapshot();
    // A malformed id names no record: 404, even with a bad body.
    assert.equal((await agent.post('/api/applications/abc/decide').send({ decision: 'maybe' }).expect(404)).body.code, 'not_found');
    // A well-formed id with a bad body: 400 with the field, from the schema the OpenAPI document shows.
    const bad = await agent.post('/api/applications/999999/decide').send({ decision: 'maybe' }).expect(400);
    assert.ok(bad.body.errors.decision);
    assert.equal((await agent.post('/api/applications/999999/decide').expect(400)).body.code, 'invalid_body');
    // A body whose fields are all optional may be left out.
    assert.equal((await agent.post('/api/fellowships/999999/approve-stage-gate').expect(404)).body.code, 'not_found');
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses body keys a resource does not know instead of dropping them, and ignores its read-only fields', async () => {
    const { agent } = await agentFor('staff');
    const before = await databaseSnapshot();
    // POST: a key neither in the schema nor a field of the record is named in a 400.
    const unknown = await agent.post('/api/organisations').send({ name: 'Neu e.V.', mission: 'x', city: 'Halle' }).expect(400);
    assert.equal(unknown.body.code, 'unknown_field');
    assert.deepEqual(Object.keys(unknown.body.errors), ['mission']);
    assert.equal(await databaseSnapshot(), before);
    // A field of the record (as a copied record carries) is ignored: the server sets it.
    const created = await agent.post('/api/organisations').send({ name: 'Neu e.V.', city: 'Halle', id: 1, created_at: '2000-01-01T00:00:00Z' }).expect(201);
    assert.notEqual(new Date(created.body.created_at).getUTCFullYear(), 2000);
    // PUT: the whole record comes back (read-only keys included) and saves; one unknown key refuses it all.
    const record = (await agent.get(`/api/organisations/${created.body.id}`).expect(200)).body;
    const refused = await agent.put(`/api/organisations/${record.id}`).send({ ...record, city: 'Dessau', citty: 'Dessau' }).expect(400);
    assert.deepEqual(Object.keys(refused.body.errors), ['citty']);
    assert.equal((await agent.get(`/api/organisations/${record.id}`).expect(200)).body.city, 'Halle');
    const saved = await agent.put(`/api/organisations/${record.id}`).send({ ...record, city: 'Dessau' }).expect(200);
    assert.equal(saved.body.city, 'Dessau');
  });

  it('refuses cookie-authenticated writes from a foreign origin', async () => {
    const { agent } = await agentFor('staff');
    await agent.post('/api/organisations').set('Origin', 'https://evil.example').send({ name: 'X' }).expect(403);
    await agent.post('/api/organisations').set('Origin', 'http://localhost:3000').send({ name: 'Erlaubt e.V.' }).expect(201);
  });

  it('never answers with a stack trace', async () => {
    const res = await api().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    assert.equal(res.status, 400);
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts/);
  });

  it('does not interleave concurrent transactions on the embedded database', async function () {
    if (testContext.handle.engine !== 'pglite') this.skip();
    await sql`create table if not exists counter_probe (n integer not null)`.execute(db());
    await sql`delete from counter_probe`.execute(db());
    await sql`insert into counter_probe values (0)`.execute(db());
    // Read, wait, write: without serialised transactions, parallel increments would be lost.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db().transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select n from counter_probe`.execute(trx);
          await new Promise((r) => setTimeout(r, 2));
          await sql`update counter_probe set n = ${rows[0].n + 1}`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counter_probe`.execute(db());
    assert.equal(rows[0].n, 20);
    await sql`drop table counter_probe`.execute(db());
  });

  it('reads timestamps exactly as pg does, and formats them as JSON the same way', () => {
    const general = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.integer({ min: 0, max: 999 }), fc.nat(6), (ms, micros, digits) => {
        // PostgreSQL's text for a UTC session: microseconds, trailing zeros dropped.
        const iso = new Date(ms).toISOString();
        const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.slice(0, digits).replace(/0+$/, '');
        const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
        const fast = parseTimestamptz(text) as Date;
        assert.ok(fast instanceof Date);
        assert.equal(fast.getTime(), general(text).getTime(), text);
        assert.equal(JSON.stringify(fast), JSON.stringify(general(text)), text);
      }),
    );
    for (const other of ['2026-11-26 22:24:37.5+01', '2026-11-26 21:24:37+05:30', '0099-01-01 00:00:00+00', 'infinity', '2026-11-26 21:24:37 BC+00']) {
      assert.equal(JSON.stringify(parseTimestamptz(other)), JSON.stringify(general(other)), other);
    }
    const changed = parseTimestamptz('2026-11-26 21:24:37.824123+00') as Date;
    changed.setUTCFullYear(2030);
    assert.equal(JSON.stringify(changed), '"2030-11-26T21:24:37.824Z"');
  });

  it('writes dates in list answers exactly as Date#toJSON does (dateJson)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }), (date) => {
        assert.equal(dateJson(date), date.toJSON());
      }),
      { numRuns: 2000 },
    );
    for (const date of [new Date(Date.UTC(1000, 0, 1)), new Date(Date.UTC(999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(10000, 0, 1)), new Date(NaN)]) {
      assert.equal(dateJson(date), date.toJSON(), String(date.getTime()));
    }
  });

  it('answers a list page as JSON with its length, without the helper columns, and HEAD without a body', async () => {
    const { agent } = await agentFor('staff');
    const org = await createOrganisation({ tax_exemption_valid_until: '2027-03-31' });
    const stored = await db().selectFrom('organisations').select(['created_at', 'updated_at']).where('id', '=', org.id).executeTakeFirstOrThrow();
    const query = `filter=${encodeURIComponent(JSON.stringify({ id: org.id }))}&sort=${encodeURIComponent('["name","DESC"]')}`;
    const res = await agent.get(`/api/organisations?${query}`).expect(200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(Number(res.headers['content-length']), Buffer.byteLength(res.text));
    assert.equal(res.headers['content-range'], 'organisations 0-0/1');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.body.length, 1);
    const [record] = res.body;
    assert.equal(record.id, org.id);
    assert.equal(record.created_at, new Date(stored.created_at).toJSON());
    assert.equal(record.updated_at, new Date(stored.updated_at).toJSON());
    assert.equal(record.tax_exemption_valid_until, '2027-03-31');
    assert.ok(!Object.keys(record).some((key) => key.startsWith('__')), Object.keys(record).join());
    const head = await agent.head(`/api/organisations?${query}`).expect(200);
    assert.equal(head.headers['content-range'], 'organisations 0-0/1');
    assert.equal(head.text, undefined);
  });

  it('prepares each parameterised statement once per PostgreSQL connection, and only so many', async function () {
    if (!testContext.databaseUrl) this.skip();
    // Its own connection: the shared pool's connections may already hold their budget of
    // statements prepared by earlier tests, and then a new one is (rightly) sent unnamed.
    const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
    await own.db.transaction().execute(async (trx) => {
      // A transaction keeps one connection, whose prepared statements pg_prepared_statements lists.
      const probe = (k: number) => sql<{ n: number }>`select ${k}::int + 1 as probe_${sql.raw(String(k))}`;
      await probe(0).execute(trx);
      await probe(0).execute(trx);
      await sql`select 'no parameters' as plain`.execute(trx);
      const prepared = async (pattern: string) =>
        (await sql<{ statement: string; executions: number }>`select statement, generic_plans + custom_plans as executions from pg_prepared_statements where statement like ${pattern}`.execute(trx)).rows;
      assert.deepEqual(await prepared('%probe_0'), [{ statement: 'select $1::int + 1 as probe_0', executions: 2 }]);
      assert.deepEqual(await prepared('%no parameters%'), []);
      for (let k = 1; k <= PREPARED_PER_CONNECTION + 5; k++) await probe(k).execute(trx);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where ${1} = 1`.execute(trx);
      assert.ok(rows[0].n <= PREPARED_PER_CONNECTION, `${rows[0].n} prepared`);
      assert.equal((await probe(PREPARED_PER_CONNECTION + 5).execute(trx)).rows[0][`probe_${PREPARED_PER_CONNECTION + 5}` as 'n'], PREPARED_PER_CONNECTION + 6);
    }).finally(() => own.close());
  });

  it('sends every statement unnamed when prepared statements are switched off (for poolers that cannot keep them)', async function () {
    if (!testContext.databaseUrl) this.skip();
    const unprepared = await openDatabase({ url: testContext.databaseUrl, poolSize: 1, preparedStatements: false });
    try {
      await unprepared.db.transaction().execute(async (trx) => {
        const probe = sql<{ n: number }>`select ${41}::int + 1 as n`;
        assert.equal((await probe.execute(trx)).rows[0].n, 42);
        await probe.execute(trx);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(trx);
        assert.equal(rows[0].n, 0);
      });
    } finally {
      await unprepared.close();
    }
  });
});
