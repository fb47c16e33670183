import assert from 'node:assert/strict';
import { agentFor, api, databaseSnapshot, db } from './support/fixtures.ts';
import { CONFIDENTIAL_NOTE, createEmptyCohort, populateCohort } from './support/report-data.ts';

describe('staff dashboard', () => {
  it('aggregates applications, jury progress, seats, funding, coaching hours and attendance of a cohort', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const res = await agent.get('/api/dashboard').query({ cohort_id: String(data.cohortId) }).expect(200);
    const d = res.body;
    assert.equal(d.cohort.id, data.cohortId);
    assert.equal(d.cohort.seats, 10);

    const byStatus = Object.fromEntries(d.applications_by_status.map((s: any) => [s.status, s.count]));
    assert.equal(byStatus.selected, data.selected);
    assert.equal(byStatus.draft, 1);
    assert.equal(Object.values(byStatus).reduce((a: number, b: any) => a + b, 0), data.applicationNames.length);
    const weeks = d.applications_over_time;
    assert.ok(weeks.length >= 2);
    assert.equal(weeks.at(-1).cumulative, data.submitted);
    assert.equal(weeks.reduce((s: number, w: any) => s + w.submitted, 0), data.submitted);
    assert.match(weeks[0].week, /^\d{4}-\d{2}-\d{2}$/);

    const reviewed = data.submitted - 2; // ineligible and withdrawn got no reviews
    assert.equal(d.jury.assigned, reviewed * 3);
    assert.equal(d.jury.by_juror.length, 3);
    assert.ok(d.jury.submitted < d.jury.assigned && d.jury.submitted > 0);
    assert.deepEqual(Object.keys(d.jury.by_juror[0]).sort(), ['assigned', 'juror_id', 'juror_name', 'submitted']);

    assert.deepEqual(d.seats, { seats: 10, selected: data.selected, waitlisted: 2, fellows: data.selected, active_fellows: data.selected });
    assert.deepEqual(d.funding, {
      grant_cents: data.grantCents * data.selected,
      planned_cents: data.tranches.planned,
      approved_cents: data.tranches.approved,
      paid_cents: data.tranches.paid,
      cancelled_cents: data.tranches.cancelled,
    });
    assert.equal(d.coaching.used_hours, Math.round((data.coachingMinutes / 60) * 10) / 10);
    assert.equal(d.coaching.budget_hours, 12 * data.selected);
    assert.equal(d.coaching.by_fellow.length, data.selected);
    assert.equal(d.attendance.by_workshop.length, 3);
    const attended = d.attendance.by_workshop.reduce((s: number, w: any) => s + w.attended, 0);
    assert.equal(attended + d.attendance.by_workshop.reduce((s: number, w: any) => s + w.absent, 0), data.selected * 3);
    assert.equal(d.attendance.rate_percent, Math.round((1000 * attended) / (data.selected * 3)) / 10);
    assert.equal(d.attendance.min_percent, 80);
    assert.ok(d.attendance.below_rule > 0);
    assert.ok(!JSON.stringify(d).includes(CONFIDENTIAL_NOTE), 'coaching notes never reach the dashboard');
  });

  it('defaults to the latest cohort and lists all cohorts to choose from', async () => {
    await populateCohort(db(), { applications: 6, fellows: 1, year: 2025, name: 'Jahrgang 2025' });
    const latest = await populateCohort(db(), { applications: 6, fellows: 2, year: 2026 });
    const { agent } = await agentFor('admin');
    const res = await agent.get('/api/dashboard').expect(200);
    assert.equal(res.body.cohort.id, latest.cohortId);
    assert.deepEqual(res.body.cohorts.map((c: any) => c.year), [2026, 2025]);
  });

  it('answers with zeros for an empty cohort and for a database without cohorts', async () => {
    const { agent } = await agentFor('staff');
    const none = await agent.get('/api/dashboard').expect(200);
    assert.equal(none.body.cohort, null);
    assert.deepEqual(none.body.cohorts, []);
    const cohort = await createEmptyCohort(db());
    const res = await agent.get('/api/dashboard').query({ cohort_id: String(cohort.id) }).expect(200);
    assert.equal(res.body.cohort.id, cohort.id);
    assert.deepEqual(res.body.applications_by_status, []);
    assert.deepEqual(res.body.funding, { grant_cents: 0, planned_cents: 0, approved_cents: 0, paid_cents: 0, cancelled_cents: 0 });
    assert.equal(res.body.attendance.rate_percent, null);
  });

  it('rejects bad parameters and unknown cohorts without changing anything', async () => {
    const { agent } = await agentFor('staff');
    const before = await databaseSnapshot();
    await agent.get('/api/dashboard').query({ cohort_id: 'abc' }).expect(400);
    await agent.get('/api/dashboard').query({ cohort_id: '-1' }).expect(400);
    await agent.get('/api/dashboard').query({ cohort_id: '1'.repeat(5000) }).expect(400);
    await agent.get('/api/dashboard').query({ unknown: '1' }).expect(400);
    await agent.get('/api/dashboard').query({ cohort_id: '424242' }).expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('is for staff and admin only', async () => {
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      await agent.get('/api/dashboard').expect(403);
    }
    await api().get('/api/dashboard').expect(401);
  });
});
