import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { testContext } from './support/context.ts';
import { agentFor, createOrganisation, createUser, databaseSnapshot, db, listQuery, loginAs, type Agent } from './support/fixtures.ts';
import { databaseMigratedTo } from './support/legacy-database.ts';
import { phaseHooks } from '../src/cohorts/phase-hooks.ts';
import { explain, normaliseTopic, parseTopics, rankMatches, topicsMeet } from '../src/alumni/alumni.matching.ts';

let cohortCounter = 0;

async function createCohort(values: Record<string, unknown> = {}) {
  cohortCounter++;
  const year = (values.year as number) ?? 2020 + cohortCounter;
  return db()
    .insertInto('cohorts')
    .values({
      name: `Skalierungsstipendium ${year}`,
      year,
      application_opens_at: `${year - 1}-09-01T00:00:00Z`,
      application_closes_at: `${year - 1}-11-01T00:00:00Z`,
      phase: 'programme',
      ...values,
    } as any)
    .returningAll()
    .executeTakeFirstOrThrow();
}

interface AlumnusOptions {
  cohort: { id: number };
  name?: string;
  offers?: string | null;
  needs?: string | null;
  visible?: boolean;
  field?: string;
  state?: string;
  project_name?: string;
  transfer_model?: string;
  contact_email?: string | null;
}

