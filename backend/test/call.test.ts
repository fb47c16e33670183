import assert from 'node:assert/strict';
import { agentFor, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { createCohort } from './support/call.ts';

const cohortBody = {
  name: 'openTransfer Accelerator 2027', year: 2027,
  application_opens_at: '2027-01-15T09:00:00+01:00', application_closes_at: '2027-03-31T23:59:59+02:00',
  seats: 10, default_grant_cents: 2_500_000, coaching_hours_per_fellow: 12,
};

async function addCriteria(cohortId: number, list: Array<[string, number]>) {
  for (const [i, [name, weight]] of list.entries()) {
    await db().insertInto('criteria').values({ cohort_id: cohortId, name, weight, max_score: 5, position: i }).execute();
  }
}

describe('the call: cohorts and criteria', () => {
  it('lets staff create a cohort, which starts as draft whatever phase is sent', async () => {
    const { agent } = await agentFor('staff');
    const res = await agent.post('/api/cohorts').send({ ...cohortBody, phase: 'alumni' }).expect(201);
    assert.equal(res.body.phase, 'draft');
    assert.equal(res.body.default_grant_cents, 2_500_000);
    assert.equal(res.body.coaching_hours_per_fellow, 12);
    assert.ok(res.body.server_now);
    const edited = await agent.put(`/api/cohorts/${res.body.id}`).send({ ...res.body, seats: 12, phase: 'programme' }).expect(200);
    assert.equal(edited.body.seats, 12);
    assert.equal(edited.body.phase, 'draft');
  });

  it('rejects a deadline before the opening, bad types and unknown fields; nothing changes', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort();
    const before = await databaseSnapshot();
    const bad = await agent.post('/api/cohorts').send({ ...cohortBody, application_closes_at: '2027-01-01T00:00:00Z' }).expect(400);
    assert.ok(bad.body.errors.application_closes_at);
    await agent.post('/api/cohorts').send({ ...cohortBody, year: 'zwanzig' }).expect(400);
    await agent.post('/api/cohorts').send({ ...cohortBody, application_closes_at: '31.03.2027' }).expect(400);
    await agent.post('/api/cohorts').send({ ...cohortBody, name: 'x'.repeat(10_000) }).expect(400);
    await agent.post('/api/cohorts').send({ ...cohortBody, seats: 0 }).expect(400);
    await agent.put(`/api/cohorts/${cohort.id}`).send({ application_closes_at: '2000-01-01T00:00:00Z' }).expect(400);
    await agent.put('/api/cohorts/999999').send({ seats: 3 }).expect(404);
    await agent.get('/api/cohorts').query(listQuery({ filter: { phase: 'lunch' } })).expect(400);
    assert.equal(await databaseSnapshot(), before);
  });

  it('lets every role read cohorts, only staff write them', async () => {
    const cohort = await createCohort();
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      const list = await agent.get('/api/cohorts').query(listQuery({ filter: { phase: 'call_open' } })).expect(200);
      assert.deepEqual(list.body.map((c: any) => c.id), [cohort.id]);
      await agent.post('/api/cohorts').send(cohortBody).expect(403);
      await agent.put(`/api/cohorts/${cohort.id}`).send({ seats: 1 }).expect(403);
      await agent.post(`/api/cohorts/${cohort.id}/copy-criteria`).send({}).expect(403);
    }
  });

  it('keeps weighted criteria per cohort in position order, weight > 0', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'draft' });
    await agent.post('/api/criteria').send({ cohort_id: cohort.id, name: 'Wirkung', weight: 3, max_score: 5 }).expect(201);
    const second = await agent.post('/api/criteria').send({ cohort_id: cohort.id, name: 'Team', weight: 1.5 }).expect(201);
    assert.equal(second.body.position, 1);
    assert.equal(second.body.weight, 1.5);
    const before = await databaseSnapshot();
    assert.ok((await agent.post('/api/criteria').send({ cohort_id: cohort.id, name: 'Null', weight: 0 }).expect(400)).body.errors.weight);
    await agent.post('/api/criteria').send({ cohort_id: cohort.id, name: 'Text', weight: 'viel' }).expect(400);
    await agent.post('/api/criteria').send({ cohort_id: 999_999, name: 'Waise', weight: 1 }).expect(404);
    assert.equal(await databaseSnapshot(), before);
    const list = await agent.get('/api/criteria').query(listQuery({ filter: { cohort_id: cohort.id } })).expect(200);
    assert.deepEqual(list.body.map((c: any) => c.name), ['Wirkung', 'Team']);
  });

  it('freezes criteria once selection has begun', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'selection' });
    await addCriteria(cohort.id, [['Wirkung', 2]]);
    const [c] = await db().selectFrom('criteria').select('id').execute();
    const before = await databaseSnapshot();
    await agent.post('/api/criteria').send({ cohort_id: cohort.id, name: 'Neu', weight: 1 }).expect(409);
    await agent.put(`/api/criteria/${c.id}`).send({ weight: 5 }).expect(409);
    await agent.delete(`/api/criteria/${c.id}`).expect(409);
    assert.equal(await databaseSnapshot(), before);
  });

  it("copies the previous cohort's criteria into a new cohort, once", async () => {
    const { agent } = await agentFor('staff');
    const y2024 = await createCohort({ name: '2024', year: 2024, phase: 'alumni' });
    const y2025 = await createCohort({ name: '2025', year: 2025, phase: 'alumni' });
    const y2026 = await createCohort({ name: '2026', year: 2026, phase: 'draft' });
    await addCriteria(y2024.id, [['Alt', 1]]);
    await addCriteria(y2025.id, [['Wirkung', 3], ['Skalierbarkeit', 2], ['Team', 2]]);
    const res = await agent.post(`/api/cohorts/${y2026.id}/copy-criteria`).send({}).expect(200);
    assert.equal(res.body.id, y2026.id);
    assert.equal(res.body.criteria_count, 3);
    const copied = await db().selectFrom('criteria').select(['name', 'weight', 'position']).where('cohort_id', '=', y2026.id).orderBy('position').execute();
    assert.deepEqual(copied.map((c) => [c.name, Number(c.weight), c.position]), [['Wirkung', 3, 0], ['Skalierbarkeit', 2, 1], ['Team', 2, 2]]);
    const before = await databaseSnapshot();
    assert.equal((await agent.post(`/api/cohorts/${y2026.id}/copy-criteria`).send({}).expect(409)).body.code, 'criteria_exist');
    assert.equal((await agent.post(`/api/cohorts/${y2024.id}/copy-criteria`).send({}).expect(409)).body.code, 'criteria_frozen');
    await agent.post(`/api/cohorts/${y2026.id}/copy-criteria`).send({ from_cohort_id: 'x' }).expect(400);
    await agent.post('/api/cohorts/999999/copy-criteria').send({}).expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('copies exactly once under parallel requests', async () => {
    const { agent } = await agentFor('staff');
    const source = await createCohort({ name: '2025', year: 2025, phase: 'alumni' });
    await addCriteria(source.id, [['Wirkung', 3], ['Team', 1]]);
    const target = await createCohort({ name: '2026', year: 2026, phase: 'draft' });
    const results = await Promise.all(Array.from({ length: 10 }, () => agent.post(`/api/cohorts/${target.id}/copy-criteria`).send({ from_cohort_id: source.id })));
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    const n = await db().selectFrom('criteria').select('id').where('cohort_id', '=', target.id).execute();
    assert.equal(n.length, 2);
  });

  it('refuses to delete a cohort that has applications', async () => {
    const { agent } = await agentFor('staff');
    const cohort = await createCohort({ phase: 'draft' });
    const org = await db().insertInto('organisations').values({ name: 'X e.V.' } as any).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('applications').values({ cohort_id: cohort.id, organisation_id: org.id } as any).execute();
    await agent.delete(`/api/cohorts/${cohort.id}`).expect(409);
    const empty = await createCohort({ phase: 'draft' });
    await agent.delete(`/api/cohorts/${empty.id}`).expect(200);
  });
});
