import assert from 'node:assert/strict';
import { agentFor, createOrganisation, databaseSnapshot, db } from './support/fixtures.ts';
import { completeOrganisation, createApplication, createCohort } from './support/call.ts';
import { MAX_ATTACHMENT_BYTES } from '../src/attachments/attachments.routes.ts';
import { dispositionFilename } from './support/csv.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

const binary = (r: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function setup() {
  const cohort = await createCohort();
  const org = await createOrganisation(completeOrganisation);
  const { user, agent } = await agentFor('applicant', { organisation_id: org.id });
  const app = await createApplication(cohort.id, org.id);
  return { cohort, org, user, agent, app };
}

describe('attachments', () => {
  it('accepts PDF, PNG and JPEG by content, whatever the name says, and serves them back', async () => {
    const { agent, app } = await setup();
    for (const [content, type, name] of [[PDF, 'application/pdf', 'Satzung.pdf'], [PNG, 'image/png', 'logo.jpg'], [JPEG, 'image/jpeg', 'foto']] as const) {
      const res = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', content, name).expect(201);
      assert.equal(res.body.content_type, type);
      assert.equal(res.body.size_bytes, content.length);
      const back = await agent.get(`/api/attachments/${res.body.id}/content`).buffer(true).parse(binary).expect(200);
      assert.equal(back.headers['content-type'], type);
      assert.match(back.headers['content-disposition'], /^attachment/);
      assert.ok((back.body as Buffer).equals(content));
    }
    const list = await agent.get('/api/attachments').query({ filter: JSON.stringify({ application_id: app.id }) }).expect(200);
    assert.equal(list.body.length, 3);
    assert.equal(list.body[0].content, undefined);
  });

  it('refuses other types even when named .pdf, and empty or missing files (400), changing nothing', async () => {
    const { agent, app } = await setup();
    const before = await databaseSnapshot();
    const html = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', Buffer.from('<html><script>alert(1)</script>'), 'bericht.pdf').expect(400);
    assert.equal(html.body.code, 'unsupported_file_type');
    await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', Buffer.from('PK\x03\x04zip'), 'a.pdf').expect(400);
    await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', Buffer.alloc(0), 'leer.pdf').expect(400);
    await agent.post('/api/attachments').field('application_id', String(app.id)).expect(400);
    await agent.post('/api/attachments').field('application_id', 'abc').attach('file', PDF, 'a.pdf').expect(400);
    await agent.post('/api/attachments').attach('file', PDF, 'a.pdf').expect(400);
    await agent.post('/api/attachments').send({ application_id: app.id }).expect(400);
    await agent.post('/api/attachments').field('application_id', '999999').attach('file', PDF, 'a.pdf').expect(404);
    assert.equal(await databaseSnapshot(), before);
  });

  it('answers 413 above 10 MB and accepts exactly 10 MB', async () => {
    const { agent, app } = await setup();
    const before = await databaseSnapshot();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
    const res = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', big, 'gross.pdf');
    assert.equal(res.status, 413);
    assert.equal(await databaseSnapshot(), before);
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const ok = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', exact, 'genau.pdf').expect(201);
    assert.equal(ok.body.size_bytes, MAX_ATTACHMENT_BYTES);
  });

  it("keeps another organisation's attachments invisible (404) and lets staff see them", async () => {
    const { app, agent: owner } = await setup();
    const uploaded = await owner.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'geheim.pdf').expect(201);
    const { agent: stranger } = await agentFor('applicant');
    const { agent: juror } = await agentFor('jury');
    const { agent: coach } = await agentFor('coach');
    const before = await databaseSnapshot();
    await stranger.get(`/api/attachments/${uploaded.body.id}`).expect(404);
    await stranger.get(`/api/attachments/${uploaded.body.id}/content`).expect(404);
    await stranger.delete(`/api/attachments/${uploaded.body.id}`).expect(404);
    await stranger.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'x.pdf').expect(404);
    assert.deepEqual((await stranger.get('/api/attachments').expect(200)).body, []);
    // A juror not assigned to the application does not see it exist; a coach reads only the
    // receipts of the reports of their fellows (issue 19), never an application's attachments.
    await juror.get(`/api/attachments/${uploaded.body.id}/content`).expect(404);
    await coach.get(`/api/attachments/${uploaded.body.id}/content`).expect(404);
    await coach.delete(`/api/attachments/${uploaded.body.id}`).expect(403);
    assert.equal(await databaseSnapshot(), before);
    const { agent: staff } = await agentFor('staff');
    await staff.get(`/api/attachments/${uploaded.body.id}/content`).expect(200);
  });

  it('lets a juror open the attachments of an application assigned to them, and only read them', async () => {
    const { app, agent: owner, org } = await setup();
    const uploaded = await owner.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'Wirkungsbericht.pdf').expect(201);
    await db().updateTable('applications').set({ status: 'eligible', submitted_at: new Date() }).where('id', '=', app.id).execute();
    const { agent: juror, user } = await agentFor('jury');
    await db().insertInto('reviews').values({ application_id: app.id, juror_id: user.id }).execute();
    const list = await juror.get('/api/attachments').query({ filter: JSON.stringify({ application_id: app.id }) }).expect(200);
    assert.deepEqual(list.body.map((a: any) => a.filename), ['Wirkungsbericht.pdf']);
    await juror.get(`/api/attachments/${uploaded.body.id}`).expect(200);
    const file = await juror.get(`/api/attachments/${uploaded.body.id}/content`).buffer(true).parse(binary).expect(200);
    assert.ok((file.body as Buffer).equals(PDF));
    const before = await databaseSnapshot();
    await juror.delete(`/api/attachments/${uploaded.body.id}`).expect(403);
    await juror.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'x.pdf').expect(403);
    assert.equal(await databaseSnapshot(), before);
    // A declared conflict hides the application, and with it its attachments.
    await db().insertInto('conflicts').values({ juror_id: user.id, organisation_id: org.id, reason: 'Vorstandsmitglied', created_by: user.id }).execute();
    await juror.get(`/api/attachments/${uploaded.body.id}/content`).expect(404);
    assert.deepEqual((await juror.get('/api/attachments').expect(200)).body, []);
  });

  it('freezes attachments once the application is submitted or the deadline has passed', async () => {
    const { agent, app, cohort } = await setup();
    const uploaded = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'a.pdf').expect(201);
    await db().updateTable('applications').set({ status: 'submitted' }).where('id', '=', app.id).execute();
    await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'b.pdf').expect(409);
    await agent.delete(`/api/attachments/${uploaded.body.id}`).expect(409);
    await db().updateTable('applications').set({ status: 'draft' }).where('id', '=', app.id).execute();
    await db().updateTable('cohorts').set({ application_closes_at: new Date(Date.now() - 1000) }).where('id', '=', cohort.id).execute();
    const late = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'c.pdf').expect(409);
    assert.equal(late.body.code, 'deadline_passed');
  });

  it('strips paths and control characters from file names', async () => {
    const { agent, app } = await setup();
    const res = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, '../../etc/Jahresbericht|2025*.pdf').expect(201);
    assert.equal(res.body.filename, 'Jahresbericht2025.pdf');
  });

  describe('file names in any script', () => {
    /** Umlauts, ß, Cyrillic, Greek, CJK, Arabic, emoji (with ZWJ and a flag), characters filename* must escape, NFC and NFD. */
    const NAMES = [
      'Förderantrag_Übersicht.pdf',
      'Straße & Maß – Gemeinnützigkeit.pdf',
      'Отчёт о деятельности.pdf',
      'Ελληνικά έγγραφα.pdf',
      '申請書_資料.pdf',
      'تقرير سنوي.pdf',
      '📎 Anhang 🇩🇪 👩‍💻.pdf',
      "Bericht (final) 'v2' 100%.pdf",
      'Gr\u00fcn \u00c4pfel.pdf'.normalize('NFC'),
      'Gr\u00fcn \u00c4pfel.pdf'.normalize('NFD'),
    ];
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('hex');

    it('keeps them byte for byte through upload, list, get, download and the organisation export', async () => {
      const { agent, app, org } = await setup();
      assert.notEqual(bytes(NAMES[8]), bytes(NAMES[9]), 'the NFC and NFD spellings differ');
      const ids = new Map<number, string>();
      for (const name of NAMES) {
        const res = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, name).expect(201);
        assert.equal(bytes(res.body.filename), bytes(name), `upload ${name}`);
        ids.set(res.body.id, name);
      }
      const list = await agent.get('/api/attachments').query({ filter: JSON.stringify({ application_id: app.id }), range: '[0,99]' }).expect(200);
      assert.deepEqual(list.body.map((a: any) => bytes(a.filename)), [...ids.values()].map(bytes), 'list');
      for (const [id, name] of ids) {
        const one = await agent.get(`/api/attachments/${id}`).expect(200);
        assert.equal(bytes(one.body.filename), bytes(name), `get ${name}`);
        const file = await agent.get(`/api/attachments/${id}/content`).buffer(true).parse(binary).expect(200);
        const header = String(file.headers['content-disposition']);
        assert.match(header, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/, `RFC 6266 header for ${name}`);
        assert.equal(bytes(dispositionFilename(header)!), bytes(name), `download ${name}`);
        assert.ok((file.body as Buffer).equals(PDF));
      }
      const { agent: staff } = await agentFor('staff');
      const exported = await staff.get(`/api/organisations/${org.id}/export`).expect(200);
      assert.deepEqual(exported.body.attachments.map((a: any) => bytes(a.filename)), [...ids.values()].map(bytes), 'organisation export');
    });

    it('removes bidi overrides and cuts long names between whole characters', async () => {
      const { agent, app } = await setup();
      const spoofed = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, 'Rechnung\u202Efdp.exe.pdf').expect(201);
      assert.equal(spoofed.body.filename, 'Rechnungfdp.exe.pdf');
      const long = await agent.post('/api/attachments').field('application_id', String(app.id)).attach('file', PDF, `${'👩‍💻'.repeat(250)}.pdf`).expect(201);
      assert.equal(long.body.filename, '👩‍💻'.repeat(200));
      assert.ok(long.body.filename.isWellFormed(), 'no half emoji');
    });

    it('reads the RFC 5987 filename* form of a multipart part as well', async () => {
      const { agent, app } = await setup();
      const name = 'Übersicht 申請書 📎.pdf';
      const boundary = 'grenze4711';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="application_id"\r\n\r\n${app.id}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/pdf\r\n\r\n`),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await agent.post('/api/attachments').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body).expect(201);
      assert.equal(bytes(res.body.filename), bytes(name));
    });
  });
});
