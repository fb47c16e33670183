import assert from 'node:assert/strict';
import { agentFor, db, loginAs } from './support/fixtures.ts';
import { testContext } from './support/context.ts';
import { createApplication, createCohort } from './support/selection-fixtures.ts';
import { money } from '../src/shared/format.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { openDatabase } from '../src/db/database.ts';

/** Every number a text states, in order: `25.000,00`, `3`, `2026`… (digits with their separators). */
const numbersIn = (text: string) => text.match(/\d[\d.,]*\d|\d/g) ?? [];

/** Removes the given texts (names, reasons, links) so that only the letter's own numbers remain. */
function without(text: string, parts: Array<string | null | undefined>): string {
  let rest = text;
  // Longest first: a project name may contain the organisation's name.
  for (const part of parts.filter((p): p is string => !!p).sort((a, b) => b.length - a.length)) rest = rest.split(part).join(' ');
  return rest;
}

/** The release's letters in the outbox. */
const letters = () =>
  db()
    .selectFrom('emails')
    .select(['id', 'to', 'subject', 'body', 'template', 'dedupe_key', 'organisation_id'])
    .where('dedupe_key', 'like', 'decision-letter:%')
    .orderBy('id')
    .execute();

/**
 * A cohort with every kind of outcome: fewer selections than seats (the letter must not claim the
 * seats), a waitlist, rejections, ineligible applications, a withdrawal and a draft.
 */
async function releasedCohort() {
  const { agent } = await agentFor('staff');
  const cohort = await createCohort({ seats: 5, name: 'openTransfer Accelerator 2031', year: 2031, default_grant_cents: 2_345_678 });
  const names = ['Straßenkinder Köln e.V.', 'Ökostadt Görlitz gGmbH', 'Übergänge Nord e.V.', 'Ελληνική Κοινότητα e.V.', 'Мост e.V.', 'Kiezküche Neukölln e.V.', 'Bürgerhilfe Süd e.V.', 'Jugend Ost e.V.'];
  const apps = [];
  for (const [i, name] of names.entries()) {
    const status = i < 5 ? 'shortlisted' : i < 7 ? 'eligible' : 'ineligible';
    const app = await createApplication(cohort.id, status, { project_name: `Transfer ${i + 1} – ${name}`, eligibility_note: i === 7 ? 'INTERN: Freistellungsbescheid von 2019' : null });
    await db().updateTable('organisations').set({ name }).where('id', '=', app.organisation.id).execute();
    apps.push({ ...app, name });
  }
  const ineligible2 = await createApplication(cohort.id, 'ineligible', { project_name: 'Ohne Bescheid', eligibility_note: 'INTERN: Satzung fehlt' });
  const withdrawn = await createApplication(cohort.id, 'withdrawn');
  const draft = await createApplication(cohort.id, 'draft');
  // One applicant reads the console in English: their letters are English.
  await db().updateTable('users').set({ locale: 'en' }).where('id', '=', apps[1].applicant.id).execute();
  const decisions: Array<[number, string, string]> = [
    [0, 'selected', 'Belegte Wirkung an 7 Standorten.'],
    [1, 'selected', 'Starkes Team.'],
    [2, 'selected', 'Großer Bedarf.'],
    [3, 'waitlisted', 'Knapp dahinter.'],
    [4, 'waitlisted', 'Finanzierung offen.'],
    [5, 'rejected', 'Das Modell ist noch nicht übertragbar.'],
    [6, 'rejected', 'Kein Transfer, sondern Wachstum vor Ort.'],
  ];
  for (const [i, decision, reason] of decisions) await agent.post(`/api/applications/${apps[i].application.id}/decide`).send({ decision, reason }).expect(200);
  await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
  return { agent, cohort, apps, ineligible: [apps[7], ineligible2], withdrawn, draft };
}

