import assert from 'node:assert/strict';
import { agentFor, createOrganisation, createUser, databaseSnapshot, listQuery, loginAs } from './support/fixtures.ts';

describe('users', () => {
  it('lets admins create users whose password is never returned', async () => {
    const { agent } = await agentFor('admin');
    const created = await agent.post('/api/users').send({ email: 'Jury7@Example.org', name: 'Neue Jurorin', role: 'jury', password: 'geheimes-Passwort-7' }).expect(201);
    assert.equal(created.body.email, 'jury7@example.org');
    assert.equal(created.body.password, undefined);
    assert.equal(created.body.password_hash, undefined);
    const list = await agent.get('/api/users').query(listQuery({ filter: { role: 'jury' } })).expect(200);
    assert.ok(list.body.every((u: any) => u.password_hash === undefined));
  });

  it('refuses duplicate e-mails case-insensitively', async () => {
    const { agent } = await agentFor('admin');
    await createUser('staff', { email: 'dup@example.org' });
    const res = await agent.post('/api/users').send({ email: 'DUP@example.org', name: 'X', role: 'staff', password: 'geheimes-Passwort-7' });
    assert.equal(res.status, 409);
  });

  it('requires an organisation for applicants', async () => {
    const { agent } = await agentFor('admin');
    const res = await agent.post('/api/users').send({ email: 'a@example.org', name: 'A', role: 'applicant', password: 'geheimes-Passwort-7' }).expect(400);
    assert.ok(res.body.errors.organisation_id);
    const org = await createOrganisation();
    await agent.post('/api/users').send({ email: 'a@example.org', name: 'A', role: 'applicant', organisation_id: org.id, password: 'geheimes-Passwort-7' }).expect(201);
  });

  it('lets staff read but not change users, and keeps others out', async () => {
    const target = await createUser('coach');
    const { agent: staff } = await agentFor('staff');
    await staff.get('/api/users').expect(200);
    await staff.put(`/api/users/${target.id}`).send({ name: 'x' }).expect(403);
    await staff.post('/api/users').send({ email: 'n@example.org', name: 'N', role: 'admin', password: 'geheimes-Passwort-7' }).expect(403);
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      await agent.get('/api/users').expect(403);
      await agent.get(`/api/users/${target.id}`).expect(403);
    }
  });

  it('ends the sessions of a deleted or demoted user at once, cached lookups included', async () => {
    const { agent: admin } = await agentFor('admin');
    const deleted = await createUser('coach');
    const demoted = await createUser('staff');
    const gone = await loginAs(deleted);
    const moved = await loginAs(demoted);
    await gone.get('/api/auth/me').expect(200);
    const before = await moved.get('/api/auth/me').expect(200);
    assert.equal(before.body.role, 'staff');
    await admin.delete(`/api/users/${deleted.id}`).expect(200);
    await gone.get('/api/auth/me').expect(401);
    // A new role ends every session (issue 16): the next login has the new role.
    await admin.put(`/api/users/${demoted.id}`).send({ role: 'jury' }).expect(200);
    await moved.get('/api/auth/me').expect(401);
    const after = await (await loginAs(demoted)).get('/api/auth/me').expect(200);
    assert.equal(after.body.role, 'jury');
  });

  it('does not let an admin lock themselves out', async () => {
    const { user, agent } = await agentFor('admin');
    await agent.put(`/api/users/${user.id}`).send({ active: false }).expect(409);
    await agent.put(`/api/users/${user.id}`).send({ role: 'staff' }).expect(409);
    await agent.delete(`/api/users/${user.id}`).expect(409);
  });

  it('rejects bad input without changing anything', async () => {
    const { agent } = await agentFor('admin');
    const target = await createUser('staff');
    const before = await databaseSnapshot();
    await agent.post('/api/users').send({ email: 'x@example.org', name: 'X', role: 'superuser', password: 'geheimes-Passwort-7' }).expect(400);
    await agent.post('/api/users').send({ email: 'x@example.org', name: 'X', role: 'staff' }).expect(400);
    await agent.post('/api/users').send({ email: 'x@example.org', name: 'X', role: 'staff', password: 'kurz' }).expect(400);
    await agent.put(`/api/users/${target.id}`).send({ email: 'not-an-email' }).expect(400);
    await agent.put(`/api/users/${target.id}`).send({ active: 'yes' }).expect(400);
    await agent.put('/api/users/424242').send({ name: 'Y' }).expect(404);
    assert.equal(await databaseSnapshot(), before);
  });
});
