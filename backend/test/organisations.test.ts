import assert from 'node:assert/strict';
import { agentFor, api, createOrganisation, createUser, databaseSnapshot, db, listQuery, loginAs } from './support/fixtures.ts';
import { createFellowship } from './support/funding-fixtures.ts';

describe('organisations', () => {
  it('lists with sort, range, filter and Content-Range in one page', async () => {
    const { agent } = await agentFor('staff');
    for (const name of ['Zebra e.V.', 'Ähre e.V.', 'Apfel e.V.']) await createOrganisation({ name, state: 'Bayern' });
    await createOrganisation({ name: 'Berliner e.V.', state: 'Berlin' });
    const res = await agent.get('/api/organisations').query(listQuery({ sort: ['name', 'ASC'], range: [0, 1], filter: { state: 'Bayern' } })).expect(200);
    assert.equal(res.headers['content-range'], 'organisations 0-1/3');
    // German order: Ä sorts with A, not after Z.
    assert.deepEqual(res.body.map((o: any) => o.name), ['Ähre e.V.', 'Apfel e.V.']);
    const next = await agent.get('/api/organisations').query(listQuery({ sort: ['name', 'ASC'], range: [2, 3], filter: { state: 'Bayern' } })).expect(200);
    assert.equal(next.headers['content-range'], 'organisations 2-2/3');
    const past = await agent.get('/api/organisations').query(listQuery({ range: [50, 59], filter: { state: 'Bayern' } })).expect(200);
    assert.deepEqual(past.body, []);
    assert.match(past.headers['content-range'], /\/3$/);
  });

  it('shows coaches the organisations they coach, never their bank details, in lists and records', async () => {
    const coached = await createFellowship();
    await createFellowship();
    const { agent, user: coach } = await agentFor('coach');
    await db().updateTable('fellowships').set({ coach_id: coach.id }).where('id', '=', coached.id).execute();
    const list = await agent.get('/api/organisations').query(listQuery({ sort: ['name', 'ASC'] })).expect(200);
    assert.deepEqual(list.body.map((o: any) => o.id), [coached.organisation.id]);
    assert.equal(list.headers['content-range'], 'organisations 0-0/1');
    const one = await agent.get(`/api/organisations/${coached.organisation.id}`).expect(200);
    for (const record of [list.body[0], one.body]) {
      assert.equal(record.name, coached.organisation.name);
      for (const bank of ['iban', 'bic', 'account_holder']) assert.ok(!(bank in record), `${bank} must stay hidden from coaches`);
    }
    const staff = (await agentFor('staff')).agent;
    assert.equal((await staff.get(`/api/organisations/${coached.organisation.id}`).expect(200)).body.iban, 'DE89370400440532013000');
  });

  it('finds organisations by German full-text search with prefixes', async () => {
    const { agent } = await agentFor('staff');
    await createOrganisation({ name: 'Bürgerstiftung Lesewelt', description: 'Wir fördern Leseförderung in Schulen' });
    await createOrganisation({ name: 'Sportverein Nord' });
    const res = await agent.get('/api/organisations').query(listQuery({ filter: { q: 'bürger' } })).expect(200);
    assert.deepEqual(res.body.map((o: any) => o.name), ['Bürgerstiftung Lesewelt']);
    const stemmed = await agent.get('/api/organisations').query(listQuery({ filter: { q: 'Schule' } })).expect(200);
    assert.equal(stemmed.body.length, 1);
  });

  it('serves getMany with an id array and filter operators', async () => {
    const { agent } = await agentFor('staff');
    const a = await createOrganisation({ founded_year: 1990 });
    const b = await createOrganisation({ founded_year: 2010 });
    await createOrganisation({ founded_year: 2020 });
    const many = await agent.get('/api/organisations').query(listQuery({ filter: { id: [a.id, b.id] } })).expect(200);
    assert.deepEqual(many.body.map((o: any) => o.id).sort(), [a.id, b.id].sort());
    const range = await agent.get('/api/organisations').query(listQuery({ filter: { founded_year_gte: 2000, founded_year_lt: 2020 } })).expect(200);
    assert.deepEqual(range.body.map((o: any) => o.id), [b.id]);
  });

  it('creates, updates and deletes, recording audit events', async () => {
    const { agent } = await agentFor('staff');
    const created = await agent.post('/api/organisations').send({ name: 'Neue Initiative gGmbH', legal_form: 'ggmbh', iban: 'DE89 3704 0044 0532 0130 00' }).expect(201);
    assert.equal(created.body.iban, 'DE89370400440532013000');
    const updated = await agent.put(`/api/organisations/${created.body.id}`).send({ ...created.body, city: 'Köln' }).expect(200);
    assert.equal(updated.body.city, 'Köln');
    const deleted = await agent.delete(`/api/organisations/${created.body.id}`).expect(200);
    assert.equal(deleted.body.id, created.body.id);
    const events = await db().selectFrom('audit_events').select(['action', 'resource']).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['create', 'update', 'delete']);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const { agent } = await agentFor('staff');
    const org = await createOrganisation();
    const before = await databaseSnapshot();
    const cases: Array<[string, unknown]> = [
      ['missing name', { city: 'Berlin' }],
      ['wrong type', { name: 42 }],
      ['bad enum', { name: 'X', legal_form: 'ag' }],
      ['bad iban', { name: 'X', iban: 'DE89370400440532013001' }],
      ['huge string', { name: 'x'.repeat(100_000) }],
      ['array body', [1, 2]],
    ];
    for (const [label, body] of cases) {
      const res = await agent.post('/api/organisations').send(body as any);
      assert.equal(res.status, 400, label);
      assert.equal(typeof res.body.message, 'string', label);
    }
    const fieldErrors = await agent.post('/api/organisations').send({ iban: 'DE00' }).expect(400);
    assert.ok(fieldErrors.body.errors.name);
    assert.ok(fieldErrors.body.errors.iban);
    await agent.put(`/api/organisations/${org.id}`).send({ founded_year: 'neunzehnhundert' }).expect(400);
    await agent.post('/api/organisations').set('Content-Type', 'application/json').send('{"name": "x"').expect(400);
    const huge = await agent.post('/api/organisations').send({ name: 'y', description: 'z'.repeat(2_000_000) });
    assert.equal(huge.status, 413);
    await agent.put('/api/organisations/999999').send({ name: 'x' }).expect(404);
    await agent.delete('/api/organisations/abc').expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('rejects malformed and unknown list parameters with 400', async () => {
    const { agent } = await agentFor('staff');
    for (const query of [
      { sort: '["name"' },
      { sort: '["password_hash","ASC"]' },
      { sort: '["name","SIDEWAYS"]' },
      { range: '[0,5000]' },
      { range: '[5,1]' },
      { range: '"x"' },
      { filter: '{"nope":1}' },
      { filter: '[1]' },
      { filter: '{"founded_year":"abc"}' },
      { filter: '{"name; drop table users":1}' },
      { other: '1' },
    ]) {
      const res = await agent.get('/api/organisations').query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.ok(res.body.message);
    }
  });

  it('shows an applicant only their own organisation (404 for others)', async () => {
    const own = await createOrganisation();
    const other = await createOrganisation();
    const { agent } = await agentFor('applicant', { organisation_id: own.id });
    const list = await agent.get('/api/organisations').expect(200);
    assert.deepEqual(list.body.map((o: any) => o.id), [own.id]);
    await agent.get(`/api/organisations/${other.id}`).expect(404);
    await agent.put(`/api/organisations/${other.id}`).send({ name: 'gekapert' }).expect(404);
    await agent.put(`/api/organisations/${own.id}`).send({ name: 'Umbenannt e.V.' }).expect(200);
    await agent.delete(`/api/organisations/${own.id}`).expect(403);
    await agent.post('/api/organisations').send({ name: 'Noch eine' }).expect(403);
  });

  it('keeps jurors and anonymous callers out', async () => {
    const org = await createOrganisation();
    await api().get('/api/organisations').expect(401);
    const juror = await loginAs(await createUser('jury'));
    await juror.get('/api/organisations').expect(403);
    await juror.get(`/api/organisations/${org.id}`).expect(403);
  });
  describe('versions: a save based on an older profile is refused (issue 17)', () => {
    it('carries a version; a save based on an older one answers 409 stale_version in German and changes nothing', async () => {
      const org = await createOrganisation({ name: 'Versionen e.V.', city: 'Leipzig' });
      const { agent } = await agentFor('applicant', { organisation_id: org.id });
      const loaded = (await agent.get(`/api/organisations/${org.id}`).expect(200)).body;
      assert.equal(loaded.version, 1);
      // Tab 2 saves first, based on version 1 (react-admin sends the whole record back).
      const second = await agent.put(`/api/organisations/${org.id}`).send({ ...loaded, city: 'Dresden' }).expect(200);
      assert.equal(second.body.version, 2);
      const before = await databaseSnapshot();
      const stale = await agent.put(`/api/organisations/${org.id}`).send({ ...loaded, city: 'Chemnitz' }).expect(409);
      assert.equal(stale.body.code, 'stale_version');
      assert.match(stale.body.message, /^Das Profil dieser Organisation wurde inzwischen an anderer Stelle geändert/);
      assert.equal(await databaseSnapshot(), before);
      const next = await agent.put(`/api/organisations/${org.id}`).send({ ...second.body, city: 'Zwickau' }).expect(200);
      assert.equal(next.body.version, 3);
      assert.equal(next.body.city, 'Zwickau');
    });

    it('lets exactly one of two parallel saves on the same version win', async () => {
      const org = await createOrganisation({ name: 'Parallel e.V.' });
      const { agent: staff } = await agentFor('staff');
      const { agent: applicant } = await agentFor('applicant', { organisation_id: org.id });
      const results = await Promise.all([
        staff.put(`/api/organisations/${org.id}`).send({ version: 1, name: 'Parallel e.V.', city: 'Fenster A' }),
        applicant.put(`/api/organisations/${org.id}`).send({ version: 1, name: 'Parallel e.V.', city: 'Fenster B' }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const loser = results.find((r) => r.status === 409)!;
      assert.equal(loser.body.code, 'stale_version');
      const stored = await db().selectFrom('organisations').select(['city', 'version']).where('id', '=', org.id).executeTakeFirstOrThrow();
      assert.equal(stored.city, winner.body.city);
      assert.equal(stored.version, 2);
    });

    it('counts every change of the profile, but not a save that changes nothing', async () => {
      const org = await createOrganisation({ name: 'Zähler e.V.', city: 'Halle' });
      const { agent } = await agentFor('staff');
      const same = await agent.put(`/api/organisations/${org.id}`).send({ version: 1, name: 'Zähler e.V.', city: 'Halle' }).expect(200);
      assert.equal(same.body.version, 1);
      // A change made outside the form (a script, an operator) still moves the version.
      await db().updateTable('organisations').set({ phone: '0345 123' }).where('id', '=', org.id).execute();
      const stale = await agent.put(`/api/organisations/${org.id}`).send({ version: 1, name: 'Zähler e.V.', city: 'Magdeburg' }).expect(409);
      assert.equal(stale.body.code, 'stale_version');
    });

    it('refuses a version that is not a positive whole number with 400 at the field', async () => {
      const org = await createOrganisation({ name: 'Eingabe e.V.' });
      const { agent } = await agentFor('staff');
      const before = await databaseSnapshot();
      const res = await agent.put(`/api/organisations/${org.id}`).send({ version: 'zwei', name: 'Eingabe e.V.' }).expect(400);
      assert.ok(res.body.errors.version);
      assert.equal(await databaseSnapshot(), before);
    });
  });
});
