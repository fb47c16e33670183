import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testContext } from './support/context.ts';
import { agentFor, api, db } from './support/fixtures.ts';

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
    const docs = await api().get('/api/docs').expect(200);
    assert.match(docs.text, /\/api\/organisations/);
  });

  it('answers unknown API paths with a JSON 404 and sets security headers', async () => {
    const res = await api().get('/api/nothing-here').expect(404);
    assert.equal(res.body.code, 'not_found');
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
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
});
