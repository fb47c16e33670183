import assert from 'node:assert/strict';
import { agentFor, createOrganisation, databaseSnapshot, db, listQuery } from './support/fixtures.ts';

describe('people', () => {
  it('lists the people of one organisation (getManyReference) and searches them', async () => {
    const { agent } = await agentFor('staff');
    const org = await createOrganisation();
    const other = await createOrganisation();
    await db().insertInto('people').values([
      { organisation_id: org.id, first_name: 'Jürgen', last_name: 'Groß' },
      { organisation_id: org.id, first_name: 'Ayşe', last_name: 'Yılmaz' },
      { organisation_id: other.id, first_name: 'Björn', last_name: 'Weiß' },
    ]).execute();
    const res = await agent.get('/api/people').query(listQuery({ filter: { organisation_id: org.id }, sort: ['last_name', 'ASC'] })).expect(200);
    assert.equal(res.headers['content-range'], 'people 0-1/2');
    const found = await agent.get('/api/people').query(listQuery({ filter: { q: 'ayş' } })).expect(200);
    assert.deepEqual(found.body.map((p: any) => p.last_name), ['Yılmaz']);
  });

  it('lets applicants manage only their own organisation’s people', async () => {
    const own = await createOrganisation();
    const other = await createOrganisation();
    const stranger = await db().insertInto('people').values({ organisation_id: other.id, first_name: 'Fremd', last_name: 'Person' }).returningAll().executeTakeFirstOrThrow();
    const { agent } = await agentFor('applicant', { organisation_id: own.id });
    const created = await agent.post('/api/people').send({ organisation_id: own.id, first_name: 'Lena', last_name: 'Schröder', email: 'lena@example.org' }).expect(201);
    assert.equal(created.body.organisation_name, own.name);
    const before = await databaseSnapshot();
    await agent.post('/api/people').send({ organisation_id: other.id, first_name: 'X', last_name: 'Y' }).expect(404);
    await agent.get(`/api/people/${stranger.id}`).expect(404);
    await agent.put(`/api/people/${stranger.id}`).send({ first_name: 'Z' }).expect(404);
    await agent.delete(`/api/people/${stranger.id}`).expect(404);
    await agent.put(`/api/people/${created.body.id}`).send({ organisation_id: other.id }).expect(404);
    assert.equal(await databaseSnapshot(), before);
    const list = await agent.get('/api/people').expect(200);
    assert.deepEqual(list.body.map((p: any) => p.id), [created.body.id]);
  });

  it('rejects bad input', async () => {
    const { agent } = await agentFor('staff');
    const before = await databaseSnapshot();
    await agent.post('/api/people').send({ first_name: 'A', last_name: 'B' }).expect(400);
    await agent.post('/api/people').send({ organisation_id: 999999, first_name: 'A', last_name: 'B' }).expect((r) => assert.ok([400, 404, 409].includes(r.status)));
    await agent.post('/api/people').send({ organisation_id: 'eins', first_name: 'A', last_name: 'B' }).expect(400);
    await agent.post('/api/people').send({ organisation_id: 1, first_name: '', last_name: 'B' }).expect(400);
    assert.equal(await databaseSnapshot(), before);
  });
});
