import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentFor, api, databaseSnapshot, db, type Agent } from './support/fixtures.ts';
import { CONFIDENTIAL_NOTE, createEmptyCohort, populateCohort } from './support/report-data.ts';
import { buildFunderReport, trancheTotals } from '../src/reports/reports.pdf.ts';
import { toBuffer } from '../src/reports/report-document.ts';
import { date, money, percent } from '../src/reports/format.ts';
import { loadApplicationStats, loadCohort, loadFellows, loadMilestones, loadTranches } from '../src/reports/reports.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'reports-test-'));
let fileCounter = 0;

/** The text of a PDF as pdftotext reads it (content order, so a wrapped table cell stays together). */
function pdfText(pdf: Buffer): string {
  const file = join(dir, `r${++fileCounter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Whitespace (line breaks inside table cells) collapsed to single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function binary(res: any, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function getPdf(agent: Agent, url: string): Promise<Buffer> {
  const res = await agent.get(url).buffer(true).parse(binary).expect(200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const body = res.body as Buffer;
  assert.equal(body.subarray(0, 5).toString(), '%PDF-');
  return body;
}

describe('reports (PDF)', () => {
  it('funder.pdf names every fellow exactly, whatever the script, and prints the year in numbers', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    for (const name of data.fellowNames) assert.ok(text.includes(name), `missing fellow ${name}`);
    for (const script of ['Бюро взаимопомощи «Мост» e.V.', 'Ελληνική Κοινότητα Αμβούργου e.V.', 'Fundacja Łączy Nas – Źródło Żyć gGmbH', 'Türk-Alman Dayanışma Derneği e.V.', 'Hội Người Việt Đồng Hành e.V.']) {
      assert.ok(text.includes(script), `missing ${script}`);
    }
    assert.ok(text.includes(`Eingereichte Bewerbungen`) && text.includes(String(data.submitted)));
    assert.ok(text.includes(percent(data.selected, data.submitted)), 'acceptance rate');
    assert.ok(text.includes(money(data.tranches.paid)), `paid total ${money(data.tranches.paid)}`);
    assert.ok(text.includes(money(data.grantCents * data.selected)), 'grant total');
    assert.ok(text.includes('Transferkonzept') && text.includes('Erreicht'), 'stage gate outcome');
    assert.ok(text.includes('Bewerbungen nach Bundesland') && text.includes('Thüringen'));
    assert.match(text, /Seite 2 von \d+/);
    assert.ok(!text.includes(CONFIDENTIAL_NOTE), 'confidential coaching notes never reach a report');
    assert.ok(text.includes(date(new Date())), 'generation date');
  });

  it('selection.pdf ranks every submitted application and gives each decision its reason', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('admin');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/selection.pdf`)));
    const draftName = data.applicationNames[data.applicationNames.length - 1];
    for (const name of data.applicationNames.slice(0, -1)) assert.ok(text.includes(name), `missing ${name}`);
    assert.ok(!text.includes(draftName), 'a draft was never handed in and is not in the ranking');
    assert.ok(text.includes(`Begründung für ${data.applicationNames[0]}: selected`));
    assert.ok(text.includes('Wirkung') && text.includes('Übertragbarkeit'));
    assert.ok(text.includes('Ranking und Entscheidungen') && text.includes('Nachrückliste'));
    assert.ok(text.includes('Auswahlquote') && text.includes(percent(data.selected, data.submitted)));
  });

  it('funding.pdf lists every tranche with its status, and its totals add up', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funding.pdf`)));
    const t = data.tranches;
    for (const cents of [t.planned, t.approved, t.paid, t.cancelled, t.planned + t.approved + t.paid, t.planned + t.approved + t.paid + t.cancelled]) {
      assert.ok(text.includes(money(cents)), `missing total ${money(cents)}`);
    }
    assert.equal((text.match(/Storniert/g) ?? []).length >= data.selected, true);
    assert.ok(text.includes(`OTA-2026-1`) && text.includes('15.03.2026'));
    for (const name of data.fellowNames) assert.ok(text.includes(name), `missing ${name}`);
  });

  it('generates every report for an empty cohort', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent } = await agentFor('staff');
    for (const kind of ['funder', 'selection', 'funding']) {
      const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${cohort.id}/${kind}.pdf`)));
      assert.ok(text.includes(cohort.name), kind);
      assert.ok(text.includes('Keine') || text.includes('noch keine'), `${kind} says it is empty`);
      assert.ok(text.includes(money(0)), `${kind} has zero totals`);
    }
  });

  it('breaks long tables across pages and repeats the header row on each', async () => {
    const data = await populateCohort(db(), { applications: 140, fellows: 10 });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/selection.pdf`);
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
    const rankingPages = pages.filter((p) => /Rang\s+Organisation\s+Gutachten\s+Score\s+Entscheidung\s+Begründung/.test(p));
    assert.ok(rankingPages.length >= 3, `ranking header on ${rankingPages.length} pages`);
    assert.ok(pages.at(-1)!.includes(`Seite ${pages.length} von ${pages.length}`));
    for (const name of data.applicationNames.slice(0, -1)) assert.ok(flat(pages.join(' ')).includes(name), name);
  });

  it('builds a report as a pure function of its data, without HTTP', async () => {
    const data = await populateCohort(db(), { applications: 14, fellows: 3 });
    const cohort = (await loadCohort(db(), data.cohortId))!;
    const [stats, fellows, milestones, tranches] = await Promise.all([
      loadApplicationStats(db(), data.cohortId), loadFellows(db(), data.cohortId), loadMilestones(db(), data.cohortId), loadTranches(db(), data.cohortId),
    ]);
    assert.equal(stats.submitted, data.submitted);
    assert.equal(fellows.reduce((s, f) => s + f.coaching_minutes, 0), data.coachingMinutes);
    assert.equal(trancheTotals(tranches).paid, data.tranches.paid);
    const pdf = await toBuffer(buildFunderReport({ cohort, stats, fellows, milestones, tranches, generatedAt: new Date('2026-11-26T10:00:00Z') }));
    const text = flat(pdfText(pdf));
    assert.ok(text.includes('Erstellt am 26.11.2026'));
    assert.ok(text.includes(data.fellowNames[0]));
  });

  it('formats money and dates the German way, in Europe/Berlin', () => {
    assert.equal(money(123456), '1.234,56 €');
    assert.equal(money(5), '0,05 €');
    assert.equal(money(-250000), '-2.500,00 €');
    assert.equal(date('2026-11-26'), '26.11.2026');
    assert.equal(date(new Date('2026-11-25T23:30:00Z')), '26.11.2026');
    assert.equal(date(new Date('2026-07-31T22:30:00Z')), '01.08.2026');
  });

  it('answers 404 for an unknown or malformed cohort id', async () => {
    const { agent } = await agentFor('staff');
    await agent.get('/api/reports/cohorts/999999/funder.pdf').expect(404);
    await agent.get('/api/reports/cohorts/abc/selection.pdf').expect(404);
    await agent.get('/api/reports/cohorts/-1/funding.pdf').expect(404);
    await agent.get('/api/reports/cohorts/99999999999999/funding.pdf').expect(404);
    await agent.get('/api/reports/cohorts/1/other.pdf').expect(404);
  });

  it('serves reports only to staff and admin', async () => {
    const data = await populateCohort(db(), { applications: 8, fellows: 2 });
    for (const role of ['jury', 'coach', 'applicant'] as const) {
      const { agent } = await agentFor(role);
      for (const kind of ['funder', 'selection', 'funding']) await agent.get(`/api/reports/cohorts/${data.cohortId}/${kind}.pdf`).expect(403);
      await agent.get('/api/reports').expect(403);
      await agent.post('/api/reports').send({ cohort_id: data.cohortId, kind: 'funder' }).expect(403);
    }
    await api().get(`/api/reports/cohorts/${data.cohortId}/funder.pdf`).expect(401);
    await api().get('/api/reports').expect(401);
  });
});

describe('reports (frozen copies)', () => {
  it('creates a draft with a German default title', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent, user } = await agentFor('staff');
    const res = await agent.post('/api/reports').send({ cohort_id: cohort.id, kind: 'funder' }).expect(201);
    assert.equal(res.body.status, 'draft');
    assert.equal(res.body.title, `Bericht an die Förderpartnerin – ${cohort.name}`);
    assert.equal(res.body.created_by, user.id);
    assert.equal(res.body.cohort_name, cohort.name);
    assert.equal(res.body.sha256, null);
    assert.equal(res.body.pdf, undefined);
    const list = await agent.get('/api/reports').query({ filter: JSON.stringify({ cohort_id: cohort.id }) }).expect(200);
    assert.equal(list.headers['content-range'], 'reports 0-0/1');
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent } = await agentFor('staff');
    const draft = await agent.post('/api/reports').send({ cohort_id: cohort.id, kind: 'selection' }).expect(201);
    const before = await databaseSnapshot();
    const cases: Array<[string, unknown, string?]> = [
      ['missing kind', { cohort_id: cohort.id }, 'kind'],
      ['missing cohort', { kind: 'funder' }, 'cohort_id'],
      ['unknown kind', { cohort_id: cohort.id, kind: 'annual' }, 'kind'],
      ['wrong type', { cohort_id: String(cohort.id), kind: 'funder' }, 'cohort_id'],
      ['unknown cohort', { cohort_id: 424242, kind: 'funder' }, 'cohort_id'],
      ['negative id', { cohort_id: -3, kind: 'funder' }, 'cohort_id'],
      ['huge title', { cohort_id: cohort.id, kind: 'funder', title: 'x'.repeat(5000) }, 'title'],
      ['array body', [1, 2]],
    ];
    for (const [label, body, field] of cases) {
      const res = await agent.post('/api/reports').send(body as any);
      assert.equal(res.status, 400, label);
      if (field) assert.ok(res.body.errors?.[field], `${label}: ${JSON.stringify(res.body)}`);
    }
    await agent.post('/api/reports').set('Content-Type', 'application/json').send('{"cohort_id": 1,').expect(400);
    await agent.put(`/api/reports/${draft.body.id}`).send({ kind: 'nope' }).expect(400);
    await agent.put(`/api/reports/${draft.body.id}`).send({ cohort_id: 999999 }).expect(400);
    await agent.put('/api/reports/999999').send({ title: 'x' }).expect(404);
    await agent.post('/api/reports/999999/issue').send({}).expect(404);
    await agent.post('/api/reports/abc/issue').send({}).expect(404);
    await agent.get('/api/reports/999999/pdf').expect(404);
    await agent.get('/api/reports').query({ sort: '["pdf","ASC"]' }).expect(400);
    await agent.get('/api/reports').query({ filter: '{"sha256":"x"}' }).expect(400);
    await agent.get('/api/reports').query({ filter: '{bad' }).expect(400);
    assert.equal(await databaseSnapshot(), before);
  });

  it('refuses to download a draft: only issued reports have frozen bytes', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent } = await agentFor('staff');
    const draft = await agent.post('/api/reports').send({ cohort_id: cohort.id, kind: 'funding' }).expect(201);
    const res = await agent.get(`/api/reports/${draft.body.id}/pdf`).expect(409);
    assert.equal(res.body.code, 'not_issued');
  });

  it('issues a report once: its bytes never change, not on a second download and not after the data changes', async () => {
    const data = await populateCohort(db(), { applications: 10, fellows: 3 });
    const { agent, user } = await agentFor('staff');
    const draft = await agent.post('/api/reports').send({ cohort_id: data.cohortId, kind: 'funder' }).expect(201);
    const issued = await agent.post(`/api/reports/${draft.body.id}/issue`).send({}).expect(200);
    assert.equal(issued.body.status, 'issued');
    assert.equal(issued.body.issued_by, user.id);
    assert.match(issued.body.sha256, /^[0-9a-f]{64}$/);
    assert.ok(issued.body.size_bytes > 1000);
    assert.ok(Math.abs(new Date(issued.body.issued_at).getTime() - Date.now()) < 60_000);

    const first = await getPdf(agent, `/api/reports/${draft.body.id}/pdf`);
    assert.equal(sha(first), issued.body.sha256);
    assert.equal(first.length, issued.body.size_bytes);
    const second = await getPdf(agent, `/api/reports/${draft.body.id}/pdf`);
    assert.ok(first.equals(second));

    const renamed = 'Umbenannte Organisation Ђорђе gGmbH';
    await db().updateTable('organisations').set({ name: renamed }).where('name', '=', data.fellowNames[0]).execute();
    const fellowship = await db().selectFrom('fellowships').select('id').where('cohort_id', '=', data.cohortId).executeTakeFirstOrThrow();
    await db().insertInto('disbursements').values({ fellowship_id: fellowship.id, label: 'Nachtrag', amount_cents: 77_700, status: 'paid' }).execute();

    const later = await getPdf(agent, `/api/reports/${draft.body.id}/pdf`);
    assert.equal(sha(later), issued.body.sha256);
    assert.ok(flat(pdfText(later)).includes(data.fellowNames[0]));
    const live = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    assert.ok(live.includes(renamed), 'the live report shows today’s data');
    assert.ok(!flat(pdfText(later)).includes(renamed), 'the frozen copy keeps the data of its day');

    const events = await db().selectFrom('audit_events').select(['action']).where('resource', '=', 'reports').orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['create', 'issue']);
  });

  it('keeps issued reports immutable: no edit, no delete, no second issue', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent } = await agentFor('admin');
    const draft = await agent.post('/api/reports').send({ cohort_id: cohort.id, kind: 'selection' }).expect(201);
    const issued = await agent.post(`/api/reports/${draft.body.id}/issue`).send({}).expect(200);
    const before = await databaseSnapshot();
    assert.equal((await agent.put(`/api/reports/${draft.body.id}`).send({ ...issued.body, title: 'Neu' })).status, 409);
    assert.equal((await agent.delete(`/api/reports/${draft.body.id}`)).status, 409);
    const again = await agent.post(`/api/reports/${draft.body.id}/issue`).send({});
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already_issued');
    assert.equal(await databaseSnapshot(), before);
  });

  it('lets staff edit and delete a draft', async () => {
    const cohort = await createEmptyCohort(db());
    const { agent } = await agentFor('staff');
    const draft = await agent.post('/api/reports').send({ cohort_id: cohort.id, kind: 'selection' }).expect(201);
    const updated = await agent.put(`/api/reports/${draft.body.id}`).send({ ...draft.body, kind: 'funding', title: 'Förderbericht Q3' }).expect(200);
    assert.equal(updated.body.kind, 'funding');
    assert.equal(updated.body.title, 'Förderbericht Q3');
    await agent.delete(`/api/reports/${draft.body.id}`).expect(200);
    await agent.get(`/api/reports/${draft.body.id}`).expect(404);
  });

  it('issues exactly once under concurrent issue calls', async function () {
    this.timeout(60_000);
    const data = await populateCohort(db(), { applications: 10, fellows: 2 });
    const { agent } = await agentFor('staff');
    const draft = await agent.post('/api/reports').send({ cohort_id: data.cohortId, kind: 'funding' }).expect(201);
    const results = await Promise.all(Array.from({ length: 6 }, () => agent.post(`/api/reports/${draft.body.id}/issue`).send({})));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await db().selectFrom('reports').select(['sha256', 'pdf']).where('id', '=', draft.body.id).executeTakeFirstOrThrow();
    assert.equal(stored.sha256, winner.body.sha256);
    assert.equal(sha(Buffer.from(stored.pdf!)), winner.body.sha256);
    const issues = await db().selectFrom('audit_events').select('id').where('resource', '=', 'reports').where('action', '=', 'issue').execute();
    assert.equal(issues.length, 1);
  });
});
