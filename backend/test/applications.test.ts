import assert from 'node:assert/strict';
import { agentFor, createOrganisation, databaseSnapshot, db, listQuery } from './support/fixtures.ts';
import { completeApplication, completeOrganisation, createApplication, createCohort } from './support/call.ts';

async function applicant(orgValues: Record<string, unknown> = completeOrganisation) {
  const org = await createOrganisation(orgValues);
  const { user, agent } = await agentFor('applicant', { organisation_id: org.id });
  return { org, user, agent };
}

describe('applications', () => {
  describe('the deadline', () => {
    it('accepts a submission one second before the deadline', async () => {
      const cohort = await createCohort();
      const { agent } = await applicant();
      const draft = await agent.post('/api/applications').send({ cohort_id: cohort.id, ...completeApplication }).expect(201);
      const closes = new Date(Date.now() + 1000);
      await db().updateTable('cohorts').set({ application_closes_at: closes }).where('id', '=', cohort.id).execute();
      cohort.application_closes_at = closes;
      const res = await agent.post(`/api/applications/${draft.body.id}/submit`).send({}).expect(200);
      assert.equal(res.body.status, 'submitted');
      assert.ok(new Date(res.body.submitted_at) < new Date(cohort.application_closes_at));
    });

    it('refuses a submission one second after the deadline with 409 and changes nothing', async () => {
      const cohort = await createCohort({}, 60_000);
      const { org, agent } = await applicant();
      const draft = await createApplication(cohort.id, org.id);
      await db().updateTable('cohorts').set({ application_closes_at: new Date(Date.now() - 1000) }).where('id', '=', cohort.id).execute();
      const before = await databaseSnapshot();
      const res = await agent.post(`/api/applications/${draft.id}/submit`).send({}).expect(409);
      assert.equal(res.body.code, 'deadline_passed');
      assert.equal(await databaseSnapshot(), before);
    });

    it('judges the deadline as an instant, whatever time zone the cohort was entered in', async () => {
      const { agent: staff } = await agentFor('staff');
      // 23:59:59 in Berlin (CEST, +02:00) is 21:59:59Z: one instant, three spellings.
      const created = await staff.post('/api/cohorts').send({
        name: 'Zeitzonen', year: 2026, application_opens_at: '2026-01-01T00:00:00+01:00', application_closes_at: '2026-06-30T23:59:59+02:00',
      }).expect(201);
      assert.equal(new Date(created.body.application_closes_at).toISOString(), '2026-06-30T21:59:59.000Z');
      const soon = new Date(Date.now() + 2000);
      const offset = soon.toISOString().replace('Z', '+00:00');
      await staff.put(`/api/cohorts/${created.body.id}`).send({ application_opens_at: '2020-01-01T00:00:00Z', application_closes_at: offset }).expect(200);
      await db().updateTable('cohorts').set({ phase: 'call_open' }).where('id', '=', created.body.id).execute();
      const { org, agent } = await applicant();
      const app = await createApplication(created.body.id, org.id);
      await agent.post(`/api/applications/${app.id}/submit`).send({}).expect(200);
      const { org: late, agent: lateAgent } = await applicant();
      const lateApp = await createApplication(created.body.id, late.id);
      await new Promise((r) => setTimeout(r, Math.max(0, soon.getTime() - Date.now() + 50)));
      await lateAgent.post(`/api/applications/${lateApp.id}/submit`).send({}).expect(409);
    });

    it('refuses new drafts and draft edits after the deadline and before the call opens', async () => {
      const closed = await createCohort({}, -1000);
      const notYet = await createCohort({ phase: 'draft', name: 'Entwurf' });
      const { org, agent } = await applicant();
      const app = await createApplication(closed.id, org.id, { status: 'draft' });
      const other = await createCohort({}, -1000);
      const snap = await databaseSnapshot();
      assert.equal((await agent.post('/api/applications').send({ cohort_id: other.id }).expect(409)).body.code, 'deadline_passed');
      assert.equal((await agent.post('/api/applications').send({ cohort_id: notYet.id }).expect(409)).body.code, 'call_not_open');
      assert.equal((await agent.put(`/api/applications/${app.id}`).send({ summary: 'später' }).expect(409)).body.code, 'deadline_passed');
      assert.equal(await databaseSnapshot(), snap);
    });
  });

  describe('one application per organisation per cohort', () => {
    it('answers 409 for a second application of the same organisation', async () => {
      const cohort = await createCohort();
      const { agent } = await applicant();
      await agent.post('/api/applications').send({ cohort_id: cohort.id }).expect(201);
      const before = await databaseSnapshot();
      const res = await agent.post('/api/applications').send({ cohort_id: cohort.id, project_name: 'Zweiter Versuch' }).expect(409);
      assert.equal(res.body.code, 'duplicate');
      assert.equal(await databaseSnapshot(), before);
    });

    it('creates exactly one under 20 parallel requests', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => agent.post('/api/applications').send({ cohort_id: cohort.id, project_name: `Versuch ${i}` })),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses}`);
      assert.ok(statuses.every((s) => s === 201 || s === 409), `statuses: ${statuses}`);
      const rows = await db().selectFrom('applications').select('id').where('organisation_id', '=', org.id).execute();
      assert.equal(rows.length, 1);
    });

    it('submits exactly once and queues exactly one receipt under 20 parallel submits', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id);
      const results = await Promise.all(Array.from({ length: 20 }, () => agent.post(`/api/applications/${app.id}/submit`).send({})));
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.ok(results.every((r) => r.status === 200 || r.status === 409));
      const emails = await db().selectFrom('emails').select(['template']).execute();
      assert.deepEqual(emails.map((e) => e.template), ['application_receipt']);
    });
  });

  describe('draft versus submit', () => {
    it('saves a draft with no fields at all, and refuses to submit it with a message per missing field', async () => {
      const cohort = await createCohort();
      const { agent } = await applicant({ name: 'Unvollständig e.V.', state: null });
      const draft = await agent.post('/api/applications').send({ cohort_id: cohort.id }).expect(201);
      assert.equal(draft.body.status, 'draft');
      const before = await databaseSnapshot();
      const res = await agent.post(`/api/applications/${draft.body.id}/submit`).send({}).expect(400);
      assert.equal(res.body.code, 'incomplete');
      for (const key of ['project_name', 'summary', 'transfer_model', 'target_regions', 'impact_evidence', 'scaling_goals', 'team', 'funding_requested_cents', 'budget_plan', 'motivation', 'organisation.state', 'organisation.charitable_status']) {
        assert.ok(res.body.errors[key], `missing message for ${key}`);
      }
      assert.equal(await databaseSnapshot(), before);
    });

    it('autosaves partial drafts with PUT and submits once complete, queueing a German receipt', async () => {
      const cohort = await createCohort();
      const { user, agent } = await applicant();
      const draft = await agent.post('/api/applications').send({ cohort_id: cohort.id, project_name: 'Lesepaten' }).expect(201);
      const saved = await agent.put(`/api/applications/${draft.body.id}`).send({ ...draft.body, summary: 'Kurz' }).expect(200);
      assert.equal(saved.body.summary, 'Kurz');
      assert.equal(saved.body.project_name, 'Lesepaten');
      const short = await agent.post(`/api/applications/${draft.body.id}/submit`).send({}).expect(400);
      assert.match(short.body.errors.summary, /mindestens/);
      await agent.put(`/api/applications/${draft.body.id}`).send(completeApplication).expect(200);
      const done = await agent.post(`/api/applications/${draft.body.id}/submit`).send({}).expect(200);
      assert.equal(done.body.status, 'submitted');
      const mail = await db().selectFrom('emails').selectAll().executeTakeFirstOrThrow();
      assert.equal(mail.to, user.email);
      assert.equal(mail.status, 'queued');
      assert.match(mail.subject, /Eingangsbestätigung/);
      assert.match(mail.body, /Berliner Zeit/);
      // Once submitted, the content is frozen for the applicant.
      await agent.put(`/api/applications/${draft.body.id}`).send({ summary: 'Nachträglich' }).expect(409);
      await agent.post(`/api/applications/${draft.body.id}/submit`).send({}).expect(409);
    });

    it('rejects bad input with 400 and field errors, changing nothing', async () => {
      const cohort = await createCohort();
      const { agent } = await applicant();
      const draft = await agent.post('/api/applications').send({ cohort_id: cohort.id }).expect(201);
      const before = await databaseSnapshot();
      const cases: Array<[string, unknown, string]> = [
        ['wrong type', { cohort_id: cohort.id, project_name: 42 }, 'project_name'],
        ['missing cohort', { project_name: 'X' }, 'cohort_id'],
        ['huge string', { cohort_id: cohort.id, summary: 'x'.repeat(100_000) }, 'summary'],
        ['bad enum', { cohort_id: cohort.id, transfer_model: 'pyramid' }, 'transfer_model'],
        ['negative money', { cohort_id: cohort.id, funding_requested_cents: -5 }, 'funding_requested_cents'],
        ['fraction of a cent', { cohort_id: cohort.id, funding_requested_cents: 1.5 }, 'funding_requested_cents'],
      ];
      for (const [label, body, field] of cases) {
        const res = await agent.post('/api/applications').send(body as object);
        assert.equal(res.status, 400, label);
        assert.ok(res.body.errors?.[field], `${label}: ${JSON.stringify(res.body)}`);
      }
      await agent.put(`/api/applications/${draft.body.id}`).send({ summary: ['a'] }).expect(400);
      await agent.post('/api/applications').set('Content-Type', 'application/json').send('{"cohort_id": ').expect(400);
      await agent.post('/api/applications').send({ cohort_id: 999_999 }).expect(404);
      await agent.post('/api/applications/999999/submit').send({}).expect(404);
      await agent.post('/api/applications/abc/submit').send({}).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });
  });

  describe('who sees what', () => {
    it('never lets an applicant read or change another organisation\'s application (404)', async () => {
      const cohort = await createCohort();
      const other = await createOrganisation(completeOrganisation);
      const foreign = await createApplication(cohort.id, other.id);
      const { agent } = await applicant();
      const before = await databaseSnapshot();
      await agent.get(`/api/applications/${foreign.id}`).expect(404);
      await agent.put(`/api/applications/${foreign.id}`).send({ summary: 'gekapert' }).expect(404);
      await agent.delete(`/api/applications/${foreign.id}`).expect(404);
      await agent.post(`/api/applications/${foreign.id}/submit`).send({}).expect(404);
      await agent.post(`/api/applications/${foreign.id}/withdraw`).send({}).expect(404);
      await agent.get(`/api/applications/${foreign.id}/pdf`).expect(404);
      await agent.post('/api/applications').send({ cohort_id: cohort.id, organisation_id: other.id }).expect(404);
      const list = await agent.get('/api/applications').expect(200);
      assert.deepEqual(list.body, []);
      assert.equal(await databaseSnapshot(), before);
    });

    it('hides staff notes and undisclosed decisions from the applicant', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id, { status: 'rejected', eligibility_note: 'intern', decision_reason: 'intern', submitted_at: new Date() });
      const res = await agent.get(`/api/applications/${app.id}`).expect(200);
      assert.equal(res.body.status, 'submitted');
      assert.equal(res.body.eligibility_note, undefined);
      assert.equal(res.body.decision_reason, undefined);
    });

    it('shows the applicant the same record, version included, however staff work on it before the release', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date() });
      const seen = async () => (await agent.get(`/api/applications/${app.id}`).expect(200)).body;
      const listed = async () => (await agent.get('/api/applications').expect(200)).body;
      const before = { record: await seen(), list: await listed() };
      const { agent: staff } = await agentFor('staff');
      await staff.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: true, note: 'Bescheid liegt vor.' }).expect(200);
      await db().updateTable('applications')
        .set({ status: 'rejected', decision_reason: 'intern', decided_at: new Date(), waitlist_position: null, interview_notes: 'intern', updated_at: new Date() })
        .where('id', '=', app.id).execute();
      assert.deepEqual(await seen(), before.record);
      assert.deepEqual(await listed(), before.list);
      assert.equal(before.record.updated_at, undefined);
      await agent.get('/api/applications').query(listQuery({ sort: ['updated_at', 'DESC'] })).expect(400);
    });

    it('gives jurors and coaches no applications and the eligibility check only to staff', async () => {
      const cohort = await createCohort();
      const org = await createOrganisation(completeOrganisation);
      const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date() });
      for (const role of ['jury', 'coach'] as const) {
        const { agent } = await agentFor(role);
        const list = await agent.get('/api/applications');
        assert.ok(list.status === 403 || (list.status === 200 && list.body.length === 0), `${role}: ${list.status}`);
        await agent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: true }).expect(403);
      }
      const { agent: applicantAgent } = await applicant();
      await applicantAgent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: true }).expect(403);
      await applicantAgent.get('/api/applications/export.csv').expect(403);
    });
  });

  describe('staff work', () => {
    it('records the eligibility check with a note, and requires a note for "not eligible"', async () => {
      const cohort = await createCohort();
      const org = await createOrganisation(completeOrganisation);
      const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date() });
      const draft = await createApplication(cohort.id, (await createOrganisation()).id);
      const { agent } = await agentFor('staff');
      const before = await databaseSnapshot();
      const missing = await agent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: false }).expect(400);
      assert.ok(missing.body.errors.note);
      await agent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: 'yes' }).expect(400);
      await agent.post(`/api/applications/${draft.id}/check-eligibility`).send({ eligible: true }).expect(409);
      assert.equal(await databaseSnapshot(), before);
      const res = await agent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: false, note: 'Keine Gemeinnützigkeit nachgewiesen.' }).expect(200);
      assert.equal(res.body.status, 'ineligible');
      assert.equal(res.body.eligibility_note, 'Keine Gemeinnützigkeit nachgewiesen.');
      const fixed = await agent.post(`/api/applications/${app.id}/check-eligibility`).send({ eligible: true, note: 'Bescheid nachgereicht.' }).expect(200);
      assert.equal(fixed.body.status, 'eligible');
      const audit = await db().selectFrom('audit_events').select('action').where('resource', '=', 'applications').execute();
      assert.equal(audit.filter((a) => a.action === 'check-eligibility').length, 2);
    });

    it('filters by cohort, status, field, Bundesland, legal form and transfer model, and searches with German stemming', async () => {
      const cohort = await createCohort();
      const old = await createCohort({ name: 'Jahrgang 2025', year: 2025 });
      const bayern = await createOrganisation({ ...completeOrganisation, name: 'Bürgerstiftung Lesewelt', state: 'Bayern', field: 'education', legal_form: 'stiftung' });
      const sachsen = await createOrganisation({ ...completeOrganisation, name: 'Tafel Nord', state: 'Sachsen', field: 'social', legal_form: 'e_v' });
      const a = await createApplication(cohort.id, bayern.id, { status: 'submitted', transfer_model: 'licensing', project_name: 'Lesende Schulen', summary: 'Wir gründen Lesegruppen an Schulen.' });
      const b = await createApplication(cohort.id, sachsen.id, { status: 'eligible', transfer_model: 'social_franchise', project_name: 'Essen retten', summary: 'Lebensmittel werden gerettet.' });
      const c = await createApplication(old.id, sachsen.id, { status: 'rejected', transfer_model: 'other' });
      const { agent } = await agentFor('staff');
      const ids = async (filter: object) => (await agent.get('/api/applications').query(listQuery({ filter })).expect(200)).body.map((r: any) => r.id).sort();
      assert.deepEqual(await ids({ cohort_id: cohort.id }), [a.id, b.id].sort());
      assert.deepEqual(await ids({ status: 'eligible' }), [b.id]);
      assert.deepEqual(await ids({ status: ['submitted', 'rejected'] }), [a.id, c.id].sort());
      assert.deepEqual(await ids({ field: 'education' }), [a.id]);
      assert.deepEqual(await ids({ state: 'Sachsen' }), [b.id, c.id].sort());
      assert.deepEqual(await ids({ legal_form: 'stiftung' }), [a.id]);
      assert.deepEqual(await ids({ transfer_model: 'social_franchise' }), [b.id]);
      // "Schule" finds "Schulen" (stemming), "bürger" the organisation's name (prefix).
      assert.deepEqual(await ids({ q: 'Schule' }), [a.id]);
      assert.deepEqual(await ids({ q: 'bürger' }), [a.id]);
      assert.deepEqual(await ids({ q: 'gerettet', cohort_id: cohort.id }), [b.id]);
      await agent.get('/api/applications').query(listQuery({ filter: { state: { $ne: 1 } } })).expect(400);
      await agent.get('/api/applications').query(listQuery({ filter: { secret: 1 } })).expect(400);
      await agent.get('/api/applications').query({ filter: '{nope' }).expect(400);
    });

    it('exports the filtered list as CSV (German headers, euros, neutralised formulas)', async () => {
      const cohort = await createCohort();
      const org = await createOrganisation({ ...completeOrganisation, name: '=HYPERLINK("x") Ärzte e.V.', state: 'Bayern' });
      const other = await createOrganisation({ ...completeOrganisation, name: 'Andere gGmbH', state: 'Berlin' });
      await createApplication(cohort.id, org.id, { status: 'submitted', funding_requested_cents: 1_234_56 });
      await createApplication(cohort.id, other.id, { status: 'submitted' });
      const { agent } = await agentFor('staff');
      const res = await agent.get('/api/applications/export.csv').query(listQuery({ filter: { state: 'Bayern' } })).expect(200);
      assert.match(res.headers['content-type'], /text\/csv/);
      const text = res.text.replace(/^\uFEFF/, '');
      const lines = text.trim().split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^ID;Jahrgang;Organisation;/);
      assert.match(lines[1], /'=HYPERLINK/);
      assert.match(lines[1], /1234,56/);
      await agent.get('/api/applications/export.csv').query({ filter: '{' }).expect(400);
    });

    it('lets the applicant withdraw, and not after a final decision', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date() });
      const res = await agent.post(`/api/applications/${app.id}/withdraw`).send({}).expect(200);
      assert.equal(res.body.status, 'withdrawn');
      await agent.post(`/api/applications/${app.id}/withdraw`).send({}).expect(409);
      const mails = await db().selectFrom('emails').select('template').execute();
      assert.deepEqual(mails.map((m) => m.template), ['application_withdrawn']);
      const { org: o2, agent: a2 } = await applicant();
      const selected = await createApplication(cohort.id, o2.id, { status: 'selected' });
      await a2.post(`/api/applications/${selected.id}/withdraw`).send({}).expect(409);
    });

    it('serves the applicant a PDF copy with umlauts', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant({ ...completeOrganisation, name: 'Straßenkinder Köln e.V.' });
      const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date() });
      const res = await agent.get(`/api/applications/${app.id}/pdf`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal((res.body as Buffer).subarray(0, 5).toString(), '%PDF-');
      assert.match((res.body as Buffer).toString('latin1'), /DejaVu/);
    });
  });

  describe('nothing lost, nothing silently changed (issue 17)', () => {
    it('carries a version; a save based on an older one answers 409 stale_version and changes nothing', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id, { summary: 'Erste Fassung' });
      const loaded = (await agent.get(`/api/applications/${app.id}`).expect(200)).body;
      assert.equal(loaded.version, 1);
      // Tab 2 saves first, based on version 1 (react-admin sends the whole record back).
      const second = await agent.put(`/api/applications/${app.id}`).send({ ...loaded, summary: 'Neuere Fassung aus Tab 2' }).expect(200);
      assert.equal(second.body.version, 2);
      const before = await databaseSnapshot();
      const stale = await agent.put(`/api/applications/${app.id}`).send({ ...loaded, summary: 'Veraltete Fassung aus Tab 1' }).expect(409);
      assert.equal(stale.body.code, 'stale_version');
      assert.match(stale.body.message, /^Diese Bewerbung wurde inzwischen an anderer Stelle geändert/);
      assert.equal(await databaseSnapshot(), before);
      // Based on the current version, the save goes through and counts on.
      const next = await agent.put(`/api/applications/${app.id}`).send({ ...second.body, summary: 'Dritte Fassung' }).expect(200);
      assert.equal(next.body.version, 3);
      assert.equal(next.body.summary, 'Dritte Fassung');
    });

    it('lets exactly one of two parallel saves on the same version win', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id);
      const results = await Promise.all(
        ['Fenster A', 'Fenster B', 'Fenster C'].map((summary) => agent.put(`/api/applications/${app.id}`).send({ version: 1, summary })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const stored = await db().selectFrom('applications').select(['summary', 'version']).where('id', '=', app.id).executeTakeFirstOrThrow();
      assert.equal(stored.summary, winner.body.summary);
      assert.equal(stored.version, 2);
      for (const r of results.filter((x) => x.status === 409)) assert.equal(r.body.code, 'stale_version');
    });

    it('counts every change of the application, not only the form\'s saves', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant({ ...completeOrganisation, name: 'Versionen e.V.' });
      const app = await createApplication(cohort.id, org.id);
      const submitted = await agent.post(`/api/applications/${app.id}/submit`).send({}).expect(200);
      assert.equal(submitted.body.version, 2);
      // Staff editing the interview from a copy loaded before the submission.
      const { agent: staff } = await agentFor('staff');
      const stale = await staff.put(`/api/applications/${app.id}`).send({ version: 1, interview_notes: 'alte Ansicht' }).expect(409);
      assert.equal(stale.body.code, 'stale_version');
      await staff.put(`/api/applications/${app.id}`).send({ version: 2, interview_notes: 'aktuell' }).expect(200);
    });

    it('rejects text beyond the shared limit with 400 at the field and changes nothing', async () => {
      const cohort = await createCohort();
      const { org, agent } = await applicant();
      const app = await createApplication(cohort.id, org.id);
      const before = await databaseSnapshot();
      const res = await agent.put(`/api/applications/${app.id}`).send({ version: 1, summary: 'x'.repeat(2500) }).expect(400);
      assert.equal(res.body.errors.summary, 'Höchstens 2000 Zeichen.');
      assert.equal(await databaseSnapshot(), before);
      await agent.put(`/api/applications/${app.id}`).send({ version: 1, summary: 'x'.repeat(2000) }).expect(200);
    });

    it('rejects a founding year in the future, an invalid postcode and website with 400 at those fields', async () => {
      const { org, agent } = await applicant();
      const before = await databaseSnapshot();
      const year = new Date().getFullYear();
      const future = await agent.put(`/api/organisations/${org.id}`).send({ name: org.name, founded_year: year + 1 }).expect(400);
      assert.match(future.body.errors.founded_year, /Zukunft/);
      const ancient = await agent.put(`/api/organisations/${org.id}`).send({ name: org.name, founded_year: 1200 }).expect(400);
      assert.ok(ancient.body.errors.founded_year);
      const bad = await agent.put(`/api/organisations/${org.id}`).send({ name: org.name, postal_code: '1234', website: 'www example org' }).expect(400);
      assert.equal(bad.body.errors.postal_code, 'Postleitzahl: fünf Ziffern.');
      assert.equal(bad.body.errors.website, 'Ungültige Web-Adresse (http/https).');
      assert.equal(await databaseSnapshot(), before);
      const ok = await agent.put(`/api/organisations/${org.id}`).send({ name: org.name, founded_year: year, postal_code: '04109', website: 'https://lesepaten.example.org' }).expect(200);
      assert.equal(ok.body.founded_year, year);
      assert.equal(ok.body.postal_code, '04109');
    });
  });
});
