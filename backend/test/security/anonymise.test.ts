import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testContext } from '../support/context.ts';
import { textColumns } from '../support/catalogue.ts';
import { agentFor, createOrganisation, createUser, db, loginAs, type Agent } from '../support/fixtures.ts';
import { completeApplication } from '../support/call.ts';
import { applyRetention } from '../../src/privacy/retention.job.ts';
import { collectFrom, emptyIdentity, identifiersOf, scrubberFor, withoutShared } from '../../src/privacy/identifiers.ts';
import { redactChanges } from '../../src/privacy/forget.ts';

/**
 * Anonymisation forgets everywhere: a rich world is built (through the API where it has a route),
 * one rejected applicant is anonymised, and then every text, JSON and array column of every table —
 * read from the database catalogue, so a new table is searched too — must no longer contain any of
 * its former names, e-mail addresses, phone numbers or IBANs.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const YEAR = 365 * 86_400_000;

/** Who is forgotten: the rejected applicant, its people and every address it ever used. */
const X = {
  organisation: 'Quandt-Verein für Straßenkinder e.V.',
  user: { name: 'Xaver Quandtmeier', email: 'xaver.quandtmeier@quandt-verein.example' },
  email: 'kontakt@quandt-verein.example',
  phone: '+49 351 4711 0815',
  iban: 'DE02120300000000202051',
  newIban: 'DE02500105170137075030',
  ottilie: { first_name: 'Ottilie', last_name: 'Wrzesniewski', email: 'o.wrzesniewski@quandt-verein.example', phone: '0351 8899 7766' },
  ottilieNewEmail: 'ottilie@quandt-verein.example',
  bruno: { first_name: 'Bruno', last_name: 'Käsbohrer', email: 'bruno.kaesbohrer@quandt-verein.example', phone: '0176 55512345' },
};

/** Every spelling the world writes them in; the search below must find none of them afterwards. */
const FORMER_VALUES = [
  X.organisation, X.user.name, 'Quandtmeier', X.user.email, X.email, X.phone, '+49 351 47110815', X.iban, 'DE02 1203 0000 0000 2020 51', X.newIban,
  'Ottilie Wrzesniewski', 'Wrzesniewski', X.ottilie.email, X.ottilieNewEmail, X.ottilie.phone, '0351 8899-7766',
  'Bruno Käsbohrer', 'Käsbohrer', X.bruno.email, X.bruno.phone,
];

