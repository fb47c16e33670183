import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { agentFor, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';
import { programmeYear } from '../src/grantee-reports/index.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Waits until `count` other sessions of this database are blocked on a lock (PostgreSQL). */
async function lockWaiters(count: number) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no session waited for a lock');
}

/**
 * A fellowship of a cohort whose selection was released on 25 March 2026 (programme year
 * 1 April 2026 – 31 March 2027), its applicant, a coach, and two staff members.
 */
async function world() {
  const cohort = await db().insertInto('cohorts').values({
    name: `Jahrgang ${Math.random()}`, year: 2026, phase: 'programme', application_opens_at: '2025-11-01T00:00:00Z',
    application_closes_at: '2026-01-31T22:59:59Z', selection_finalized_at: '2026-03-25T09:00:00Z',
  }).returning('id').executeTakeFirstOrThrow();
  const f = await createFellowship({ cohort_id: cohort.id, grant_cents: 5_000_000 });
  const coach = await agentFor('coach');
  await db().updateTable('fellowships').set({ coach_id: coach.user.id, agreement_signed_on: '2026-03-30' }).where('id', '=', f.id).execute();
  const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
  const staff = await agentFor('staff');
  const staff2 = await agentFor('staff');
  return { f, applicant, staff, staff2, coach };
}

type World = Awaited<ReturnType<typeof world>>;

const request = (w: World, values: Record<string, unknown> = {}) =>
  w.staff.agent.post('/api/grantee-reports').send({ fellowship_id: w.f.id, kind: 'interim', ...values });

const expense = (agent: any, reportId: number, values: Record<string, unknown> = {}) =>
  agent.post('/api/expenses').send({
    grantee_report_id: reportId, category: 'travel', spent_on: '2026-05-10', payee: 'Deutsche Bahn', description: 'Fahrt zum Auftaktworkshop', amount_cents: 12_345, ...values,
  });

async function budget(fellowshipId: number, lines: Record<string, number>) {
  for (const [category, planned_cents] of Object.entries(lines)) {
    await db().insertInto('budget_lines').values({ fellowship_id: fellowshipId, category: category as any, planned_cents }).execute();
  }
}

async function submitted(w: World, kind: 'interim' | 'final' = 'interim') {
  const report = (await request(w, { kind }).expect(201)).body;
  await w.applicant.agent.put(`/api/grantee-reports/${report.id}`).send({ achievements: 'Drei neue Standorte eröffnet.' }).expect(200);
  if (kind === 'final') await expense(w.applicant.agent, report.id).expect(201);
  return (await w.applicant.agent.post(`/api/grantee-reports/${report.id}/submit`).send({}).expect(200)).body;
}

const emails = (template: string) => db().selectFrom('emails').selectAll().where('template', '=', template).execute();

