import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { agentFor, api, createUser, databaseSnapshot, db, listQuery, loginAs, type Agent } from './support/fixtures.ts';
import { createFellowship, createMilestone, insertTranche } from './support/funding-fixtures.ts';
import { programmeYear } from '../src/grantee-reports/index.ts';
import { berlinDay, date, money } from '../src/shared/format.ts';
import { label } from '../src/shared/labels.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { testContext } from './support/context.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'agreements-test-'));
let files = 0;

function binary(res: any, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const pdfText = (pdf: Buffer) => {
  const file = join(dir, `a${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

function renderPages(pdf: Buffer): string[] {
  const out = mkdtempSync(join(dir, 'pages-'));
  writeFileSync(join(out, 'agreement.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', join(out, 'agreement.pdf'), join(out, 'page')]);
  return readdirSync(out).filter((f) => f.endsWith('.png')).map((f) => join(out, f));
}

const today = () => berlinDay(new Date());
const dayOffset = (days: number) => berlinDay(new Date(Date.now() + days * 86_400_000));

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

async function staffPair() {
  return { planner: await agentFor('staff'), approver: await agentFor('staff') };
}

const signedOn = async (fellowshipId: number) =>
  (await db().selectFrom('fellowships').select('agreement_signed_on').where('id', '=', fellowshipId).executeTakeFirstOrThrow()).agreement_signed_on;

const line = (agent: Agent, fellowship_id: number, category: string, planned_cents: number, extra: Record<string, unknown> = {}) =>
  agent.post('/api/budget-lines').send({ fellowship_id, category, planned_cents, ...extra });

describe('grant agreements', () => {
  describe('the signed date', () => {
    it('staff record the signed date; it is audited and shown on the fellowship', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ agreement_signed_on: null });
      const res = await agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: '2026-03-20' }).expect(200);
      assert.equal(res.body.agreement_signed_on, '2026-03-20');
      const event = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'fellowships').where('record_id', '=', f.id).executeTakeFirstOrThrow();
      assert.equal((event.changes as any).after.agreement_signed_on, '2026-03-20');
      assert.equal((event.changes as any).before.agreement_signed_on, null);
      const list = await agent.get('/api/fellowships').query(listQuery({ filter: { agreement_signed_on_gte: '2026-03-01' } })).expect(200);
      assert.deepEqual(list.body.map((r: any) => r.id), [f.id]);
    });

    it('refuses a date in the future, a malformed date and writes by other roles, changing nothing', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ agreement_signed_on: null });
      const coach = await agentFor('coach');
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', f.id).execute();
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const before = await databaseSnapshot();
      const future = await agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: dayOffset(2) }).expect(400);
      assert.ok(future.body.errors.agreement_signed_on);
      assert.match(future.body.message, /Zukunft/);
      for (const bad of ['20.03.2026', '2026-13-01', 20260320, true, 'x'.repeat(10_000), '2026-03-20\u0000']) {
        await agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: bad }).expect(400);
      }
      await applicant.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: today() }).expect(403);
      // A coach keeps goals up to date; the agreement is the programme team's.
      await coach.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: today() }).expect(200);
      await agent.put('/api/fellowships/999999').send({ agreement_signed_on: today() }).expect(404);
      assert.equal(await databaseSnapshot(), before);
      await agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: today() }).expect(200);
    });

    it('no tranche is approved before the agreement is signed (409 with the reason), afterwards it is', async () => {
      const { planner, approver } = await staffPair();
      const f = await createFellowship({ agreement_signed_on: null });
      const t = await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: '1. Rate', amount_cents: 500_000 }).expect(201);
      const before = await databaseSnapshot();
      const refused = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(409);
      assert.equal(refused.body.code, 'agreement_unsigned');
      assert.match(refused.body.message, /Fördervertrag ist noch nicht unterschrieben/);
      assert.equal(await databaseSnapshot(), before);
      await planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: dayOffset(-3) }).expect(200);
      const ok = await approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).expect(200);
      assert.equal(ok.body.status, 'approved');
    });

    it('the date can be corrected but not removed once a tranche was approved on it', async () => {
      const { planner, approver } = await staffPair();
      const f = await createFellowship({ agreement_signed_on: '2026-03-10' });
      // Nothing released yet: removing a wrongly entered date is fine.
      await planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: null }).expect(200);
      await planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: '2026-03-10' }).expect(200);
      await insertTranche({ fellowship_id: f.id, amount_cents: 1000, status: 'paid', created_by: planner.user.id, approved_by: approver.user.id });
      const before = await databaseSnapshot();
      const res = await planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: '' }).expect(409);
      assert.equal(res.body.code, 'agreement_in_use');
      assert.equal(await databaseSnapshot(), before);
      await planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: '2026-03-11' }).expect(200);
      assert.equal(await signedOn(f.id), '2026-03-11');
    });

    it('an approval racing the removal of the date never leaves an approved tranche without a signed agreement', async () => {
      const { planner, approver } = await staffPair();
      for (let round = 0; round < 6; round++) {
        const f = await createFellowship({ agreement_signed_on: '2026-03-10' });
        const t = await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Rate', amount_cents: 1000 }).expect(201);
        const [clear, approve] = await Promise.all([
          planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: null }),
          approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}),
        ]);
        assert.deepEqual([clear.status, approve.status].sort(), [200, 409], `round ${round}: ${clear.status}/${approve.status}`);
        const tranche = await db().selectFrom('disbursements').select('status').where('id', '=', t.body.id).executeTakeFirstOrThrow();
        assert.equal(tranche.status === 'approved', (await signedOn(f.id)) !== null);
      }
    });

    (onPostgres ? it : it.skip)('an approval waiting for the fellowship lock sees the date removed meanwhile (PostgreSQL)', async () => {
      const { planner, approver } = await staffPair();
      const f = await createFellowship({ agreement_signed_on: '2026-03-10' });
      const t = await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Rate', amount_cents: 1000 }).expect(201);
      let pending!: Promise<any>;
      await db().transaction().execute(async (trx) => {
        await trx.selectFrom('fellowships').select('id').where('id', '=', f.id).forUpdate().execute();
        await trx.updateTable('fellowships').set({ agreement_signed_on: null }).where('id', '=', f.id).execute();
        pending = approver.agent.post(`/api/disbursements/${t.body.id}/approve`).send({}).then((r) => r);
        await lockWaiters(1);
      });
      const res = await pending;
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'agreement_unsigned');
    });

    (onPostgres ? it : it.skip)('a removal waiting for the fellowship lock sees the tranche approved meanwhile (PostgreSQL)', async () => {
      const { planner, approver } = await staffPair();
      const f = await createFellowship({ agreement_signed_on: '2026-03-10' });
      const t = await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Rate', amount_cents: 1000 }).expect(201);
      let pending!: Promise<any>;
      await db().transaction().execute(async (trx) => {
        await trx.selectFrom('fellowships').select('id').where('id', '=', f.id).forUpdate().execute();
        await trx.updateTable('disbursements').set({ status: 'approved', approved_by: approver.user.id, approved_at: new Date() }).where('id', '=', t.body.id).execute();
        pending = planner.agent.put(`/api/fellowships/${f.id}`).send({ agreement_signed_on: null }).then((r) => r);
        await lockWaiters(1);
      });
      const res = await pending;
      assert.equal(res.status, 409);
      assert.equal(await signedOn(f.id), '2026-03-10');
    });
  });

  describe('budget lines', () => {
    it('staff plan one line per category within the grant; the fellowship shows the planned total', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const personnel = await line(agent, f.id, 'personnel', 600_000, { note: 'Projektleitung 50 %' }).expect(201);
      assert.equal(personnel.body.planned_cents, 600_000);
      assert.equal(personnel.body.grant_cents, 1_000_000);
      assert.equal(personnel.body.organisation_name, f.organisation.name);
      await line(agent, f.id, 'travel', 400_000).expect(201);
      const event = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'budget-lines').where('record_id', '=', personnel.body.id).executeTakeFirstOrThrow();
      assert.equal(event.action, 'create');
      const fellowship = await agent.get(`/api/fellowships/${f.id}`).expect(200);
      assert.equal(fellowship.body.budget_planned_cents, 1_000_000);
      const list = await agent.get('/api/budget-lines').query(listQuery({ filter: { fellowship_id: f.id }, sort: ['planned_cents', 'DESC'] })).expect(200);
      assert.deepEqual(list.body.map((l: any) => l.category), ['personnel', 'travel']);
    });

    it('refuses a plan above the grant, a second line of a category and a change that breaks either, changing nothing', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const travel = await line(agent, f.id, 'travel', 700_000).expect(201);
      const fees = await line(agent, f.id, 'fees', 300_000).expect(201);
      const before = await databaseSnapshot();
      const over = await line(agent, f.id, 'material', 1).expect(409);
      assert.equal(over.body.code, 'budget_exceeded');
      assert.match(over.body.message, /übersteigt das Stipendium/);
      assert.ok(over.body.errors.planned_cents);
      const twice = await line(agent, f.id, 'travel', 0).expect(409);
      assert.equal(twice.body.code, 'duplicate_category');
      assert.match(twice.body.message, /Reisekosten/);
      assert.equal((await agent.put(`/api/budget-lines/${fees.body.id}`).send({ planned_cents: 300_001 }).expect(409)).body.code, 'budget_exceeded');
      assert.equal((await agent.put(`/api/budget-lines/${fees.body.id}`).send({ category: 'travel' }).expect(409)).body.code, 'duplicate_category');
      assert.equal(await databaseSnapshot(), before);
      // The whole record back, unchanged, is fine; lowering one line frees room for another.
      await agent.put(`/api/budget-lines/${travel.body.id}`).send(travel.body).expect(200);
      await agent.put(`/api/budget-lines/${travel.body.id}`).send({ planned_cents: 600_000, category: 'personnel' }).expect(200);
      await line(agent, f.id, 'travel', 100_000).expect(201);
      await agent.delete(`/api/budget-lines/${fees.body.id}`).expect(200);
      await line(agent, f.id, 'overhead', 300_000).expect(201);
    });

    it('answers bad input with 400 and changes nothing', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship();
      const existing = await line(agent, f.id, 'events', 1000).expect(201);
      const before = await databaseSnapshot();
      const bodies: unknown[] = [
        {},
        { fellowship_id: f.id, category: 'personnel' },
        { fellowship_id: f.id, planned_cents: 100 },
        { fellowship_id: f.id, category: 'catering', planned_cents: 100 },
        { fellowship_id: f.id, category: 'personnel', planned_cents: -1 },
        { fellowship_id: f.id, category: 'personnel', planned_cents: 10.5 },
        { fellowship_id: f.id, category: 'personnel', planned_cents: '100' },
        { fellowship_id: f.id, category: 'personnel', planned_cents: 1e15 },
        { fellowship_id: String(f.id), category: 'personnel', planned_cents: 100 },
        { fellowship_id: f.id, category: 'personnel', planned_cents: 100, note: 'x'.repeat(2001) },
        { fellowship_id: f.id, category: 'personnel', planned_cents: 100, note: 'Reise\u0000kosten' },
        { fellowship_id: f.id, category: 'personnel', planned_cents: 100, actual_cents: 5 },
        { fellowship_id: 999_999, category: 'personnel', planned_cents: 100 },
        [1, 2],
      ];
      for (const body of bodies) {
        const res = await agent.post('/api/budget-lines').send(body as object);
        assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      }
      await agent.put(`/api/budget-lines/${existing.body.id}`).send({ planned_cents: -5 }).expect(400);
      await agent.put(`/api/budget-lines/${existing.body.id}`).send({ category: 'catering' }).expect(400);
      await agent.put(`/api/budget-lines/${existing.body.id}`).send({ note: 'x'.repeat(5000) }).expect(400);
      await agent.put('/api/budget-lines/999999').send({ planned_cents: 5 }).expect(404);
      await agent.delete('/api/budget-lines/999999').expect(404);
      await agent.get('/api/budget-lines').query({ filter: '{"category":"nope"}' }).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });

    it('the applicants of the organisation and the coach read the plan; others get 404, and only staff write', async () => {
      const { agent: staff } = await agentFor('staff');
      const coach = await agentFor('coach');
      const otherCoach = await agentFor('coach');
      const f = await createFellowship();
      const other = await createFellowship();
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', f.id).execute();
      const mine = await line(staff, f.id, 'personnel', 1000).expect(201);
      const theirs = await line(staff, other.id, 'personnel', 2000).expect(201);
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const jury = await agentFor('jury');

      const own = await applicant.agent.get('/api/budget-lines').expect(200);
      assert.deepEqual(own.body.map((l: any) => l.id), [mine.body.id]);
      await applicant.agent.get(`/api/budget-lines/${mine.body.id}`).expect(200);
      await applicant.agent.get(`/api/budget-lines/${theirs.body.id}`).expect(404);
      await coach.agent.get(`/api/budget-lines/${mine.body.id}`).expect(200);
      assert.deepEqual((await coach.agent.get('/api/budget-lines').expect(200)).body.map((l: any) => l.id), [mine.body.id]);
      await otherCoach.agent.get(`/api/budget-lines/${mine.body.id}`).expect(404);
      await jury.agent.get('/api/budget-lines').expect(403);

      const before = await databaseSnapshot();
      await applicant.agent.post('/api/budget-lines').send({ fellowship_id: f.id, category: 'travel', planned_cents: 1 }).expect(403);
      await applicant.agent.put(`/api/budget-lines/${mine.body.id}`).send({ planned_cents: 1 }).expect(403);
      await applicant.agent.delete(`/api/budget-lines/${mine.body.id}`).expect(403);
      await coach.agent.post('/api/budget-lines').send({ fellowship_id: f.id, category: 'travel', planned_cents: 1 }).expect(403);
      await coach.agent.put(`/api/budget-lines/${mine.body.id}`).send({ planned_cents: 1 }).expect(403);
      await api().get('/api/budget-lines').expect(401);
      assert.equal(await databaseSnapshot(), before);
    });

    it('the grant cannot be lowered below the budget plan', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ grant_cents: 1_000_000 });
      await line(agent, f.id, 'personnel', 700_000).expect(201);
      await line(agent, f.id, 'material', 100_000).expect(201);
      const before = await databaseSnapshot();
      const res = await agent.put(`/api/fellowships/${f.id}`).send({ grant_cents: 799_999 }).expect(409);
      assert.equal(res.body.code, 'budget_plan');
      assert.match(res.body.message, /Finanzplan/);
      assert.equal(await databaseSnapshot(), before);
      await agent.put(`/api/fellowships/${f.id}`).send({ grant_cents: 800_000 }).expect(200);
    });

    it('parallel lines never plan more than the grant', async () => {
      const { agent } = await agentFor('staff');
      const agents = [agent, ...(await Promise.all([1, 2, 3].map(async () => loginAs(await createUser('staff')))))];
      const f = await createFellowship({ grant_cents: 1_000_000 });
      const categories = ['personnel', 'fees', 'travel', 'material', 'events', 'overhead', 'other'];
      const results = await Promise.all(categories.map((c, i) => line(agents[i % agents.length], f.id, c, 300_000)));
      assert.equal(results.filter((r) => r.status === 201).length, 3);
      assert.ok(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'budget_exceeded'));
      const sum = await db().selectFrom('budget_lines').select(sql<string>`sum(planned_cents)`.as('s')).where('fellowship_id', '=', f.id).executeTakeFirstOrThrow();
      assert.equal(Number(sum.s), 900_000);
    });

    it('a line raised in parallel with a lowered grant never leaves the plan above the grant', async () => {
      const { agent } = await agentFor('staff');
      const other = await loginAs(await createUser('staff'));
      for (let round = 0; round < 4; round++) {
        const f = await createFellowship({ grant_cents: 1_000_000 });
        const l = await line(agent, f.id, 'personnel', 500_000).expect(201);
        const [raise, lower] = await Promise.all([
          agent.put(`/api/budget-lines/${l.body.id}`).send({ planned_cents: 900_000 }),
          other.put(`/api/fellowships/${f.id}`).send({ grant_cents: 600_000 }),
        ]);
        assert.deepEqual([raise.status, lower.status].sort(), [200, 409]);
        const row = await db().selectFrom('fellowships as f').innerJoin('budget_lines as b', 'b.fellowship_id', 'f.id').select(['f.grant_cents', 'b.planned_cents']).where('f.id', '=', f.id).executeTakeFirstOrThrow();
        assert.ok(Number(row.planned_cents) <= Number(row.grant_cents));
      }
    });
  });

  describe('demo data', () => {
    it('signs every agreement but one current fellow’s, keeps plans within grants and releases no tranche of an unsigned agreement', async function () {
      this.timeout(300_000);
      if (testContext.databaseUrl) {
        const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
        await seedDemo(own.db, { publicUrl: 'https://crm.example.org' }).finally(() => own.close());
      } else {
        await seedDemo(db(), { publicUrl: 'https://crm.example.org' });
      }
      const fellowships = await db()
        .selectFrom('fellowships as f')
        .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
        .select(['f.id', 'f.grant_cents', 'f.agreement_signed_on', 'f.status', 'c.phase'])
        .select(sql<string>`(select coalesce(sum(b.planned_cents), 0) from budget_lines b where b.fellowship_id = f.id)`.as('planned'))
        .select(sql<number>`(select count(*)::int from disbursements d where d.fellowship_id = f.id and d.status in ('approved', 'paid'))`.as('released'))
        .where('f.status', '<>', 'withdrawn')
        .execute();
      assert.ok(fellowships.length > 10);
      const unsigned = fellowships.filter((f) => !f.agreement_signed_on);
      assert.equal(unsigned.length, 1);
      assert.equal(unsigned[0].phase, 'programme');
      for (const f of fellowships) {
        assert.ok(Number(f.planned) > 0 && Number(f.planned) <= Number(f.grant_cents), `fellowship ${f.id}: plan ${f.planned} of ${f.grant_cents}`);
        if (!f.agreement_signed_on) assert.equal(f.released, 0, `fellowship ${f.id} has released tranches without an agreement`);
      }
      assert.ok(fellowships.some((f) => f.phase === 'alumni' && f.agreement_signed_on));
    });
  });

  describe('the agreement PDF', () => {
    async function agreementWorld() {
      const { planner, approver } = await staffPair();
      const f = await createFellowship({
        grant_cents: 4_250_000, agreement_signed_on: '2026-03-18',
        organisation: { name: 'Łódź-Brücke Ökologie e.V.', street: 'Straße der Einheit 7', postal_code: '04109', city: 'Leipzig' },
      });
      await db().updateTable('applications').set({ project_name: 'Grünflächen für alle – Ğüzel Şehir', summary: 'Stadtgärten in zwölf Kommunen.' }).where('id', '=', f.application_id).execute();
      await db().insertInto('people').values([
        { organisation_id: f.organisation_id, first_name: 'Zoë', last_name: 'Ångström', role_title: 'Projektleitung' },
        { organisation_id: f.organisation_id, first_name: 'Jürgen', last_name: 'Weiß', role_title: 'Vorstandsvorsitzender' },
      ]).execute();
      await line(planner.agent, f.id, 'personnel', 2_500_000, { note: 'Koordination' }).expect(201);
      await line(planner.agent, f.id, 'travel', 350_000).expect(201);
      await line(planner.agent, f.id, 'events', 900_000).expect(201);
      const milestone = await createMilestone(f.id);
      await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Erste Rate', amount_cents: 2_000_000, due_on: '2026-04-15' }).expect(201);
      await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Transferbonus', amount_cents: 1_250_000, due_on: '2026-09-30', milestone_id: milestone.id }).expect(201);
      const cancelled = await planner.agent.post('/api/disbursements').send({ fellowship_id: f.id, label: 'Storniert', amount_cents: 10_000 }).expect(201);
      await approver.agent.post(`/api/disbursements/${cancelled.body.id}/cancel`).send({}).expect(200);
      return { f, staff: planner.agent };
    }

    it('prints parties, purpose, grant, budget plan, tranches, reporting duties, terms and the signature, as in the database', async () => {
      const { f, staff } = await agreementWorld();
      const res = await staff.get(`/api/fellowships/${f.id}/agreement.pdf`).buffer(true).parse(binary).expect(200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(res.headers['content-disposition'], /foerdervertrag-/);
      const text = pdfText(res.body);
      const cohort = await db().selectFrom('cohorts').selectAll().where('id', '=', f.cohort_id).executeTakeFirstOrThrow();
      const schedule = programmeYear(cohort);
      const expect = [
        'Fördervertrag', 'Stiftung Bürgermut', 'Łódź-Brücke Ökologie e.V.', 'Straße der Einheit 7, 04109 Leipzig', 'Jürgen Weiß (Vorstandsvorsitzender)',
        'Grünflächen für alle – Ğüzel Şehir', 'Stadtgärten in zwölf Kommunen.', money(4_250_000),
        label('budget_category', 'personnel'), money(2_500_000), 'Koordination', label('budget_category', 'travel'), money(350_000),
        label('budget_category', 'events'), money(900_000), money(3_750_000), `Noch nicht verplant: ${money(500_000)}`,
        'Erste Rate', date('2026-04-15'), money(2_000_000), 'Transferbonus', date('2026-09-30'), money(1_250_000), 'Meilenstein „Transferkonzept“ erreicht',
        money(3_250_000), 'Zwischenbericht', date(schedule.interim.due_on), date(schedule.interim.period_end), date(schedule.final.due_on),
        '20 %', 'zurückzuzahlen', 'am 18.03.2026 unterzeichnet',
      ];
      for (const piece of expect) assert.ok(text.includes(piece), `missing “${piece}” in: ${text.slice(0, 3000)}`);
      assert.ok(!text.includes('Storniert'), 'a cancelled tranche is not part of the plan');
      assert.ok(!text.includes('Zoë Ångström'), 'the representative is the board member, not the project lead');
      const pages = renderPages(res.body);
      assert.ok(pages.length >= 2, `pages: ${pages.length}`);
      for (const page of pages) assert.ok(statSync(page).size > 1000);
    });

    it('says so when the agreement is not yet signed and the plan is empty', async () => {
      const { agent } = await agentFor('staff');
      const f = await createFellowship({ agreement_signed_on: null });
      const text = pdfText((await agent.get(`/api/fellowships/${f.id}/agreement.pdf`).buffer(true).parse(binary).expect(200)).body);
      assert.ok(text.includes('noch nicht unterzeichnet'));
      assert.ok(text.includes('Der Finanzplan ist noch nicht aufgestellt.'));
    });

    it('the fellow’s applicants download it; other applicants get 404, coaches and jurors 403', async () => {
      const f = await createFellowship();
      const other = await createFellowship();
      const applicant = await agentFor('applicant', { organisation_id: f.organisation_id });
      const stranger = await agentFor('applicant', { organisation_id: other.organisation_id });
      const coach = await agentFor('coach');
      await db().updateTable('fellowships').set({ coach_id: coach.user.id }).where('id', '=', f.id).execute();
      const own = await applicant.agent.get(`/api/fellowships/${f.id}/agreement.pdf`).buffer(true).parse(binary).expect(200);
      assert.ok(pdfText(own.body).includes(f.organisation.name));
      await stranger.agent.get(`/api/fellowships/${f.id}/agreement.pdf`).expect(404);
      await coach.agent.get(`/api/fellowships/${f.id}/agreement.pdf`).expect(403);
      await (await agentFor('jury')).agent.get(`/api/fellowships/${f.id}/agreement.pdf`).expect(403);
      await applicant.agent.get('/api/fellowships/999999/agreement.pdf').expect(404);
      await applicant.agent.get('/api/fellowships/abc/agreement.pdf').expect(404);
      await api().get(`/api/fellowships/${f.id}/agreement.pdf`).expect(401);
    });
  });
});