async function call(agent: Agent, method: 'get' | 'post' | 'put' | 'delete', path: string, body: unknown, status: number) {
  const res = await (agent as any)[method](`/api${path}`).send(body ?? {});
  assert.equal(res.status, status, `${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function buildRichWorld() {
  const { agent: staff } = await agentFor('staff');
  const { agent: admin } = await agentFor('admin');
  const coachUser = await createUser('coach', { name: 'Carla Coach' });
  const coach = await loginAs(coachUser);
  const juror = await createUser('jury', { name: 'Jonas Jury' });
  const conflicted = await createUser('jury', { name: 'Jana Befangen' });

  // The call: a cohort with one criterion, open now.
  const cohort = await call(staff, 'post', '/cohorts', {
    name: 'Jahrgang 2023', year: 2023, retention_months: 24, default_grant_cents: 5_000_000, coaching_hours_per_fellow: 10,
    application_opens_at: new Date(Date.now() - 30 * 86_400_000).toISOString(), application_closes_at: new Date(Date.now() + 86_400_000).toISOString(),
  }, 201);
  const criterion = await call(staff, 'post', '/criteria', { cohort_id: cohort.id, name: 'Wirkung', weight: 1, max_score: 5 }, 201);
  await call(staff, 'post', `/cohorts/${cohort.id}/transition`, { phase: 'call_open' }, 200);

  // X: the applicant that will be forgotten, with its contacts, bank data and their history.
  const xOrg = await createOrganisation({ name: X.organisation, legal_form: 'e_v', charitable_status: true, city: 'Dresden', state: 'Sachsen', field: 'social' });
  const xUser = await createUser('applicant', { organisation_id: xOrg.id, ...X.user });
  const x = await loginAs(xUser);
  await call(x, 'put', `/organisations/${xOrg.id}`, { email: X.email, phone: X.phone, iban: X.iban, account_holder: X.user.name, street: 'Quandtstraße 7' }, 200);
  await call(x, 'put', `/organisations/${xOrg.id}`, { iban: X.newIban }, 200);
  const ottilie = await call(x, 'post', '/people', { organisation_id: xOrg.id, ...X.ottilie, role_title: 'Leitung' }, 201);
  await call(x, 'put', `/people/${ottilie.id}`, { email: X.ottilieNewEmail }, 200);
  const bruno = await call(x, 'post', '/people', { organisation_id: xOrg.id, ...X.bruno }, 201);
  await call(x, 'delete', `/people/${bruno.id}`, undefined, 200);
  const xApp = await call(x, 'post', '/applications', {
    ...completeApplication, cohort_id: cohort.id, funding_requested_cents: 4_200_000, transfer_model: 'affiliation',
    team: 'Ottilie Wrzesniewski (Leitung, 0351 8899 7766), Bruno Käsbohrer (Finanzen) und 30 Ehrenamtliche.',
  }, 201);
  const cv = await x.post('/api/attachments').field('application_id', String(xApp.id)).attach('file', PDF, 'Lebenslauf Ottilie Wrzesniewski.pdf').expect(201);
  await call(x, 'delete', `/attachments/${cv.body.id}`, undefined, 200);
  await x.post('/api/attachments').field('application_id', String(xApp.id)).attach('file', PDF, 'Satzung_Bruno_Käsbohrer.pdf').expect(201);
  await call(x, 'post', `/applications/${xApp.id}/submit`, {}, 200);

  // F: a fellow-to-be in the same cohort, whose records merely mention X's people.
  const fOrg = await createOrganisation({ name: 'Lernpaten Leipzig e.V.', legal_form: 'e_v', charitable_status: true, city: 'Leipzig', state: 'Sachsen', email: 'info@lernpaten.example', iban: 'GB82WEST12345698765432', account_holder: 'Lernpaten Leipzig e.V.' });
  const fUser = await createUser('applicant', { organisation_id: fOrg.id, name: 'Frieda Fellow', email: 'frieda@lernpaten.example' });
  const f = await loginAs(fUser);
  await call(f, 'post', '/people', { organisation_id: fOrg.id, first_name: 'Frieda', last_name: 'Fellow', email: 'frieda@lernpaten.example', phone: '0341 1234567' }, 201);
  const fApp = await call(f, 'post', '/applications', { ...completeApplication, cohort_id: cohort.id }, 201);
  await call(f, 'post', `/applications/${fApp.id}/submit`, {}, 200);

  // Review: deadline passes, eligibility, a declared conflict, jury scores with comments.
  await db().updateTable('cohorts').set({ application_closes_at: new Date(Date.now() - 1000) }).where('id', '=', cohort.id).execute();
  await call(staff, 'post', `/cohorts/${cohort.id}/transition`, { phase: 'review' }, 200);
  await call(staff, 'post', `/applications/${xApp.id}/check-eligibility`, { eligible: true, note: `IBAN DE02 1203 0000 0000 2020 51 geprüft; Ansprechpartnerin Ottilie Wrzesniewski, ${X.ottilie.email}` }, 200);
  await call(staff, 'post', `/applications/${fApp.id}/check-eligibility`, { eligible: true, note: 'Alles vollständig.' }, 200);
  await call(await loginAs(conflicted), 'post', '/conflicts', { organisation_id: xOrg.id, reason: `Ottilie Wrzesniewski (${X.ottilieNewEmail}) ist meine Nachbarin.` }, 201);
  await call(staff, 'post', `/cohorts/${cohort.id}/assign-reviewers`, { per_application: 1 }, 200);
  const reviews = await db().selectFrom('reviews').selectAll().where('status', '=', 'assigned').execute();
  for (const review of reviews) {
    const jurorAgent = await loginAs(review.juror_id === juror.id ? juror : conflicted);
    const aboutX = review.application_id === xApp.id;
    await call(jurorAgent, 'put', `/reviews/${review.id}`, {
      scores: [{ criterion_id: criterion.id, score: aboutX ? 2 : 5, comment: aboutX ? 'Frau Wrzesniewski wirkte unsicher.' : 'Stark.' }],
      recommendation: aboutX ? 'no' : 'yes',
      overall_comment: aboutX ? `Rückruf bei Xaver Quandtmeier unter ${X.ottilie.phone} vereinbart.` : 'Empfehlung.',
    }, 200);
    await call(jurorAgent, 'post', `/reviews/${review.id}/submit`, {}, 200);
  }

  // Selection: interviews, decisions with reasons, the release (letters into the outbox).
  await call(staff, 'post', `/cohorts/${cohort.id}/transition`, { phase: 'selection' }, 200);
  for (const app of [xApp, fApp]) await call(staff, 'post', `/applications/${app.id}/shortlist`, {}, 200);
  await call(staff, 'post', `/applications/${xApp.id}/interview`, { interview_at: new Date().toISOString(), interview_notes: 'Telefonat mit Bruno Käsbohrer, Rückruf unter 0176 55512345.' }, 200);
  await call(staff, 'post', `/applications/${xApp.id}/decide`, { decision: 'rejected', reason: 'Mit Xaver Quandtmeier besprochen: Transfer noch nicht reif.' }, 200);
  await call(staff, 'post', `/applications/${fApp.id}/decide`, { decision: 'selected', reason: 'Überzeugendes Modell.' }, 200);
  await call(staff, 'post', `/cohorts/${cohort.id}/finalize-selection`, {}, 200);

  // Programme: F's coaching notes and grant payments (its own IBAN; amounts are bookkeeping).
  const fellowship = await db().selectFrom('fellowships').selectAll().where('organisation_id', '=', fOrg.id).executeTakeFirstOrThrow();
  await call(staff, 'put', `/fellowships/${fellowship.id}`, { coach_id: coachUser.id, agreement_signed_on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) }, 200);
  await call(coach, 'post', '/coaching-sessions', {
    fellowship_id: fellowship.id, held_on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), duration_minutes: 60,
    topics: 'Lernpaten, Kooperation', notes: `Austausch mit Ottilie Wrzesniewski (${X.ottilie.email}, 0351 8899-7766) über Lernpaten.`,
    next_steps: `Kontakt über ${X.email} halten.`,
  }, 201);
  const tranche = await call(staff, 'post', '/disbursements', { fellowship_id: fellowship.id, label: '1. Rate', amount_cents: 1_250_000 }, 201);
  await call(admin, 'post', `/disbursements/${tranche.id}/approve`, {}, 200);
  await call(staff, 'post', '/disbursement-exports', { format: 'csv', cohort_id: fellowship.cohort_id }, 201);
  await call(staff, 'post', `/disbursements/${tranche.id}/pay`, { payment_reference: 'Überweisung 2023-0815' }, 200);

  // Alumni of an earlier year: a profile and an introduction that mention X's people.
  const old = await db().insertInto('cohorts').values({ name: 'Jahrgang 2020', year: 2020, phase: 'alumni', application_opens_at: '2020-01-01T00:00:00Z', application_closes_at: '2020-03-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
  const alumni = [];
  for (const name of ['Alumni Eins e.V.', 'Alumni Zwei gGmbH']) {
    const org = await createOrganisation({ name, email: `info@${name.split(' ')[1].toLowerCase()}.example` });
    const app = await db().insertInto('applications').values({ cohort_id: old.id, organisation_id: org.id, status: 'selected' }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('fellowships').values({ cohort_id: old.id, organisation_id: org.id, application_id: app.id, status: 'completed' }).execute();
    const profile = await call(staff, 'post', '/alumni-profiles', { organisation_id: org.id, cohort_id: old.id, visible: true, offers: 'Fundraising' }, 201);
    alumni.push({ org, profile, agent: await loginAs(await createUser('applicant', { organisation_id: org.id })) });
  }
  await call(alumni[0].agent, 'put', `/alumni-profiles/${alumni[0].profile.id}`, { bio: `Empfohlen von Frau Wrzesniewski; Kontakt über ${X.ottilieNewEmail}.`, visible: true }, 200);
  await call(alumni[0].agent, 'post', '/introductions', { to_organisation_id: alumni[1].org.id, message: `Bitte auch Xaver Quandtmeier (+49 351 47110815) einladen.` }, 201);

  // Outbox entries the routes do not write: a reminder to a former address, a note to staff about X.
  await db().insertInto('emails').values([
    { to: X.ottilie.email, subject: 'Erinnerung', body: 'Hallo Ottilie Wrzesniewski, bitte Unterlagen nachreichen.', template: 'reminder', status: 'sent', sent_at: new Date() },
    { to: X.bruno.email, subject: 'Einladung', body: 'Hallo Herr Käsbohrer …', template: 'reminder' },
    { to: 'team@stiftung.example', subject: `Rückfrage ${X.organisation}`, body: `Bitte ${X.user.name} unter ${X.phone} anrufen; IBAN ${X.iban}.`, template: 'internal', status: 'sent', sent_at: new Date() },
  ]).execute();

  // Time passes: the retention period of X's cohort is over.
  await db().updateTable('cohorts').set({ application_opens_at: new Date(Date.now() - 3 * YEAR - 60 * 86_400_000), application_closes_at: new Date(Date.now() - 3 * YEAR) }).where('id', '=', cohort.id).execute();
  return { admin, xOrg, xApp, fOrg, fApp, fellowship, tranche, alumni };
}

/** Every cell of every text, JSON and array column of every table, as text. */
async function everyText(): Promise<Array<{ where: string; text: string }>> {
  const cells: Array<{ where: string; text: string }> = [];
  for (const c of await textColumns(testContext.db)) {
    const { rows } = await sql<{ v: string }>`select ${sql.ref(c.column)}::text as v from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(testContext.db);
    for (const r of rows) cells.push({ where: `${c.table}.${c.column}`, text: r.v });
  }
  return cells;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase();

describe('security: anonymisation forgets everywhere', function () {
  this.timeout(180_000);

  for (const via of ['the API', 'the retention job'] as const) {
    it(`leaves no former name, address, phone number or IBAN in any column of any table (via ${via}), keeping statistics and payments`, async () => {
      const world = await buildRichWorld();
      const before = await everyText();
      for (const value of FORMER_VALUES) {
        assert.ok(before.some((c) => fold(c.text).includes(fold(value))), `the world mentions ${value} before`);
      }
      const auditCount = Number((await sql<{ n: string }>`select count(*)::text as n from audit_events`.execute(db())).rows[0].n);

      if (via === 'the API') {
        const res = await call(world.admin, 'post', `/organisations/${world.xOrg.id}/anonymise`, {}, 200);
        assert.ok(res.removed.mentions > 0, 'mentions outside the organisation’s own records were found');
      } else {
        assert.deepEqual((await applyRetention(db())).anonymised, [world.xOrg.id]);
      }

      const leaks = (await everyText()).flatMap((c) => FORMER_VALUES.filter((v) => fold(c.text).includes(fold(v))).map((v) => `${c.where}: ${v} in ${c.text.slice(0, 200)}`));
      assert.deepEqual(leaks, []);

      // Statistics and bookkeeping stay.
      const org = await db().selectFrom('organisations').selectAll().where('id', '=', world.xOrg.id).executeTakeFirstOrThrow();
      assert.deepEqual([org.legal_form, org.field, org.state, org.charitable_status], ['e_v', 'social', 'Sachsen', true]);
      const app = await db().selectFrom('applications').selectAll().where('id', '=', world.xApp.id).executeTakeFirstOrThrow();
      assert.deepEqual([app.status, app.transfer_model, app.funding_requested_cents], ['rejected', 'affiliation', 4_200_000]);
      const review = await db().selectFrom('reviews').selectAll().where('application_id', '=', world.xApp.id).executeTakeFirstOrThrow();
      assert.deepEqual([review.status, review.recommendation, (review.scores as any[]).map((s) => s.score)], ['submitted', 'no', [2]]);
      const tranche = await db().selectFrom('disbursements').selectAll().where('id', '=', world.tranche.id).executeTakeFirstOrThrow();
      assert.deepEqual([tranche.status, tranche.amount_cents, tranche.payment_reference], ['paid', 1_250_000, 'Überweisung 2023-0815']);
      const fOrg = await db().selectFrom('organisations').selectAll().where('id', '=', world.fOrg.id).executeTakeFirstOrThrow();
      assert.deepEqual([fOrg.name, fOrg.iban], ['Lernpaten Leipzig e.V.', 'GB82WEST12345698765432'], 'other organisations are untouched');
      const note = await db().selectFrom('coaching_sessions').select(['notes', 'topics']).executeTakeFirstOrThrow();
      assert.equal(note.notes, 'Austausch mit [anonymisiert] ([anonymisiert], [anonymisiert]) über Lernpaten.', 'only the mention is replaced');
      assert.equal(note.topics, 'Lernpaten, Kooperation');
      assert.equal((await db().selectFrom('people').select('first_name').where('organisation_id', '=', world.fOrg.id).executeTakeFirstOrThrow()).first_name, 'Frieda');
      // The audit trail keeps its events (redacted, not deleted) and says who anonymised.
      const events = await db().selectFrom('audit_events').selectAll().execute();
      assert.equal(events.length, auditCount + 1);
      const xEvents = events.filter((e) => e.resource === 'applications' && e.record_id === world.xApp.id);
      assert.ok(xEvents.some((e) => JSON.stringify(e.changes).includes('"rejected"')), 'the decision is still on record');
    });
  }

  describe('finding the former identity in text', () => {
    const identity = emptyIdentity();
    collectFrom(identity, { first_name: 'Petra', last_name: 'Privat', email: 'petra@verein.example', phone: '+49 30 1234567' });
    collectFrom(identity, { name: 'Jürgen Öztürk', email: 'J.Oeztuerk@Verein.example' }, { nameIsPerson: true });
    collectFrom(identity, { name: 'Kiezküche Neukölln e.V.', iban: 'DE02120300000000202051', phone: '0351 12' }, { nameIsPhrase: true });
    const scrub = scrubberFor(identifiersOf(identity));

    it('replaces names in either order, in file names, in either Unicode spelling and after a salutation', () => {
      for (const text of ['Petra Privat', 'PRIVAT, PETRA', 'Jürgen Öztürk'.normalize('NFD'), 'jürgen öztürk', 'Kiezküche  Neukölln e.V.']) {
        assert.equal(scrub.text(`Gespräch mit ${text}.`), 'Gespräch mit [anonymisiert].', text);
      }
      assert.equal(scrub.text('Lebenslauf_Petra_Privat.pdf'), 'Lebenslauf_[anonymisiert].pdf');
      for (const title of ['Frau', 'Fr. Dr.', 'Herrn Prof.']) assert.equal(scrub.text(`${title} Privat rief an`), `${title} [anonymisiert] rief an`);
    });

    it('leaves bare first names, other words containing a name, and other people alone', () => {
      for (const text of ['Petra kam später', 'die Privatschule', 'Petra Privatova', 'Anna Privat', 'Kiezküche Neuköllner Str.']) {
        assert.equal(scrub.text(text), text);
      }
    });

    it('finds e-mail addresses, phone numbers in their usual spellings and IBANs compact or grouped', () => {
      assert.equal(scrub.text('mailto:petra@verein.example.'), 'mailto:[anonymisiert].');
      assert.equal(scrub.text('j.oeztuerk@verein.EXAMPLE'), '[anonymisiert]');
      assert.equal(scrub.text('apetra@verein.example'), 'apetra@verein.example');
      for (const phone of ['030 1234567', '030/123 45 67', '+49 (0)30 1234567', '0049 30 1234567', '+4930-1234567']) assert.equal(scrub.text(`Tel. ${phone}!`), 'Tel. [anonymisiert]!', phone);
      for (const other of ['030 12345678', '4930123456789', '+43 30 1234567']) assert.equal(scrub.text(other), other);
      assert.equal(scrub.text('Kurzwahl 0351 12'), 'Kurzwahl [anonymisiert]');
      assert.equal(scrub.text('IBAN de02 1203 0000 0000 2020 51 / DE02120300000000202051'), 'IBAN [anonymisiert] / [anonymisiert]');
    });

    it('narrows rows in the database with a prefilter that matches every text it changes', async () => {
      const texts = ['Petra Privat', 'PRIVAT, PETRA', 'Lebenslauf_Petra_Privat.pdf', 'Fr. Dr. Privat', 'JÜRGEN ÖZTÜRK', 'Jürgen Öztürk'.normalize('NFD'),
        'KIEZKÜCHE  NEUKÖLLN E.V.', 'mailto:PETRA@verein.example', '+49 (0)30 123 45 67', '030/1234567', 'Kurzwahl 0351 12', 'iban de02 1203 0000 0000 2020 51'];
      for (const text of texts) {
        assert.notEqual(scrub.text(text), text, text);
        const { rows } = await sql<{ hit: boolean }>`select lower(${text}::text) ~ ${scrub.prefilter!} as hit`.execute(db());
        assert.equal(rows[0].hit, true, text);
      }
    });

    it('reaches into JSON and arrays (keys too) and keeps numbers', () => {
      assert.deepEqual(scrub.value({ 'petra@verein.example': [{ comment: 'Frau Privat', score: 3 }, null, true] }), { '[anonymisiert]': [{ comment: 'Frau [anonymisiert]', score: 3 }, null, true] });
    });

    it('keeps what other parties share: a namesake, an organisation whose name contains this one, a shared address', () => {
      const kept = withoutShared(identifiersOf(identity), ['Petra Privat', 'Kiezküche Neukölln e.V. Berlin', 'j.oeztuerk@verein.example']).map((i) => i.value);
      assert.deepEqual(kept.sort(), ['+49 30 1234567', '0351 12', 'DE02120300000000202051', 'Jürgen Öztürk', 'petra@verein.example'].sort());
    });

    it('redacts audit copies to their shape: numbers, booleans, timestamps and states stay', () => {
      assert.deepEqual(
        redactChanges({ before: { status: 'submitted', team: 'Petra', score: 2, ok: true, at: '2026-01-02T03:04:05.678Z', on: '2026-01-02' }, after: { scores: [{ score: 4, comment: 'gut' }] }, via: 'assign-reviewers' }),
        { before: { status: 'submitted', team: '[anonymisiert]', score: 2, ok: true, at: '2026-01-02T03:04:05.678Z', on: '2026-01-02' }, after: { scores: [{ score: 4, comment: '[anonymisiert]' }] }, via: 'assign-reviewers' },
      );
    });
  });

  it('leaves the records of other parties with the same name or address as they are', async () => {
    const cohort = await db().insertInto('cohorts').values({ name: 'Jahrgang 2020', year: 2020, phase: 'alumni', retention_months: 12, application_opens_at: '2020-01-01T00:00:00Z', application_closes_at: '2020-03-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    const x = await createOrganisation({ name: 'Alumni Eins', email: 'eins@alumni.example' });
    await db().insertInto('applications').values({ cohort_id: cohort.id, organisation_id: x.id, status: 'rejected' }).execute();
    await db().insertInto('people').values([
      { organisation_id: x.id, first_name: 'Anna', last_name: 'Schmidt', email: 'anna.schmidt@alumni.example' },
      { organisation_id: x.id, first_name: 'Zoë', last_name: 'Quarzkopf', email: 'zoe@alumni.example' },
    ]).execute();
    const other = await createOrganisation({ name: 'Alumni Eins e.V. Berlin', email: 'berlin@alumni.example' });
    await db().insertInto('people').values({ organisation_id: other.id, first_name: 'Anna', last_name: 'Schmidt', email: 'anna.schmidt@alumni.example' }).execute();
    const staffUser = await createUser('staff', { name: 'Zoë Quarzkopf' });
    await db().insertInto('emails').values({ to: 'team@stiftung.example', subject: 'Notiz', body: 'Anna Schmidt (anna.schmidt@alumni.example) von Alumni Eins e.V. Berlin; zoe@alumni.example', template: 'internal', status: 'sent' }).execute();
    const { agent } = await agentFor('admin');
    await call(agent, 'post', `/organisations/${x.id}/anonymise`, {}, 200);
    const person = await db().selectFrom('people').selectAll().where('organisation_id', '=', other.id).executeTakeFirstOrThrow();
    assert.deepEqual([person.first_name, person.last_name, person.email], ['Anna', 'Schmidt', 'anna.schmidt@alumni.example']);
    assert.equal((await db().selectFrom('organisations').select('name').where('id', '=', other.id).executeTakeFirstOrThrow()).name, 'Alumni Eins e.V. Berlin');
    assert.equal((await db().selectFrom('users').select('name').where('id', '=', staffUser.id).executeTakeFirstOrThrow()).name, 'Zoë Quarzkopf');
    const mail = await db().selectFrom('emails').select('body').where('to', '=', 'team@stiftung.example').executeTakeFirstOrThrow();
    assert.equal(mail.body, 'Anna Schmidt (anna.schmidt@alumni.example) von Alumni Eins e.V. Berlin; [anonymisiert]', 'shared values stay, the unique address goes');
  });
});

