import assert from 'node:assert/strict';
import { agentFor, api, databaseSnapshot, db, listQuery } from '../support/fixtures.ts';

describe('security: audit-events', () => {
  it('records actor, action, record and before/after of writes and lets admins filter them', async () => {
    const { agent: staff, user: staffUser } = await agentFor('staff');
    const created = await staff.post('/api/organisations').send({ name: 'Protokollverein e.V.' }).expect(201);
    await staff.put(`/api/organisations/${created.body.id}`).send({ ...created.body, city: 'Leipzig' }).expect(200);
    const { agent: admin } = await agentFor('admin');
    const list = await admin
      .get('/api/audit-events')
      .query(listQuery({ sort: ['id', 'ASC'], filter: { resource: 'organisations', record_id: created.body.id, actor_id: staffUser.id } }))
      .expect(200);
    assert.deepEqual(list.body.map((e: any) => e.action), ['create', 'update']);
    assert.match(list.headers['content-range'], /^audit-events 0-1\/2$/);
    const update = list.body[1];
    assert.equal(update.actor_name, staffUser.name);
    assert.deepEqual(update.changes, { before: { city: null }, after: { city: 'Leipzig' } });
    const byAction = await admin.get('/api/audit-events').query(listQuery({ filter: { action: 'update' } })).expect(200);
    assert.equal(byAction.body.length, 1);
    const inRange = await admin.get('/api/audit-events').query(listQuery({ filter: { at_gte: new Date(Date.now() - 60_000).toISOString(), at_lte: new Date(Date.now() + 60_000).toISOString() } })).expect(200);
    assert.ok(inRange.body.length >= 2);
    const future = await admin.get('/api/audit-events').query(listQuery({ filter: { at_gte: new Date(Date.now() + 3600_000).toISOString() } })).expect(200);
    assert.equal(future.body.length, 0);
    const one = await admin.get(`/api/audit-events/${update.id}`).expect(200);
    assert.equal(one.body.id, update.id);
    const newestFirst = await admin.get('/api/audit-events').expect(200);
    assert.ok(newestFirst.body[0].id > newestFirst.body.at(-1).id, 'default sort: newest first');
  });

  it('cannot be created, edited or deleted through the API, and only admins read it', async () => {
    const { agent: admin } = await agentFor('admin');
    await admin.post('/api/organisations').send({ name: 'Ein Eintrag' }).expect(201);
    const event = await db().selectFrom('audit_events').select('id').executeTakeFirstOrThrow();
    const before = await databaseSnapshot();
    await admin.post('/api/audit-events').send({ action: 'fake', resource: 'x' }).expect(404);
    await admin.put(`/api/audit-events/${event.id}`).send({ action: 'fake' }).expect(404);
    await admin.delete(`/api/audit-events/${event.id}`).expect(404);
    assert.equal(await databaseSnapshot(), before);
    for (const role of ['staff', 'jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      await agent.get('/api/audit-events').expect(403);
      await agent.get(`/api/audit-events/${event.id}`).expect(403);
    }
    await api().get('/api/audit-events').expect(401);
  });

  it('rejects unknown filters, sorts on the JSON changes and malformed queries', async () => {
    const { agent: admin } = await agentFor('admin');
    await admin.get('/api/audit-events').query(listQuery({ filter: { changes: 'x' } })).expect(400);
    await admin.get('/api/audit-events').query(listQuery({ sort: ['changes', 'ASC'] })).expect(400);
    await admin.get('/api/audit-events').query(listQuery({ filter: { at_gte: 'gestern' } })).expect(400);
    await admin.get('/api/audit-events').query({ filter: '{"action":' }).expect(400);
    await admin.get('/api/audit-events').query(listQuery({ range: [0, 5000] })).expect(400);
    await admin.get('/api/audit-events/abc').expect(404);
    await admin.get('/api/audit-events/99999').expect(404);
  });
});