describe('grantee reports (issue 19)', () => {
  describe('the programme year', () => {
    it('starts the month after the selection was released and sets the report dates from it', () => {
      const year = programmeYear({ application_closes_at: '2026-01-31T22:59:59Z', selection_finalized_at: '2026-03-25T09:00:00Z' });
      assert.deepEqual([year.start, year.end], ['2026-04-01', '2027-03-31']);
      assert.deepEqual(year.interim, { period_start: '2026-04-01', period_end: '2026-09-30', due_on: '2026-10-31' });
      assert.deepEqual(year.final, { period_start: '2026-04-01', period_end: '2027-03-31', due_on: '2027-05-31' });
    });

    it('is estimated from the application deadline before the release (third month after it)', () => {
      const year = programmeYear({ application_closes_at: '2026-02-28T22:59:59Z', selection_finalized_at: null });
      assert.deepEqual([year.start, year.end, year.interim.due_on], ['2026-05-01', '2027-04-30', '2026-11-30']);
    });
  });

  describe('requesting and reading', () => {
    it('requests a report with the cohort’s defaults, queues the letter and audits it', async () => {
      const w = await world();
      const res = await request(w).expect(201);
      assert.deepEqual([res.body.status, res.body.period_start, res.body.period_end, res.body.due_on], ['requested', '2026-04-01', '2026-09-30', '2026-10-31']);
      assert.equal(res.body.requested_by, w.staff.user.id);
      assert.deepEqual(res.body.history, []);
      const [letter] = await emails('grantee_report_requested');
      assert.equal(letter.to, w.applicant.user.email);
      assert.match(letter.body, /31\.10\.2026/);
      const event = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'grantee-reports').executeTakeFirstOrThrow();
      assert.equal(event.action, 'create');
      const final = await request(w, { kind: 'final', due_on: '2027-06-15' }).expect(201);
      assert.deepEqual([final.body.period_end, final.body.due_on], ['2027-03-31', '2027-06-15']);
    });

    it('refuses bad requests with 4xx and changes nothing', async () => {
      const w = await world();
      await request(w, { kind: 'final' }).expect(201);
      const before = await databaseSnapshot();
      assert.equal((await request(w, { kind: 'final' }).expect(409)).body.code, 'final_exists');
      assert.ok((await request(w, { fellowship_id: 999_999 }).expect(400)).body.errors.fellowship_id);
      assert.ok((await request(w, { kind: 'quarterly' }).expect(400)).body.errors.kind);
      assert.ok((await request(w, { period_start: '2026-09-01', period_end: '2026-08-01' }).expect(400)).body.errors.period_end);
      assert.ok((await request(w, { due_on: '31.10.2026' }).expect(400)).body.errors.due_on);
      await request(w, { fellowship_id: 'eins' }).expect(400);
      await request(w, { fellowship_id: undefined }).expect(400);
      assert.equal((await request(w, { approved: true }).expect(400)).body.code, 'unknown_field');
      await w.applicant.agent.post('/api/grantee-reports').send({ fellowship_id: w.f.id, kind: 'interim' }).expect(403);
      await w.coach.agent.post('/api/grantee-reports').send({ fellowship_id: w.f.id, kind: 'interim' }).expect(403);
      assert.equal(await databaseSnapshot(), before);
    });

    it('shows a report to its organisation and its coach, and answers 404 to everyone else', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      await w.applicant.agent.get(`/api/grantee-reports/${id}`).expect(200);
      await w.coach.agent.get(`/api/grantee-reports/${id}`).expect(200);
      const other = await agentFor('applicant');
      const otherCoach = await agentFor('coach');
      await other.agent.get(`/api/grantee-reports/${id}`).expect(404);
      await otherCoach.agent.get(`/api/grantee-reports/${id}`).expect(404);
      assert.equal((await other.agent.get('/api/grantee-reports').expect(200)).body.length, 0);
      await other.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'fremd' }).expect(404);
      await other.agent.post(`/api/grantee-reports/${id}/submit`).send({}).expect(404);
      const jury = await agentFor('jury');
      await jury.agent.get(`/api/grantee-reports/${id}`).expect(403);
      await w.coach.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'vom Coach' }).expect(403);
    });

    it('lists by cohort, status and kind and marks overdue open reports', async () => {
      const w = await world();
      const late = (await request(w, { due_on: '2026-01-15', period_start: '2026-01-01', period_end: '2026-01-10' }).expect(201)).body;
      await request(w, { kind: 'final', due_on: '2099-05-31' }).expect(201);
      assert.equal(late.overdue, true);
      const overdue = await w.staff.agent.get('/api/grantee-reports').query(listQuery({ filter: { overdue: true, cohort_id: w.f.cohort_id } })).expect(200);
      assert.deepEqual(overdue.body.map((r: any) => r.id), [late.id]);
      const finals = await w.staff.agent.get('/api/grantee-reports').query(listQuery({ filter: { kind: 'final', status: 'requested' } })).expect(200);
      assert.equal(finals.body.length, 1);
      assert.equal(finals.body[0].overdue, false);
      await w.staff.agent.get('/api/grantee-reports').query(listQuery({ filter: { overdue: 'vielleicht' } })).expect(400);
      await w.staff.agent.get('/api/grantee-reports').query(listQuery({ filter: { status: 'lost' } })).expect(400);
    });
  });

  describe('the fellow writes', () => {
    it('saves the texts while requested or returned, refuses them after submission with 409 and nothing changed', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      const saved = await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'Zwei Standorte – Köln & Görlitz', challenges: 'Ehrenamt finden', next_steps: 'Lizenzvertrag' }).expect(200);
      assert.equal(saved.body.achievements, 'Zwei Standorte – Köln & Görlitz');
      await w.applicant.agent.post(`/api/grantee-reports/${id}/submit`).send({}).expect(200);
      const before = await databaseSnapshot();
      assert.equal((await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'geändert' }).expect(409)).body.code, 'wrong_state');
      // The whole record sent back unchanged is no change.
      const record = (await w.applicant.agent.get(`/api/grantee-reports/${id}`).expect(200)).body;
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send(record).expect(200);
      assert.equal(await databaseSnapshot(), before);
    });

    it('keeps period and due date with staff and the texts with the fellow', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      const before = await databaseSnapshot();
      assert.ok((await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ due_on: '2027-01-01' }).expect(400)).body.errors.due_on);
      assert.ok((await w.staff.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'von Staff' }).expect(400)).body.errors.achievements);
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'a\u0000b' }).expect(400);
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'x'.repeat(20_001) }).expect(400);
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 42 }).expect(400);
      assert.equal((await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ accepted: true }).expect(400)).body.code, 'unknown_field');
      assert.equal(await databaseSnapshot(), before);
      const moved = await w.staff.agent.put(`/api/grantee-reports/${id}`).send({ due_on: '2026-11-15' }).expect(200);
      assert.equal(moved.body.due_on, '2026-11-15');
    });

    it('adds expenses within the period with a receipt of this report, and refuses bad ones (4xx, nothing changed)', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      const other = (await request(w, { kind: 'final' }).expect(201)).body.id;
      const receipt = (await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', PDF, 'Quittung Bahn.pdf').expect(201)).body;
      assert.equal(receipt.grantee_report_id, id);
      const foreign = (await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(other)).attach('file', PDF, 'andere.pdf').expect(201)).body;
      const ok = await expense(w.applicant.agent, id, { receipt_attachment_id: receipt.id }).expect(201);
      assert.deepEqual([ok.body.amount_cents, ok.body.receipt_filename], [12_345, 'Quittung Bahn.pdf']);
      const stranger = await agentFor('applicant');
      const before = await databaseSnapshot();
      for (const amount_cents of [0, -5, 1.5, '100']) await expense(w.applicant.agent, id, { amount_cents }).expect(400);
      assert.ok((await expense(w.applicant.agent, id, { category: 'champagne' }).expect(400)).body.errors.category);
      assert.ok((await expense(w.applicant.agent, id, { spent_on: '2026-10-01' }).expect(400)).body.errors.spent_on);
      assert.ok((await expense(w.applicant.agent, id, { spent_on: '2026-03-31' }).expect(400)).body.errors.spent_on);
      assert.ok((await expense(w.applicant.agent, id, { receipt_attachment_id: foreign.id }).expect(400)).body.errors.receipt_attachment_id);
      assert.ok((await expense(w.applicant.agent, id, { receipt_attachment_id: 999_999 }).expect(400)).body.errors.receipt_attachment_id);
      await expense(w.applicant.agent, id, { payee: 'x'.repeat(201) }).expect(400);
      await expense(w.applicant.agent, id, { description: 'Nul\u0000l' }).expect(400);
      await expense(w.applicant.agent, id, { payee: '' }).expect(400);
      await expense(w.applicant.agent, id, { unknown: 1 }).expect(400);
      await expense(w.applicant.agent, 999_999).expect(404);
      await expense(w.staff.agent, id).expect(403);
      await expense(w.coach.agent, id).expect(403);
      await expense(stranger.agent, id).expect(404);
      await stranger.agent.put(`/api/expenses/${ok.body.id}`).send({ amount_cents: 1 }).expect(404);
      await stranger.agent.delete(`/api/expenses/${ok.body.id}`).expect(404);
      await w.applicant.agent.put(`/api/expenses/${ok.body.id}`).send({ spent_on: '2027-01-01' }).expect(400);
      // The report of an expense is read-only: sent back changed, it is ignored.
      assert.equal((await w.applicant.agent.put(`/api/expenses/${ok.body.id}`).send({ grantee_report_id: other }).expect(200)).body.grantee_report_id, id);
      assert.equal(await databaseSnapshot(), before);
      // Staff and the coach read them.
      assert.equal((await w.staff.agent.get('/api/expenses').query(listQuery({ filter: { grantee_report_id: id } })).expect(200)).body.length, 1);
      assert.equal((await w.coach.agent.get('/api/expenses').query(listQuery({ filter: { grantee_report_id: id } })).expect(200)).body.length, 1);
      assert.equal((await stranger.agent.get('/api/expenses').expect(200)).body.length, 0);
    });

    it('freezes expenses and receipts once the report is submitted (409, nothing changed)', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      const e = (await expense(w.applicant.agent, id).expect(201)).body;
      const receipt = (await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', PDF, 'beleg.pdf').expect(201)).body;
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'Fertig.' }).expect(200);
      await w.applicant.agent.post(`/api/grantee-reports/${id}/submit`).send({}).expect(200);
      const before = await databaseSnapshot();
      await expense(w.applicant.agent, id).expect(409);
      await w.applicant.agent.put(`/api/expenses/${e.id}`).send({ amount_cents: 1 }).expect(409);
      await w.applicant.agent.delete(`/api/expenses/${e.id}`).expect(409);
      await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', PDF, 'spaet.pdf').expect(409);
      await w.applicant.agent.delete(`/api/attachments/${receipt.id}`).expect(409);
      assert.equal(await databaseSnapshot(), before);
    });

    it('takes receipts by content and size like applications, visible to the report’s readers only', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      const stranger = await agentFor('applicant');
      const before = await databaseSnapshot();
      await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', Buffer.from('<html>'), 'beleg.pdf').expect(400);
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      assert.equal((await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', big, 'gross.pdf')).status, 413);
      await w.applicant.agent.post('/api/attachments').field('grantee_report_id', 'abc').attach('file', PDF, 'a.pdf').expect(400);
      await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).field('application_id', String(w.f.application_id)).attach('file', PDF, 'a.pdf').expect(400);
      await w.applicant.agent.post('/api/attachments').field('grantee_report_id', '999999').attach('file', PDF, 'a.pdf').expect(404);
      await stranger.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', PDF, 'a.pdf').expect(404);
      assert.equal(await databaseSnapshot(), before);
      const receipt = (await w.applicant.agent.post('/api/attachments').field('grantee_report_id', String(id)).attach('file', PDF, 'beleg.pdf').expect(201)).body;
      await w.coach.agent.get(`/api/attachments/${receipt.id}/content`).expect(200);
      await w.staff.agent.get(`/api/attachments/${receipt.id}`).expect(200);
      await stranger.agent.get(`/api/attachments/${receipt.id}/content`).expect(404);
      await (await agentFor('coach')).agent.get(`/api/attachments/${receipt.id}`).expect(404);
      await (await agentFor('jury')).agent.get(`/api/attachments/${receipt.id}`).expect(404);
    });
  });

  describe('submit, accept, return', () => {
    it('submits only a complete report: achievements, and for a final report an expense', async () => {
      const w = await world();
      const interim = (await request(w).expect(201)).body.id;
      const final = (await request(w, { kind: 'final' }).expect(201)).body.id;
      const before = await databaseSnapshot();
      assert.ok((await w.applicant.agent.post(`/api/grantee-reports/${interim}/submit`).send({}).expect(400)).body.errors.achievements);
      await w.applicant.agent.put(`/api/grantee-reports/${final}`).send({ achievements: 'Viel.' }).expect(200);
      const after = await databaseSnapshot();
      assert.notEqual(after, before);
      assert.ok((await w.applicant.agent.post(`/api/grantee-reports/${final}/submit`).send({}).expect(400)).body.errors.expenses);
      await w.staff.agent.post(`/api/grantee-reports/${final}/submit`).send({}).expect(403);
      assert.equal(await databaseSnapshot(), after);
      await expense(w.applicant.agent, final, { spent_on: '2027-02-01' }).expect(201);
      const done = await w.applicant.agent.post(`/api/grantee-reports/${final}/submit`).send({}).expect(200);
      assert.deepEqual([done.body.status, done.body.submitted_by], ['submitted', w.applicant.user.id]);
      assert.ok(done.body.submitted_at);
      assert.equal((await w.applicant.agent.post(`/api/grantee-reports/${final}/submit`).send({}).expect(409)).body.code, 'wrong_state');
      assert.equal((await emails('grantee_report_submitted')).length, 1);
    });

    it('returns with a required note, takes the resubmission and keeps the whole history', async () => {
      const w = await world();
      const report = await submitted(w);
      const before = await databaseSnapshot();
      assert.ok((await w.staff.agent.post(`/api/grantee-reports/${report.id}/return`).send({}).expect(400)).body.errors.note);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/return`).send({ note: '   ' }).expect(400);
      await w.applicant.agent.post(`/api/grantee-reports/${report.id}/return`).send({ note: 'selbst' }).expect(403);
      assert.equal(await databaseSnapshot(), before);
      const returned = await w.staff.agent.post(`/api/grantee-reports/${report.id}/return`).send({ note: 'Bitte die Reisekosten belegen.' }).expect(200);
      assert.deepEqual([returned.body.status, returned.body.review_note, returned.body.reviewed_by], ['returned', 'Bitte die Reisekosten belegen.', w.staff.user.id]);
      assert.match((await emails('grantee_report_returned'))[0].body, /Bitte die Reisekosten belegen\./);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/return`).send({ note: 'nochmal' }).expect(409);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(409);
      await w.applicant.agent.put(`/api/grantee-reports/${report.id}`).send({ achievements: 'Mit Belegen.' }).expect(200);
      await w.applicant.agent.post(`/api/grantee-reports/${report.id}/submit`).send({}).expect(200);
      const accepted = await w.staff2.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(200);
      assert.equal(accepted.body.status, 'accepted');
      assert.deepEqual(accepted.body.history.map((h: any) => [h.outcome, h.note, h.reviewer_name]), [
        ['returned', 'Bitte die Reisekosten belegen.', w.staff.user.name],
        ['accepted', null, w.staff2.user.name],
      ]);
      assert.deepEqual((await db().selectFrom('audit_events').select('action').where('resource', '=', 'grantee-reports').orderBy('id').execute()).map((e) => e.action),
        ['create', 'update', 'submit', 'return', 'update', 'submit', 'accept']);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(409);
      await w.applicant.agent.put(`/api/grantee-reports/${report.id}`).send({ achievements: 'später' }).expect(409);
      await w.staff.agent.put(`/api/grantee-reports/${report.id}`).send({ due_on: '2027-01-01' }).expect(409);
      await w.staff.agent.delete(`/api/grantee-reports/${report.id}`).expect(409);
      assert.equal((await emails('grantee_report_accepted')).length, 1);
    });

    it('refuses to accept an over-limit report without a note, naming the categories (409, nothing changed)', async () => {
      const w = await world();
      await budget(w.f.id, { travel: 100_000, personnel: 1_000_000 });
      const report = (await request(w).expect(201)).body;
      await expense(w.applicant.agent, report.id, { category: 'travel', amount_cents: 120_001 }).expect(201);
      await expense(w.applicant.agent, report.id, { category: 'events', amount_cents: 5_000 }).expect(201);
      await w.applicant.agent.put(`/api/grantee-reports/${report.id}`).send({ achievements: 'Unterwegs.' }).expect(200);
      await w.applicant.agent.post(`/api/grantee-reports/${report.id}/submit`).send({}).expect(200);
      const before = await databaseSnapshot();
      const refused = await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(409);
      assert.equal(refused.body.code, 'over_limit');
      assert.match(refused.body.message, /Reisekosten, Veranstaltungen/);
      assert.ok(refused.body.errors.note);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({ note: 42 }).expect(400);
      await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({ note: 'x'.repeat(4001) }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      const ok = await w.staff.agent.post(`/api/grantee-reports/${report.id}/accept`).send({ note: 'Mehr Reisen, dafür weniger Personal.' }).expect(200);
      assert.deepEqual([ok.body.status, ok.body.review_note], ['accepted', 'Mehr Reisen, dafür weniger Personal.']);
    });
  });

  describe('budget against actual', () => {
    it('answers the view’s numbers: cumulative per report, deviation in %, the 20 % limit', async () => {
      const w = await world();
      await budget(w.f.id, { personnel: 2_000_000, travel: 100_000, material: 50_000 });
      const interim = (await request(w).expect(201)).body.id;
      const final = (await request(w, { kind: 'final' }).expect(201)).body.id;
      await expense(w.applicant.agent, interim, { category: 'personnel', amount_cents: 900_000 }).expect(201);
      await expense(w.applicant.agent, interim, { category: 'travel', amount_cents: 120_000 }).expect(201); // exactly plan + 20 %: not over
      await expense(w.applicant.agent, final, { category: 'personnel', amount_cents: 1_000_000, spent_on: '2027-01-15' }).expect(201);
      await expense(w.applicant.agent, final, { category: 'travel', amount_cents: 1, spent_on: '2027-01-15' }).expect(201); // now over
      await expense(w.applicant.agent, final, { category: 'other', amount_cents: 7_500, spent_on: '2027-01-15' }).expect(201); // no plan

      const first = (await w.staff.agent.get(`/api/grantee-reports/${interim}`).expect(200)).body;
      assert.deepEqual(first.budget_vs_actual, [
        { category: 'personnel', planned_cents: 2_000_000, actual_cents: 900_000, deviation_pct: -55, over_limit: false },
        { category: 'travel', planned_cents: 100_000, actual_cents: 120_000, deviation_pct: 20, over_limit: false },
        { category: 'material', planned_cents: 50_000, actual_cents: 0, deviation_pct: -100, over_limit: false },
      ]);
      const last = (await w.applicant.agent.get(`/api/grantee-reports/${final}`).expect(200)).body;
      assert.deepEqual(last.budget_vs_actual.map((b: any) => [b.category, b.planned_cents, b.actual_cents, b.deviation_pct, b.over_limit]), [
        ['personnel', 2_000_000, 1_900_000, -5, false],
        ['travel', 100_000, 120_001, 20, true],
        ['material', 50_000, 0, -100, false],
        ['other', 0, 7_500, null, true],
      ]);
      assert.deepEqual(last.over_limit_categories, ['travel', 'other']);

      // The same sums straight from the tables.
      const { rows } = await sql<{ category: string; actual: number }>`
        select e.category, sum(e.amount_cents)::bigint as actual from expenses e join grantee_reports r on r.id = e.grantee_report_id
         where r.fellowship_id = ${w.f.id} group by e.category`.execute(db());
      for (const row of rows) assert.equal(last.budget_vs_actual.find((b: any) => b.category === row.category).actual_cents, Number(row.actual), row.category);
      assert.equal(last.totals.actual_cents, rows.reduce((s, r) => s + Number(r.actual), 0));
      assert.equal(last.totals.planned_cents, 2_150_000);
    });

    it('compares the spending with what was paid: unspent funds to repay, a warning when it is more', async () => {
      const w = await world();
      const report = (await request(w).expect(201)).body.id;
      await db().insertInto('disbursements').values({
        fellowship_id: w.f.id, label: '1. Rate', amount_cents: 100_000, status: 'paid', created_by: w.staff.user.id, approved_by: w.staff2.user.id,
        approved_at: new Date(), paid_at: new Date(), payment_reference: 'R1',
      }).execute();
      await expense(w.applicant.agent, report, { amount_cents: 60_000 }).expect(201);
      let totals = (await w.applicant.agent.get(`/api/grantee-reports/${report}`).expect(200)).body.totals;
      assert.deepEqual(totals, { planned_cents: 0, actual_cents: 60_000, paid_cents: 100_000, unspent_cents: 40_000, exceeds_paid: false, excess_cents: 0 });
      await expense(w.applicant.agent, report, { amount_cents: 50_000 }).expect(201);
      totals = (await w.applicant.agent.get(`/api/grantee-reports/${report}`).expect(200)).body.totals;
      assert.deepEqual([totals.unspent_cents, totals.exceeds_paid, totals.excess_cents], [0, true, 10_000]);
    });
  });

  describe('tranches tied to a report', () => {
    function tranche(w: World, reportId: number | null, extra: Record<string, unknown> = {}) {
      return w.staff.agent.post('/api/disbursements').send({ fellowship_id: w.f.id, label: 'Schlussrate', amount_cents: 500_000, grantee_report_id: reportId, ...extra });
    }

    it('approves a report tranche only once the report is accepted (409 with the reason)', async () => {
      const w = await world();
      const report = await submitted(w);
      const t = (await tranche(w, report.id).expect(201)).body;
      assert.equal(t.grantee_report_id, report.id);
      assert.equal(t.grantee_report_status, 'submitted');
      const before = await databaseSnapshot();
      const refused = await w.staff2.agent.post(`/api/disbursements/${t.id}/approve`).send({}).expect(409);
      assert.equal(refused.body.code, 'report_not_accepted');
      assert.match(refused.body.message, /Zwischenbericht.*eingereicht, aber noch nicht geprüft/);
      assert.equal(await databaseSnapshot(), before);
      await w.staff2.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(200);
      const approved = await w.staff2.agent.post(`/api/disbursements/${t.id}/approve`).send({}).expect(200);
      assert.equal(approved.body.status, 'approved');
    });

    it('links only a report of the same fellowship (400 on create and update)', async () => {
      const w = await world();
      const mine = (await request(w).expect(201)).body.id;
      const otherFellowship = await createFellowship({ cohort_id: w.f.cohort_id });
      const theirs = (await w.staff.agent.post('/api/grantee-reports').send({ fellowship_id: otherFellowship.id, kind: 'interim' }).expect(201)).body.id;
      const before = await databaseSnapshot();
      assert.ok((await tranche(w, theirs).expect(400)).body.errors.grantee_report_id);
      assert.ok((await tranche(w, 999_999).expect(400)).body.errors.grantee_report_id);
      await tranche(w, 'drei' as unknown as number).expect(400);
      assert.equal(await databaseSnapshot(), before);
      const t = (await tranche(w, null).expect(201)).body;
      assert.ok((await w.staff.agent.put(`/api/disbursements/${t.id}`).send({ ...t, grantee_report_id: theirs }).expect(400)).body.errors.grantee_report_id);
      const linked = await w.staff.agent.put(`/api/disbursements/${t.id}`).send({ ...t, grantee_report_id: mine }).expect(200);
      assert.equal(linked.body.grantee_report_id, mine);
      assert.equal((await w.staff.agent.delete(`/api/grantee-reports/${mine}`).expect(409)).body.code, 'tranche_linked');
      // Whoever tied it (or unties it) is no longer the second pair of eyes.
      const untied = await w.staff2.agent.put(`/api/disbursements/${t.id}`).send({ ...linked.body, grantee_report_id: null }).expect(200);
      assert.ok(untied.body.money_editors.includes(w.staff2.user.id));
      assert.equal((await w.staff2.agent.post(`/api/disbursements/${t.id}/approve`).send({}).expect(403)).body.code, 'four_eyes');
    });

    it('holds the report while approving: a change of the report in flight is waited for (PostgreSQL only)', async function () {
      if (!onPostgres) this.skip();
      const w = await world();
      const report = await submitted(w);
      await w.staff2.agent.post(`/api/grantee-reports/${report.id}/accept`).send({}).expect(200);
      const t = (await tranche(w, report.id).expect(201)).body;
      // A transaction holds the report's row lock and takes the acceptance back (as a reopening
      // would): the approval must wait for it and then see the report no longer accepted.
      let approval: Promise<any> | undefined;
      await db().transaction().execute(async (trx) => {
        await trx.updateTable('grantee_reports').set({ status: 'returned' }).where('id', '=', report.id).execute();
        approval = w.staff2.agent.post(`/api/disbursements/${t.id}/approve`).send({}).then((r) => r);
        await lockWaiters(1);
      });
      const res = await approval!;
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'report_not_accepted');
      assert.equal((await db().selectFrom('disbursements').select('status').where('id', '=', t.id).executeTakeFirstOrThrow()).status, 'planned');
    });

    it('does nothing twice under parallel submits, accepts and returns (one state change, one letter)', async () => {
      const w = await world();
      const id = (await request(w).expect(201)).body.id;
      await w.applicant.agent.put(`/api/grantee-reports/${id}`).send({ achievements: 'Parallel.' }).expect(200);
      const submits = await Promise.all(Array.from({ length: 5 }, () => w.applicant.agent.post(`/api/grantee-reports/${id}/submit`).send({})));
      assert.deepEqual(submits.map((r) => r.status).sort(), [200, 409, 409, 409, 409]);
      assert.equal((await emails('grantee_report_submitted')).length, 1);
      const reviewers = await Promise.all([1, 2, 3].map(() => createUser('staff')));
      const agents = await Promise.all(reviewers.map((u) => loginAs(u)));
      const results = await Promise.all(agents.flatMap((a, i) => [
        a.post(`/api/grantee-reports/${id}/accept`).send({}),
        a.post(`/api/grantee-reports/${id}/return`).send({ note: `Rückgabe ${i}` }),
      ]));
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.ok(results.every((r) => r.status === 200 || r.status === 409));
      const reviews = await db().selectFrom('grantee_report_reviews').selectAll().where('grantee_report_id', '=', id).execute();
      assert.equal(reviews.length, 1);
      const report = await db().selectFrom('grantee_reports').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(report.status, reviews[0].outcome);
      assert.equal((await db().selectFrom('emails').select('id').where('template', 'in', ['grantee_report_accepted', 'grantee_report_returned']).execute()).length, 1);
    });
  });
});