/** An organisation that went through a cohort: application, completed fellowship, alumni profile. */
async function createAlumnus(o: AlumnusOptions) {
  const org = await createOrganisation({ ...(o.name ? { name: o.name } : {}), field: o.field ?? 'education', state: o.state ?? 'Berlin' });
  const application = await db()
    .insertInto('applications')
    .values({
      cohort_id: o.cohort.id, organisation_id: org.id, project_name: o.project_name ?? `Projekt ${org.name}`,
      transfer_model: (o.transfer_model ?? 'social_franchise') as any, status: 'selected', summary: 'Geheime Zusammenfassung',
      funding_requested_cents: 5_000_000,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('fellowships')
    .values({ cohort_id: o.cohort.id, organisation_id: org.id, application_id: application.id, status: 'completed', grant_cents: 4_000_000 })
    .execute();
  const profile = await db()
    .insertInto('alumni_profiles')
    .values({
      organisation_id: org.id, cohort_id: o.cohort.id, offers: o.offers ?? null, needs: o.needs ?? null,
      visible: o.visible ?? true, contact_email: o.contact_email === undefined ? `alumni@org${org.id}.example.org` : o.contact_email,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db().insertInto('people').values({ organisation_id: org.id, first_name: 'Jördis', last_name: `Kontakt ${org.id}`, email: `person@org${org.id}.example.org`, phone: '+49 30 1234567' }).execute();
  return { org, profile, application };
}

async function alumnusAgent(organisationId: number): Promise<Agent> {
  return loginAs(await createUser('applicant', { organisation_id: organisationId }));
}

const names = (rows: any[]) => rows.map((r) => r.organisation_name);

describe('alumni matching (pure)', () => {
  it('reads comma-separated topics, folding case, umlauts, hyphens and synonyms', () => {
    const topics = parseTopics('Ehrenamtsmanagement, Fundraising bei Stiftungen; Social-Franchise\nHilfe bei der Wirkungsmessung, Freiwilligen-Management, ,');
    assert.deepEqual(topics.map((t) => t.key), ['volunteer_management', 'fundraising stiftung', 'social_franchise', 'impact_measurement']);
    assert.equal(topics[0].label, 'Ehrenamtsmanagement');
    assert.equal(normaliseTopic('Öffentlichkeitsarbeit')!.key, normaliseTopic('oeffentlichkeitsarbeit')!.key);
    assert.equal(normaliseTopic('Schulungen')!.key, normaliseTopic('Schulung')!.key);
    assert.equal(normaliseTopic('Kooperationen')!.key, 'partnerships');
    assert.equal(normaliseTopic('Arbeit mit Schulen')!.key, 'arbeit schul');
    assert.equal(normaliseTopic('  , '), undefined);
  });

  it('lets an offer meet a need by synonym or by contained stems, not by accident', () => {
    const t = (s: string) => normaliseTopic(s)!;
    assert.ok(topicsMeet(t('Volunteer Management'), t('Ehrenamtsmanagement')));
    assert.ok(topicsMeet(t('Fundraising'), t('Fundraising bei Stiftungen')));
    assert.ok(topicsMeet(t('Kooperationen mit Schulen'), t('Schule')));
    assert.ok(!topicsMeet(t('Fundraising'), t('Wirkungsmessung')));
    assert.ok(!topicsMeet(t('Schulen'), t('Schulden')));
  });

  it('ranks a hand-checked example: their offers for my needs count double, mutual matches first', () => {
    const subject = { offers: 'Wirkungsmessung', needs: 'Fundraising, Ehrenamtsmanagement' };
    const ranked = rankMatches(subject, [
      { id: 1, offers: 'Freiwilligenmanagement', needs: 'Recht' }, // 1 offer for my needs → 2
      { id: 2, offers: 'Fundraising bei Stiftungen, Volunteer Management', needs: 'Impact Measurement' }, // 2·2 + 1 → 5
      { id: 3, offers: 'Buchhaltung', needs: 'Evaluation' }, // only I can help → 1
      { id: 4, offers: 'Social Franchise', needs: 'Satzung' }, // nothing → left out
      { id: 5, offers: 'Spendenakquise', needs: null }, // synonym of fundraising → 2, after id 1 (given order)
    ]);
    assert.deepEqual(ranked.map((r) => [r.id, r.score]), [[2, 5], [1, 2], [5, 2], [3, 1]]);
    assert.deepEqual(ranked[0].offers_to_me, [
      { offer: 'Fundraising bei Stiftungen', need: 'Fundraising' },
      { offer: 'Volunteer Management', need: 'Ehrenamtsmanagement' },
    ]);
    assert.deepEqual(ranked[0].needs_from_me, [{ offer: 'Wirkungsmessung', need: 'Impact Measurement' }]);
    assert.deepEqual(explain(ranked[0]), [
      'bietet: Fundraising bei Stiftungen ↔ Sie suchen: Fundraising',
      'bietet: Volunteer Management ↔ Sie suchen: Ehrenamtsmanagement',
      'sucht: Impact Measurement ↔ Sie bieten: Wirkungsmessung',
    ]);
    assert.deepEqual(rankMatches({ offers: null, needs: null }, [{ id: 1, offers: 'Fundraising', needs: 'Fundraising' }]), []);
  });
});

describe('alumni network', () => {
  describe('alumni phase', () => {
    it('turns the completed fellows of a cohort into hidden alumni profiles, once, asking for consent', async () => {
      const staff = await createUser('staff');
      const cohort = await createCohort({ phase: 'alumni' });
      const done = await createOrganisation({ email: 'info@fertig.example.org' });
      const left = await createOrganisation();
      const running = await createOrganisation();
      const earlier = await createAlumnus({ cohort: await createCohort(), offers: 'Fundraising' });
      for (const [org, status] of [[done, 'completed'], [left, 'withdrawn'], [running, 'active'], [earlier.org, 'completed']] as const) {
        const app = await db().insertInto('applications').values({ cohort_id: cohort.id, organisation_id: org.id, status: 'selected' }).returning('id').executeTakeFirstOrThrow();
        await db().insertInto('fellowships').values({ cohort_id: cohort.id, organisation_id: org.id, application_id: app.id, status }).execute();
      }
      const ctx = { ...testContext.appContext, user: { id: staff.id, email: staff.email, name: staff.name, role: 'staff' as const, organisation_id: null, locale: 'de' as const, session_id: 'x' } };
      assert.ok(phaseHooks.alumni.length >= 1);
      for (let run = 0; run < 2; run++) {
        await db().transaction().execute(async (trx) => {
          for (const hook of phaseHooks.alumni) await hook(trx, cohort, ctx);
        });
      }
      const profiles = await db().selectFrom('alumni_profiles').selectAll().orderBy('id').execute();
      assert.equal(profiles.length, 2);
      const created = profiles.find((p) => p.organisation_id === done.id)!;
      assert.equal(created.visible, false);
      assert.equal(created.cohort_id, cohort.id);
      assert.equal(created.contact_email, 'info@fertig.example.org');
      assert.equal(profiles.find((p) => p.organisation_id === earlier.org.id)!.cohort_id, earlier.profile.cohort_id);
      const emails = await db().selectFrom('emails').selectAll().where('template', '=', 'alumni_consent_request').execute();
      assert.deepEqual(emails.map((e) => e.to), ['info@fertig.example.org']);
      assert.match(emails[0].body, /unsichtbar/);
    });

    it('creates the profiles when staff move a cohort into the alumni phase through the API', async () => {
      const cohort = await createCohort({ phase: 'programme', selection_finalized_at: '2025-01-01T00:00:00Z' });
      const org = await createOrganisation();
      const app = await db().insertInto('applications').values({ cohort_id: cohort.id, organisation_id: org.id, status: 'selected' }).returning('id').executeTakeFirstOrThrow();
      await db().insertInto('fellowships').values({ cohort_id: cohort.id, organisation_id: org.id, application_id: app.id, status: 'active' }).execute();
      const { agent: staff } = await agentFor('staff');
      const moved = await staff.post(`/api/cohorts/${cohort.id}/transition`).send({ phase: 'alumni' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const profile = await db().selectFrom('alumni_profiles').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
      assert.equal(profile.visible, false);
      const alumnus = await alumnusAgent(org.id);
      const own = await alumnus.get('/api/alumni-profiles').expect(200);
      assert.deepEqual(own.body.map((p: any) => p.id), [profile.id]);
    });
  });

  describe('consent', () => {
    it('keeps an invisible profile out of list, get, search, matches, exports and introductions for other alumni; staff see it but never match it', async () => {
      const cohort = await createCohort();
      const viewer = await createAlumnus({ cohort, name: 'Lesepaten Nord e.V.', needs: 'Fundraising', offers: 'Ehrenamtsmanagement' });
      const shown = await createAlumnus({ cohort, name: 'Sichtbar gGmbH', offers: 'Fundraising' });
      const hidden = await createAlumnus({ cohort, name: 'Versteckt e.V.', offers: 'Fundraising, Spendenakquise', needs: 'Ehrenamtsmanagement', visible: false });
      const agent = await alumnusAgent(viewer.org.id);

      const list = await agent.get('/api/alumni-profiles').query(listQuery({ range: [0, 999] })).expect(200);
      assert.deepEqual(names(list.body).sort(), ['Lesepaten Nord e.V.', 'Sichtbar gGmbH']);
      assert.match(list.headers['content-range'], /\/2$/);
      await agent.get(`/api/alumni-profiles/${hidden.profile.id}`).expect(404);
      const search = await agent.get('/api/alumni-profiles').query(listQuery({ filter: { q: 'Versteckt' } })).expect(200);
      assert.deepEqual(search.body, []);
      const byId = await agent.get('/api/alumni-profiles').query(listQuery({ filter: { id: [hidden.profile.id, shown.profile.id] } })).expect(200);
      assert.deepEqual(names(byId.body), ['Sichtbar gGmbH']);
      const byOrg = await agent.get('/api/alumni-profiles').query(listQuery({ filter: { organisation_id: hidden.org.id } })).expect(200);
      assert.deepEqual(byOrg.body, []);
      const matches = await agent.get(`/api/alumni-profiles/${viewer.profile.id}/matches`).expect(200);
      assert.deepEqual(names(matches.body), ['Sichtbar gGmbH']);
      await agent.get(`/api/alumni-profiles/${hidden.profile.id}/matches`).expect(404);
      await agent.put(`/api/alumni-profiles/${hidden.profile.id}`).send({ bio: 'x' }).expect(404);
      const before = await databaseSnapshot();
      await agent.post('/api/introductions').send({ to_organisation_id: hidden.org.id, message: 'Hallo' }).expect(404);
      assert.equal(await databaseSnapshot(), before);

      const hiddenOwner = await alumnusAgent(hidden.org.id);
      const own = await hiddenOwner.get(`/api/alumni-profiles/${hidden.profile.id}`).expect(200);
      assert.equal(own.body.visible, false);

      const { agent: staff } = await agentFor('staff');
      const all = await staff.get('/api/alumni-profiles').query(listQuery({ filter: { visible: false } })).expect(200);
      assert.deepEqual(names(all.body), ['Versteckt e.V.']);
      const staffMatches = await staff.get(`/api/alumni-profiles/${viewer.profile.id}/matches`).expect(200);
      assert.deepEqual(names(staffMatches.body), ['Sichtbar gGmbH']);
      const hiddenMatches = await staff.get(`/api/alumni-profiles/${hidden.profile.id}/matches`).expect(200);
      assert.deepEqual(names(hiddenMatches.body), ['Lesepaten Nord e.V.']);
    });

    it('shows the directory only to alumni organisations and staff', async () => {
      const cohort = await createCohort();
      const shown = await createAlumnus({ cohort, offers: 'Fundraising' });
      const { agent: applicant } = await agentFor('applicant');
      const list = await applicant.get('/api/alumni-profiles').expect(200);
      assert.deepEqual(list.body, []);
      await applicant.get(`/api/alumni-profiles/${shown.profile.id}`).expect(404);
      await applicant.get(`/api/alumni-profiles/${shown.profile.id}/matches`).expect(404);
      for (const role of ['jury', 'coach'] as const) {
        const { agent } = await agentFor(role);
        await agent.get('/api/alumni-profiles').expect(403);
        await agent.get(`/api/alumni-profiles/${shown.profile.id}`).expect(403);
        await agent.get('/api/introductions').expect(403);
        await agent.get('/api/alumni-events').expect(403);
      }
      const { default: request } = await import('supertest');
      await request(testContext.app).get('/api/alumni-profiles').expect(401);
    });
  });

  describe('directory', () => {
    it('searches with German stemming across organisation, project, offers and needs and filters by year, field, Bundesland and transfer model', async () => {
      const c2024 = await createCohort({ year: 2024 });
      const c2025 = await createCohort({ year: 2025 });
      const viewer = await createAlumnus({ cohort: c2025, name: 'Zukunftswerk e.V.', field: 'social', state: 'Hamburg', transfer_model: 'affiliation' });
      await createAlumnus({ cohort: c2024, name: 'Bürgerstiftung Lesewelt', field: 'education', state: 'Bayern', offers: 'Arbeit mit Schulen', project_name: 'Lesefüchse' });
      await createAlumnus({ cohort: c2025, name: 'Grüne Höfe eG', field: 'environment', state: 'Sachsen', needs: 'Fundraising bei Stiftungen', transfer_model: 'licensing' });
      const agent = await alumnusAgent(viewer.org.id);
      const q = async (filter: Record<string, unknown>) => names((await agent.get('/api/alumni-profiles').query(listQuery({ filter })).expect(200)).body);
      assert.deepEqual(await q({ q: 'Schule' }), ['Bürgerstiftung Lesewelt']);
      assert.deepEqual(await q({ q: 'lesefüchse' }), ['Bürgerstiftung Lesewelt']);
      assert.deepEqual(await q({ q: 'Stiftungen' }), ['Grüne Höfe eG']);
      assert.deepEqual(await q({ q: 'Bürgerstiftung' }), ['Bürgerstiftung Lesewelt']);
      assert.deepEqual(await q({ q: 'Zukunft' }), ['Zukunftswerk e.V.']);
      assert.deepEqual(await q({ cohort_year: 2024 }), ['Bürgerstiftung Lesewelt']);
      assert.deepEqual(await q({ field: 'environment' }), ['Grüne Höfe eG']);
      assert.deepEqual(await q({ state: 'Hamburg' }), ['Zukunftswerk e.V.']);
      assert.deepEqual(await q({ transfer_model: 'licensing' }), ['Grüne Höfe eG']);
      assert.deepEqual(await q({ cohort_year: 2025, field: ['social', 'environment'] }), ['Grüne Höfe eG', 'Zukunftswerk e.V.']);
      const card = (await agent.get('/api/alumni-profiles').query(listQuery({ filter: { q: 'Lesewelt' } })).expect(200)).body[0];
      for (const key of ['organisation_name', 'cohort_year', 'project_name', 'transfer_model', 'offers', 'needs', 'field', 'state']) assert.ok(key in card, key);
      for (const secret of ['summary', 'funding_requested_cents', 'grant_cents', 'iban', 'email', 'phone']) assert.ok(!(secret in card), secret);
      assert.equal(card.contact_email, null);
    });

    it('rejects unknown, malformed and oversized list parameters', async () => {
      const { agent } = await agentFor('staff');
      for (const query of [
        { filter: '{"q":' }, { filter: JSON.stringify({ secret: 1 }) }, { sort: JSON.stringify(['contact_email', 'ASC']) },
        { range: JSON.stringify([0, 5000]) }, { filter: JSON.stringify({ cohort_year: 'zwanzig' }) }, { filter: JSON.stringify({ field: 'sport' }) },
        { filter: JSON.stringify({ q: 'x'.repeat(1000) }) }, { other: '1' },
      ]) {
        const res = await agent.get('/api/alumni-profiles').query(query);
        assert.equal(res.status, 400, JSON.stringify(query));
      }
    });
  });

  describe('profile editing', () => {
    it('lets an alumnus edit its own profile and consent, nothing else', async () => {
      const cohort = await createCohort();
      const other = await createCohort();
      const mine = await createAlumnus({ cohort, visible: false });
      const theirs = await createAlumnus({ cohort });
      const agent = await alumnusAgent(mine.org.id);
      const current = (await agent.get(`/api/alumni-profiles/${mine.profile.id}`).expect(200)).body;
      const updated = await agent
        .put(`/api/alumni-profiles/${mine.profile.id}`)
        .send({ ...current, offers: 'Ehrenamtsmanagement, Social Franchise', visible: true, cohort_id: other.id, organisation_id: 999 })
        .expect(200);
      assert.equal(updated.body.visible, true);
      assert.equal(updated.body.offers, 'Ehrenamtsmanagement, Social Franchise');
      assert.equal(updated.body.cohort_id, cohort.id);
      assert.equal(updated.body.organisation_id, mine.org.id);
      const before = await databaseSnapshot();
      await agent.put(`/api/alumni-profiles/${theirs.profile.id}`).send({ offers: 'gekapert' }).expect(403);
      await agent.post('/api/alumni-profiles').send({ organisation_id: mine.org.id, cohort_id: cohort.id }).expect(403);
      await agent.delete(`/api/alumni-profiles/${mine.profile.id}`).expect(403);
      assert.equal(await databaseSnapshot(), before);
      const audit = await db().selectFrom('audit_events').select(['action', 'resource']).where('resource', '=', 'alumni-profiles').execute();
      assert.deepEqual(audit, [{ action: 'update', resource: 'alumni-profiles' }]);
    });

    it('rejects bad profile input with field errors and changes nothing', async () => {
      const cohort = await createCohort();
      const mine = await createAlumnus({ cohort });
      const agent = await alumnusAgent(mine.org.id);
      const { agent: staff } = await agentFor('staff');
      const before = await databaseSnapshot();
      const cases: Array<[string, unknown, string?]> = [
        ['visible not boolean', { visible: 'ja' }, 'visible'],
        ['offers wrong type', { offers: 42 }, 'offers'],
        ['topic too long', { needs: `Fundraising, ${'x'.repeat(150)}` }, 'needs'],
        ['huge bio', { bio: 'x'.repeat(50_000) }, 'bio'],
        ['bad e-mail', { contact_email: 'keine-adresse' }, 'contact_email'],
        ['array body', [1, 2]],
      ];
      for (const [label, body, field] of cases) {
        const res = await agent.put(`/api/alumni-profiles/${mine.profile.id}`).send(body as any);
        assert.equal(res.status, 400, label);
        if (field) assert.ok(res.body.errors?.[field], label);
      }
      await agent.put(`/api/alumni-profiles/${mine.profile.id}`).set('Content-Type', 'application/json').send('{"bio": ').expect(400);
      await agent.put('/api/alumni-profiles/999999').send({ bio: 'x' }).expect(404);
      await agent.put('/api/alumni-profiles/abc').send({ bio: 'x' }).expect(404);
      const missing = await staff.post('/api/alumni-profiles').send({ offers: 'x' }).expect(400);
      assert.ok(missing.body.errors.organisation_id && missing.body.errors.cohort_id);
      const unknown = await staff.post('/api/alumni-profiles').send({ organisation_id: 999999, cohort_id: 999999 }).expect(400);
      assert.ok(unknown.body.errors.organisation_id && unknown.body.errors.cohort_id);
      await staff.post('/api/alumni-profiles').send({ organisation_id: mine.org.id, cohort_id: cohort.id }).expect(409);
      await staff.put(`/api/alumni-profiles/${mine.profile.id}`).send({ cohort_id: 999999 }).expect(400);
      assert.equal(await databaseSnapshot(), before);
    });

    it('lets staff create, reassign and delete profiles', async () => {
      const cohort = await createCohort();
      const org = await createOrganisation();
      const { agent: staff } = await agentFor('staff');
      const created = await staff.post('/api/alumni-profiles').send({ organisation_id: org.id, cohort_id: cohort.id, offers: 'Recht' }).expect(201);
      assert.equal(created.body.visible, false);
      assert.equal(created.body.cohort_year, cohort.year);
      await staff.delete(`/api/alumni-profiles/${created.body.id}`).expect(200);
      await staff.get(`/api/alumni-profiles/${created.body.id}`).expect(404);
    });
  });

  describe('matching', () => {
    it('ranks other alumni for a profile with explanations', async () => {
      const cohort = await createCohort();
      const me = await createAlumnus({ cohort, name: 'Ich e.V.', offers: 'Wirkungsmessung', needs: 'Fundraising, Ehrenamtsmanagement' });
      await createAlumnus({ cohort, name: 'A-Verein', offers: 'Freiwilligenmanagement' });
      await createAlumnus({ cohort, name: 'B-Verein', offers: 'Fundraising bei Stiftungen, Volunteer Management', needs: 'Impact Measurement' });
      await createAlumnus({ cohort, name: 'C-Verein', offers: 'Buchhaltung', needs: 'Evaluation' });
      await createAlumnus({ cohort, name: 'D-Verein', offers: 'Social Franchise' });
      await createAlumnus({ cohort, name: 'E-Verein', offers: 'Spendenakquise' });
      const agent = await alumnusAgent(me.org.id);
      const res = await agent.get(`/api/alumni-profiles/${me.profile.id}/matches`).expect(200);
      assert.deepEqual(res.body.map((m: any) => [m.organisation_name, m.score]), [['B-Verein', 5], ['A-Verein', 2], ['E-Verein', 2], ['C-Verein', 1]]);
      assert.deepEqual(res.body[0].explanation, [
        'bietet: Fundraising bei Stiftungen ↔ Sie suchen: Fundraising',
        'bietet: Volunteer Management ↔ Sie suchen: Ehrenamtsmanagement',
        'sucht: Impact Measurement ↔ Sie bieten: Wirkungsmessung',
      ]);
      assert.equal(res.body[0].contact_email, null);
      await agent.get('/api/alumni-profiles/0/matches').expect(404);
      await agent.get('/api/alumni-profiles/x/matches').expect(404);
    });

    it('finds alumni mentors for a current fellow, for staff only', async () => {
      const past = await createCohort();
      const current = await createCohort();
      await createAlumnus({ cohort: past, name: 'Mentor Fundraising e.V.', offers: 'Spendenakquise, Social Franchise' });
      await createAlumnus({ cohort: past, name: 'Mentor Recht e.V.', offers: 'Vereinsrecht' });
      const fellow = await createOrganisation();
      const app = await db().insertInto('applications').values({ cohort_id: current.id, organisation_id: fellow.id, status: 'selected' }).returning('id').executeTakeFirstOrThrow();
      const fellowship = await db()
        .insertInto('fellowships')
        .values({ cohort_id: current.id, organisation_id: fellow.id, application_id: app.id, goals: 'Fundraising, Social Franchising' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { agent: staff } = await agentFor('staff');
      const byGoals = await staff.get(`/api/fellowships/${fellowship.id}/mentor-matches`).expect(200);
      assert.deepEqual(byGoals.body.map((m: any) => [m.organisation_name, m.score]), [['Mentor Fundraising e.V.', 4]]);
      const byNeeds = await staff.get(`/api/fellowships/${fellowship.id}/mentor-matches`).query({ needs: 'Recht' }).expect(200);
      assert.deepEqual(byNeeds.body.map((m: any) => m.organisation_name), ['Mentor Recht e.V.']);
      await staff.get('/api/fellowships/999999/mentor-matches').expect(404);
      await staff.get(`/api/fellowships/${fellowship.id}/mentor-matches`).query({ needs: 'x'.repeat(3000) }).expect(400);
      await staff.get(`/api/fellowships/${fellowship.id}/mentor-matches`).query({ other: 'x' }).expect(400);
      const { agent: applicant } = await agentFor('applicant', { organisation_id: fellow.id });
      await applicant.get(`/api/fellowships/${fellowship.id}/mentor-matches`).expect(403);
    });
  });

  describe('introductions', () => {
    async function pair() {
      const cohort = await createCohort();
      const asker = await createAlumnus({ cohort, name: 'Fragende Initiative e.V.', contact_email: 'frage@example.org' });
      const asked = await createAlumnus({ cohort, name: 'Gefragte Stiftung', contact_email: 'antwort@example.org' });
      return { cohort, asker, asked, askerAgent: await alumnusAgent(asker.org.id), askedAgent: await alumnusAgent(asked.org.id) };
    }

    it('reveals contact details to the requester only after acceptance, with e-mails through the outbox', async () => {
      const { asker, asked, askerAgent, askedAgent, cohort } = await pair();
      const created = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Wir würden gern von Ihrem Fundraising lernen.' }).expect(201);
      assert.equal(created.body.status, 'requested');
      assert.equal(created.body.direction, 'outgoing');
      assert.equal(created.body.from_organisation_id, asker.org.id);
      assert.equal(created.body.contact_email, null);
      assert.equal(created.body.contact_people, null);
      const mail = await db().selectFrom('emails').selectAll().where('template', '=', 'introduction_requested').executeTakeFirstOrThrow();
      assert.equal(mail.to, 'antwort@example.org');
      assert.ok(mail.body.includes('Fundraising lernen'));
      assert.ok(!mail.body.includes('frage@example.org'));

      const profileBefore = await askerAgent.get(`/api/alumni-profiles/${asked.profile.id}`).expect(200);
      assert.equal(profileBefore.body.contact_email, null);
      assert.equal(profileBefore.body.introduction_status, 'requested');

      const incoming = await askedAgent.get('/api/introductions').query(listQuery({ filter: { direction: 'incoming' } })).expect(200);
      assert.deepEqual(incoming.body.map((i: any) => i.id), [created.body.id]);
      assert.equal(incoming.body[0].contact_email, null);

      const bystander = await createAlumnus({ cohort });
      const bystanderAgent = await alumnusAgent(bystander.org.id);
      assert.deepEqual((await bystanderAgent.get('/api/introductions').expect(200)).body, []);
      await bystanderAgent.get(`/api/introductions/${created.body.id}`).expect(404);
      const { agent: staff } = await agentFor('staff');
      const before = await databaseSnapshot();
      await bystanderAgent.post(`/api/introductions/${created.body.id}/accept`).send({}).expect(404);
      await askerAgent.post(`/api/introductions/${created.body.id}/accept`).send({}).expect(403);
      await staff.post(`/api/introductions/${created.body.id}/accept`).send({}).expect(403);
      assert.equal(await databaseSnapshot(), before);

      const accepted = await askedAgent.post(`/api/introductions/${created.body.id}/accept`).send({ note: 'Gern, melden Sie sich!' }).expect(200);
      assert.equal(accepted.body.status, 'accepted');
      assert.ok(accepted.body.responded_at);
      assert.equal(accepted.body.contact_email, 'frage@example.org');

      const seen = await askerAgent.get(`/api/introductions/${created.body.id}`).expect(200);
      assert.equal(seen.body.contact_email, 'antwort@example.org');
      assert.equal(seen.body.contact_people.length, 1);
      assert.equal(seen.body.contact_people[0].email, `person@org${asked.org.id}.example.org`);
      const profileAfter = await askerAgent.get(`/api/alumni-profiles/${asked.profile.id}`).expect(200);
      assert.equal(profileAfter.body.contact_email, 'antwort@example.org');
      assert.equal(profileAfter.body.contact_revealed, true);
      const bystanderView = await bystanderAgent.get(`/api/alumni-profiles/${asked.profile.id}`).expect(200);
      assert.equal(bystanderView.body.contact_email, null);

      const answer = await db().selectFrom('emails').selectAll().where('template', '=', 'introduction_accepted').executeTakeFirstOrThrow();
      assert.equal(answer.to, 'frage@example.org');
      assert.ok(answer.body.includes('antwort@example.org'));
      assert.ok(answer.body.includes('Gern, melden Sie sich!'));

      await askedAgent.post(`/api/introductions/${created.body.id}/decline`).send({}).expect(409);
      await askedAgent.post(`/api/introductions/${created.body.id}/accept`).send({}).expect(409);
      await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Nochmal' }).expect(409);
      const audit = await db().selectFrom('audit_events').select('action').where('resource', '=', 'introductions').orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['create', 'accept']);
    });

    it('keeps contact details hidden after a decline and lets the requester ask again later', async () => {
      const { asked, askerAgent, askedAgent } = await pair();
      const created = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Hallo!' }).expect(201);
      const declined = await askedAgent.post(`/api/introductions/${created.body.id}/decline`).expect(200);
      assert.equal(declined.body.status, 'declined');
      const seen = await askerAgent.get(`/api/introductions/${created.body.id}`).expect(200);
      assert.equal(seen.body.contact_email, null);
      assert.equal(seen.body.contact_people, null);
      assert.equal((await askerAgent.get(`/api/alumni-profiles/${asked.profile.id}`).expect(200)).body.contact_email, null);
      const mail = await db().selectFrom('emails').selectAll().where('template', '=', 'introduction_declined').executeTakeFirstOrThrow();
      assert.ok(!mail.body.includes('antwort@example.org'));
      await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Ein neuer Versuch' }).expect(201);
    });

    it('refuses requests to oneself, from hidden or non-alumni organisations, twice, or by staff', async () => {
      const { asker, asked, askerAgent, askedAgent, cohort } = await pair();
      const hiddenOne = await createAlumnus({ cohort, visible: false });
      const hiddenAgent = await alumnusAgent(hiddenOne.org.id);
      const { agent: outsider } = await agentFor('applicant');
      const { agent: staff } = await agentFor('staff');
      await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Erste Anfrage' }).expect(201);
      const before = await databaseSnapshot();
      const self = await askerAgent.post('/api/introductions').send({ to_organisation_id: asker.org.id, message: 'Ich' }).expect(400);
      assert.ok(self.body.errors.to_organisation_id);
      const consent = await hiddenAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Hallo' }).expect(409);
      assert.equal(consent.body.code, 'consent_required');
      await outsider.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Hallo' }).expect(403);
      await staff.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Hallo' }).expect(403);
      const twice = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Nochmal' }).expect(409);
      assert.equal(twice.body.code, 'introduction_exists');
      await askedAgent.post('/api/introductions').send({ to_organisation_id: asker.org.id, message: 'Umgekehrt' }).expect(409);
      await askerAgent.post('/api/introductions').send({ to_organisation_id: 999999, message: 'Niemand' }).expect(404);
      const cases: Array<[string, unknown]> = [
        ['missing message', { to_organisation_id: asked.org.id }],
        ['empty message', { to_organisation_id: asked.org.id, message: '   ' }],
        ['id as string', { to_organisation_id: String(asked.org.id), message: 'x' }],
        ['huge message', { to_organisation_id: asked.org.id, message: 'x'.repeat(5000) }],
        ['negative id', { to_organisation_id: -1, message: 'x' }],
      ];
      for (const [label, body] of cases) {
        const res = await askerAgent.post('/api/introductions').send(body as any);
        assert.equal(res.status, 400, label);
      }
      await askerAgent.post('/api/introductions').set('Content-Type', 'application/json').send('{"message": "x"').expect(400);
      await askerAgent.post('/api/introductions').set('Content-Type', 'application/json').send('"hallo"').expect(400);
      await askedAgent.post('/api/introductions/999999/accept').send({}).expect(404);
      await askedAgent.post('/api/introductions/abc/decline').send({}).expect(404);
      const intro = await db().selectFrom('introductions').select('id').executeTakeFirstOrThrow();
      await askedAgent.post(`/api/introductions/${intro.id}/accept`).send({ note: 42 }).expect(400);
      await askedAgent.post(`/api/introductions/${intro.id}/accept`).send([1]).expect(400);
      await askerAgent.get('/api/introductions').query(listQuery({ filter: { direction: 'sideways' } })).expect(400);
      await askerAgent.put(`/api/introductions/${intro.id}`).send({ status: 'accepted' }).expect(404);
      await askerAgent.delete(`/api/introductions/${intro.id}`).expect(404);
      assert.equal(await databaseSnapshot(), before);
    });

    it('answers each request exactly once under concurrent accept and decline', async () => {
      const { asked, askerAgent, askedAgent } = await pair();
      const created = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Parallel' }).expect(201);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => askedAgent.post(`/api/introductions/${created.body.id}/${i % 2 ? 'decline' : 'accept'}`).send({})),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
      const emails = await db().selectFrom('emails').select('template').where('template', 'in', ['introduction_accepted', 'introduction_declined']).execute();
      assert.equal(emails.length, 1);
    });

    it('keeps one open introduction per pair in either direction and names it in the 409 (issue 16)', async () => {
      const { asker, asked, askerAgent, askedAgent } = await pair();
      const first = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Hin' }).expect(201);
      const before = await databaseSnapshot();
      const back = await askedAgent.post('/api/introductions').send({ to_organisation_id: asker.org.id, message: 'Zurück' }).expect(409);
      assert.equal(back.body.code, 'introduction_exists');
      assert.match(back.body.message, new RegExp(`Anfrage Nr\\. ${first.body.id} vom`));
      assert.match(back.body.message, /Fragende Initiative e\.V\./);
      assert.equal(back.body.errors.to_organisation_id, `Vorstellung Nr. ${first.body.id}`);
      const again = await askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Nochmal' }).expect(409);
      assert.match(again.body.message, new RegExp(`Ihre Anfrage Nr\\. ${first.body.id} an „Gefragte Stiftung“`));
      assert.equal(await databaseSnapshot(), before);
      // Past the API too: the database refuses the opposite request.
      await assert.rejects(
        db().insertInto('introductions').values({ from_organisation_id: asked.org.id, to_organisation_id: asker.org.id, message: 'SQL' }).execute(),
        /introductions_open_pair_either_way/,
      );

      await askedAgent.post(`/api/introductions/${first.body.id}/accept`).send({}).expect(200);
      const known = await askedAgent.post('/api/introductions').send({ to_organisation_id: asker.org.id, message: 'Zurück' }).expect(409);
      assert.match(known.body.message, new RegExp(`bereits miteinander bekannt gemacht worden \\(Vorstellung Nr\\. ${first.body.id}, angenommen am`));
    });

    it('lets exactly one of concurrent opposite requests land, the others naming it', async () => {
      const { asker, asked, askerAgent, askedAgent } = await pair();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2
            ? askedAgent.post('/api/introductions').send({ to_organisation_id: asker.org.id, message: `Zurück ${i}` })
            : askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: `Hin ${i}` }),
        ),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
      const rows = await db().selectFrom('introductions').select(['id', 'status']).execute();
      assert.equal(rows.length, 1);
      for (const refused of results.filter((r) => r.status === 409)) {
        assert.equal(refused.body.code, 'introduction_exists');
        assert.match(refused.body.message, new RegExp(`Nr\\. ${rows[0].id} `));
      }
      assert.equal((await db().selectFrom('emails').select('id').where('template', '=', 'introduction_requested').execute()).length, 1);
    });

    it('closes opposite duplicates that existed before migration 0011, keeping an accepted one or else the oldest', async function () {
      this.timeout(60_000);
      const { handle, migrateToLatest } = await databaseMigratedTo('0008_alumni_introductions');
      try {
        const legacy = handle.db as Kysely<any>;
        const orgs: number[] = [];
        for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) orgs.push((await legacy.insertInto('organisations').values({ name }).returning('id').executeTakeFirstOrThrow()).id);
        const [a, b, c, d, e, f] = orgs;
        const intro = async (from: number, to: number, status: string, created_at: string) =>
          (await legacy.insertInto('introductions').values({ from_organisation_id: from, to_organisation_id: to, message: 'x', status, created_at }).returning('id').executeTakeFirstOrThrow()).id as number;
        const older = await intro(a, b, 'requested', '2025-01-01T00:00:00Z');
        const newer = await intro(b, a, 'requested', '2025-02-01T00:00:00Z');
        const openOne = await intro(c, d, 'requested', '2025-01-01T00:00:00Z');
        const acceptedOne = await intro(d, c, 'accepted', '2025-02-01T00:00:00Z');
        const declinedOne = await intro(e, f, 'declined', '2025-01-01T00:00:00Z');
        const afterDecline = await intro(f, e, 'requested', '2025-02-01T00:00:00Z');

        await migrateToLatest();
        const status = new Map((await handle.db.selectFrom('introductions').select(['id', 'status']).execute()).map((r) => [r.id, r.status]));
        assert.deepEqual(
          [older, newer, openOne, acceptedOne, declinedOne, afterDecline].map((id) => status.get(id)),
          ['requested', 'declined', 'declined', 'accepted', 'declined', 'requested'],
        );
        const events = await handle.db.selectFrom('audit_events').select(['record_id', 'action']).where('resource', '=', 'introductions').orderBy('record_id').execute();
        assert.deepEqual(events, [{ record_id: newer, action: 'supersede' }, { record_id: openOne, action: 'supersede' }]);
      } finally {
        await handle.close();
      }
    });

    it('lets only one of several concurrent identical requests land', async () => {
      const { asked, askerAgent } = await pair();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => askerAgent.post('/api/introductions').send({ to_organisation_id: asked.org.id, message: 'Gleichzeitig' })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409]);
      const rows = await db().selectFrom('introductions').select('id').execute();
      assert.equal(rows.length, 1);
    });
  });

  describe('privacy beyond the directory', () => {
    it('never shows an alumnus another alumni organisation’s application, fellowship or money', async () => {
      const cohort = await createCohort();
      const me = await createAlumnus({ cohort });
      const other = await createAlumnus({ cohort, offers: 'Fundraising' });
      const fellowship = await db().selectFrom('fellowships').select('id').where('organisation_id', '=', other.org.id).executeTakeFirstOrThrow();
      const agent = await alumnusAgent(me.org.id);
      for (const path of [`/api/applications/${other.application.id}`, `/api/fellowships/${fellowship.id}`, `/api/organisations/${other.org.id}`]) {
        const res = await agent.get(path);
        assert.ok([403, 404].includes(res.status), `${path}: ${res.status}`);
      }
      const card = (await agent.get(`/api/alumni-profiles/${other.profile.id}`).expect(200)).body;
      assert.ok(!JSON.stringify(card).includes('Geheime Zusammenfassung'));
      assert.ok(!('grant_cents' in card) && !('funding_requested_cents' in card));
    });
  });

  describe('events', () => {
    it('shows alumni the networking events and barcamps of the cohorts, nothing else', async () => {
      const cohort = await createCohort();
      const me = await createAlumnus({ cohort });
      for (const [title, kind] of [['Alumni-Barcamp', 'barcamp'], ['Netzwerkabend', 'networking'], ['Pflichtworkshop Finanzen', 'workshop'], ['Webinar Recht', 'webinar']]) {
        await db().insertInto('workshops').values({ cohort_id: cohort.id, title, kind: kind as any, starts_at: '2026-03-01T17:00:00Z', ends_at: '2026-03-01T20:00:00Z' }).execute();
      }
      const agent = await alumnusAgent(me.org.id);
      const res = await agent.get('/api/alumni-events').query(listQuery({ sort: ['title', 'ASC'] })).expect(200);
      assert.deepEqual(res.body.map((e: any) => e.title), ['Alumni-Barcamp', 'Netzwerkabend']);
      assert.ok(!('facilitator_id' in res.body[0]));
      const { agent: applicant } = await agentFor('applicant');
      assert.deepEqual((await applicant.get('/api/alumni-events').expect(200)).body, []);
      await agent.post('/api/alumni-events').send({ title: 'x' }).expect(404);
    });
  });
});