describe('letters tell the truth', () => {
  it('sends every application in a final state exactly one letter at the release, ineligible ones included', async () => {
    const { cohort, apps, ineligible, withdrawn, draft, agent } = await releasedCohort();
    const sent = await letters();
    const final = await db().selectFrom('applications').select(['id', 'status']).where('cohort_id', '=', cohort.id).where('status', 'in', ['selected', 'waitlisted', 'rejected', 'ineligible']).execute();
    assert.equal(final.length, apps.length + 1);
    assert.deepEqual(sent.map((l) => l.dedupe_key).sort(), final.map((a) => `decision-letter:${a.id}`).sort());
    for (const skipped of [withdrawn, draft]) assert.ok(!sent.some((l) => l.organisation_id === skipped.organisation.id), 'no letter without a final state');
    const expected: Record<string, string> = { selected: 'decision_selected', waitlisted: 'decision_waitlisted', rejected: 'decision_rejected', ineligible: 'application_ineligible' };
    const statusOf = new Map(final.map((a) => [a.id, a.status]));
    for (const letter of sent) assert.equal(letter.template, expected[statusOf.get(Number(letter.dedupe_key!.split(':')[1]))!]);
    // Ineligible applicants see their outcome once it is released, and the letter keeps the internal note internal.
    const applicant = await loginAs(ineligible[0].applicant);
    const shown = await applicant.get(`/api/applications/${ineligible[0].application.id}`).expect(200);
    assert.equal(shown.body.status, 'ineligible');
    assert.ok(sent.every((l) => !l.body.includes('INTERN')));
    // Releasing again sends nothing more.
    await agent.post(`/api/cohorts/${cohort.id}/finalize-selection`).expect(200);
    assert.equal((await letters()).length, sent.length);
  });

  it('states in each letter only numbers and names the database holds', async () => {
    const { cohort, apps } = await releasedCohort();
    const publicUrl = testContext.config.PUBLIC_URL.replace(/\/$/, '');
    const selectedCount = Number((await db().selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).where('cohort_id', '=', cohort.id).where('status', '=', 'selected').executeTakeFirstOrThrow()).n);
    assert.equal(selectedCount, 3, 'fewer selected than the 5 seats');
    for (const letter of await letters()) {
      const id = Number(letter.dedupe_key!.split(':')[1]);
      const row = await db()
        .selectFrom('applications as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
        .leftJoin('fellowships as f', 'f.application_id', 'a.id')
        .leftJoin('users as u', (join) => join.onRef('u.organisation_id', '=', 'o.id').on('u.role', '=', 'applicant'))
        .select(['a.status', 'a.project_name', 'a.decision_reason', 'a.waitlist_position', 'o.name', 'c.name as cohort_name', 'c.seats', 'f.grant_cents', 'u.email', 'u.locale'])
        .where('a.id', '=', id)
        .executeTakeFirstOrThrow();
      const text = `${letter.subject}\n${letter.body}`;
      assert.equal(letter.to, row.email);
      assert.ok(text.includes(row.name), `${row.name} named`);
      assert.ok(text.includes(row.cohort_name));
      if (row.project_name) assert.ok(text.includes(row.project_name));
      const links = text.match(/https?:\/\/\S+/g) ?? [];
      assert.ok(links.length > 0, 'a link to the portal');
      for (const link of links) assert.ok(link.startsWith(`${publicUrl}/#/`), `${link} starts with PUBLIC_URL`);
      assert.match(text, row.locale === 'en' ? /Dear applicant/ : /Guten Tag/);
      // Every number left after removing names, reasons and links is one the database gives for this letter.
      const own = numbersIn(without(text, [row.name, row.cohort_name, row.project_name, row.decision_reason, ...links]));
      const de = row.locale !== 'en';
      switch (row.status) {
        case 'selected':
          assert.ok(text.includes(money(Number(row.grant_cents), de ? 'de' : 'en')), 'the fellowship’s grant');
          assert.deepEqual(own, [String(selectedCount), money(Number(row.grant_cents), de ? 'de' : 'en').replace(/[^\d.,]/g, '')]);
          assert.ok(text.includes(row.decision_reason!));
          break;
        case 'waitlisted':
          assert.deepEqual(own, [String(row.waitlist_position), String(row.seats), String(row.waitlist_position)]);
          break;
        case 'rejected':
          assert.ok(text.includes(row.decision_reason!));
          assert.deepEqual(own, []);
          break;
        case 'ineligible':
          assert.deepEqual(own, []);
          break;
        default:
          assert.fail(`unexpected ${row.status}`);
      }
    }
    assert.ok((await letters()).some((l) => l.body.includes('eine von 3 Organisationen')));
    assert.ok(!(await letters()).some((l) => /eine von 5|one of 5/.test(l.body)), 'never the seats as the number selected');
    assert.equal(apps.length, 8);
  });

  it('offers a freed seat with the grant the accepted fellowship then gets', async () => {
    const { agent, cohort, apps } = await releasedCohort();
    const fellowship = await db().selectFrom('fellowships').select('id').where('application_id', '=', apps[0].application.id).executeTakeFirstOrThrow();
    await agent.post(`/api/fellowships/${fellowship.id}/withdraw`).send({ reason: 'Vorstand hat gewechselt.' }).expect(200);
    const offer = await db().selectFrom('emails').selectAll().where('template', '=', 'decision_offer').executeTakeFirstOrThrow();
    const first = await db().selectFrom('applications as a').innerJoin('organisations as o', 'o.id', 'a.organisation_id').select(['a.id', 'o.name', 'a.project_name']).where('a.id', '=', apps[3].application.id).executeTakeFirstOrThrow();
    assert.equal(offer.to, apps[3].applicant.email);
    assert.ok(offer.body.includes(first.name));
    await agent.post(`/api/applications/${first.id}/accept-offer`).send({}).expect(200);
    const granted = await db().selectFrom('fellowships').select('grant_cents').where('application_id', '=', first.id).executeTakeFirstOrThrow();
    assert.ok(offer.body.includes(money(Number(granted.grant_cents))), 'the grant the fellowship has');
    const own = numbersIn(without(offer.body, [first.name, cohort.name, first.project_name, testContext.config.PUBLIC_URL]));
    assert.deepEqual(own, [money(Number(granted.grant_cents)).replace(/[^\d.,]/g, '')]);
  });

  it('gives the demo data one link builder: every link in the seeded outbox starts with PUBLIC_URL', async function () {
    this.timeout(120_000);
    const publicUrl = 'https://crm.opentransfer.example/konsole';
    // On PostgreSQL the demo's thousands of distinct statements go through a connection of its own,
    // so they do not fill the prepared-statement budget of a pooled connection later tests use.
    if (testContext.databaseUrl) {
      const own = await openDatabase({ url: testContext.databaseUrl, poolSize: 1 });
      await seedDemo(own.db, { publicUrl }).finally(() => own.close());
    } else {
      await seedDemo(db(), { publicUrl });
    }
    const emails = await db().selectFrom('emails').select(['template', 'body']).execute();
    assert.ok(emails.some((e) => e.template === 'application_receipt'));
    for (const e of emails) {
      assert.ok(!e.body.includes('localhost'), `${e.template} names localhost`);
      for (const link of e.body.match(/https?:\/\/\S+/g) ?? []) assert.ok(link.startsWith(`${publicUrl}/#/`), `${e.template}: ${link}`);
    }
    // Every application of a released cohort that reached a final state has exactly one letter.
    const released = await db()
      .selectFrom('applications as a')
      .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
      .select('a.id')
      .where('c.selection_finalized_at', 'is not', null)
      .where('a.status', 'in', ['selected', 'waitlisted', 'rejected', 'ineligible'])
      .execute();
    const keys = await db().selectFrom('emails').select('dedupe_key').where('dedupe_key', 'like', 'decision-letter:%').execute();
    assert.deepEqual(keys.map((k) => k.dedupe_key).sort(), released.map((a) => `decision-letter:${a.id}`).sort());
    // No juror can still be working in a cohort past review.
    const open = await db()
      .selectFrom('reviews as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
      .select('r.id')
      .where('r.status', '=', 'assigned')
      .where('c.phase', 'in', ['selection', 'programme', 'alumni'])
      .execute();
    assert.deepEqual(open, []);
  });
});
