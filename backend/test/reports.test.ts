import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentFor, api, databaseSnapshot, db, type Agent } from './support/fixtures.ts';
import { CONFIDENTIAL_NOTE, createEmptyCohort, populateCohort } from './support/report-data.ts';
import { buildFunderReport } from '../src/reports/reports.pdf.ts';
import { cohortOutcomes } from '../src/outcomes/index.ts';
import { toBuffer } from '../src/reports/report-document.ts';
import { berlinDay, date, money, percent } from '../src/shared/format.ts';
import { label } from '../src/shared/labels.ts';
import {
  loadApplicationStats, loadCohort, loadFellows, loadFunderTranches, loadFunding, loadMilestones, loadWorkshops,
} from '../src/reports/reports.queries.ts';

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
    assert.ok(text.includes('Transferkonzept') && text.includes('Freigegeben – Stufe 2') && text.includes('Stufe 1 (Konzept)'), 'stage gate outcome');
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
    assert.ok(text.includes('Ranking und Entscheidungen') && text.includes(label('application_status', 'waitlisted')));
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
    const rankingPages = pages.filter((p) => /Rang\s+Organisation\s+Bewertungen\s+Normalisiert\s+\(z\)\s+Gewichtet\s+\(0–100\)\s+Entscheidung und\s+Begründung/.test(p));
    assert.ok(rankingPages.length >= 3, `ranking header on ${rankingPages.length} pages`);
    assert.ok(pages.at(-1)!.includes(`Seite ${pages.length} von ${pages.length}`));
    for (const name of data.applicationNames.slice(0, -1)) assert.ok(flat(pages.join(' ')).includes(name), name);
  });

  it('builds a report as a pure function of its data, without HTTP', async () => {
    const data = await populateCohort(db(), { applications: 14, fellows: 3 });
    const cohort = (await loadCohort(db(), data.cohortId))!;
    const [stats, fellows, funding, milestones, tranches, workshops] = await Promise.all([
      loadApplicationStats(db(), data.cohortId), loadFellows(db(), data.cohortId), loadFunding(db(), data.cohortId), loadMilestones(db(), data.cohortId),
      loadFunderTranches(db(), data.cohortId), loadWorkshops(db(), data.cohortId),
    ]);
    assert.equal(stats.submitted, data.submitted);
    assert.equal(fellows.reduce((s, f) => s + f.coaching_minutes, 0), data.coachingMinutes);
    assert.equal(funding.totals.paid_cents, data.tranches.paid);
    const pdf = await toBuffer(buildFunderReport({ cohort, stats, fellows, funding, milestones, tranches, workshops, granteeReports: [], outcomes: (await cohortOutcomes(db(), data.cohortId))!, surveys: [], generatedAt: new Date('2026-11-26T10:00:00Z') }));
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

/** Every word of a PDF with its page and box, as `pdftotext -bbox` reads it. */
interface Word { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }
function pdfWords(pdf: Buffer): Word[] {
  const file = join(dir, `w${++fileCounter}.pdf`);
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  html.split('<page ').slice(1).forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      words.push({ page: index + 1, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return words;
}

/** The PDF as `pdftotext -layout` lays it out (columns side by side, one table row per line). */
function layoutText(pdf: Buffer): string {
  const file = join(dir, `l${++fileCounter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Renders every page to PNG (pdftoppm) and returns the files: the PDF must render, page by page. */
function renderPages(pdf: Buffer, name: string): string[] {
  const out = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(out, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', join(out, `${name}.pdf`), join(out, 'page')]);
  return readdirSync(out).filter((f) => f.endsWith('.png')).sort().map((f) => join(out, f));
}

const pageCount = (pdf: Buffer) => Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]);

/**
 * What any sendable page must hold to: the running header is one line above its rule (never
 * wrapped into it), no date or amount is broken or parted from its € sign, no word is split.
 */
function assertTidy(words: Word[], label: string) {
  for (const w of words.filter((x) => x.page > 1 && x.yMin < 60)) {
    assert.ok(Math.abs(w.yMin - 34) < 1 && w.yMax < 48, `${label}: header word "${w.text}" on page ${w.page} leaves its line (y ${w.yMin}–${w.yMax})`);
  }
  words.forEach((w, i) => {
    assert.ok(!/^\d{2}\.\d{2}\.\d{1,3}$/.test(w.text), `${label}: a broken date "${w.text}" on page ${w.page}`);
    if (w.text === '€') {
      const before = words[i - 1];
      assert.ok(before && before.page === w.page && Math.abs(before.yMin - w.yMin) < 1 && /^-?[\d.]+,\d{2}$/.test(before.text), `${label}: € parted from its amount on page ${w.page} ("${before?.text}")`);
    }
  });
  for (const broken of ['Ausgezahl', 'Freigegebe', 'Organisatio', 'Bewertunge']) {
    assert.ok(!words.some((w) => w.text === broken), `${label}: "${broken}" is a word broken apart`);
  }
}

describe('reports tell the truth', () => {
  /** The cohort's money straight from the tables, independent of any query the reports use. */
  async function moneyFromTables(cohortId: number) {
    const granted = await db().selectFrom('fellowships').select((eb) => eb.fn.sum<number>('grant_cents').as('s')).where('cohort_id', '=', cohortId).executeTakeFirstOrThrow();
    const rows = await db()
      .selectFrom('disbursements as d')
      .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
      .select(['d.status', (eb) => eb.fn.sum<number>('d.amount_cents').as('s'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('f.cohort_id', '=', cohortId)
      .groupBy('d.status')
      .execute();
    const by = (status: string) => Number(rows.find((r) => r.status === status)?.s ?? 0);
    const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return {
      granted: Number(granted.s), planned: by('planned'), approved: by('approved'), paid: by('paid'), cancelled: by('cancelled'),
      counts: { planned: n('planned'), approved: n('approved'), paid: n('paid'), cancelled: n('cancelled') },
    };
  }

  it('funder.pdf states the funding overview of the console: same labels, same numbers, equal to the tables', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`);
    const layout = layoutText(pdf);
    const m = await moneyFromTables(data.cohortId);
    const overview = (await agent.get('/api/funding-overview').query({ cohort_id: String(data.cohortId) }).expect(200)).body.totals;
    assert.deepEqual(
      [overview.granted_cents, overview.planned_cents, overview.approved_cents, overview.paid_cents, overview.open_cents],
      [m.granted, m.planned, m.approved, m.paid, m.granted - m.paid],
    );
    // The table has the console's column labels, and its totals line the console's totals.
    assert.match(layout, /Organisation\s+Bewilligt\s+Geplant\s+Freigegeben\s+Ausgezahlt\s+Offen/);
    const totals = layout.split('\n').find((l) => /^\s*Summe \(\d+ Förderungen\)/.test(l))!;
    assert.ok(totals, 'totals line');
    assert.deepEqual(totals.match(/-?[\d.]+,\d{2} €/g), [m.granted, m.planned, m.approved, m.paid, m.granted - m.paid].map((c) => money(c)));
    assert.match(totals, new RegExp(`Summe \\(${data.selected} Förderungen\\)`));
    // "Geplant" means one thing: tranches not yet approved. Never the committed sum under that label.
    const committed = m.planned + m.approved + m.paid;
    assert.notEqual(committed, m.planned);
    assert.ok(!new RegExp(`Geplant[^\n]{0,40}${money(committed).replace(/[.$]/g, '\\$&')}`).test(layout), 'no "Geplant" next to the committed sum');
    assert.ok(layout.includes(money(m.planned)));
    // The summary page comes first, with the key numbers.
    const pages = layout.split('\f');
    assert.ok(pages[1].includes('Auf einen Blick'));
    for (const figure of [String(data.submitted), money(m.granted), money(m.paid), money(m.granted - m.paid)]) assert.ok(pages[1].includes(figure), `summary shows ${figure}`);
    // Every page renders; one per fellow plus cover, summary, funding and outlook.
    const pngs = renderPages(pdf, 'funder');
    assert.equal(pngs.length, pageCount(pdf));
    assert.ok(pngs.length >= data.selected + 4, `${pngs.length} pages`);
    for (const png of pngs) assert.ok(statSync(png).size > 1000, `${png} rendered`);
    assertTidy(pdfWords(pdf), 'funder.pdf');
  });

  it('funder.pdf prints the stage gate as it stands: an achieved concept without approval is not "achieved" in stage 1', async () => {
    const data = await populateCohort(db());
    const stage1 = await db().selectFrom('fellowships as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id').select(['f.id', 'o.name']).where('f.cohort_id', '=', data.cohortId).where('f.stage', '=', 1).orderBy('f.id').execute();
    const [pending, open] = stage1;
    await db().updateTable('milestones').set({ status: 'achieved', achieved_at: new Date() }).where('fellowship_id', '=', pending.id).where('kind', '=', 'transfer_concept').execute();
    const { agent } = await agentFor('staff');
    const pages = layoutText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)).split('\f');
    const pageOf = (name: string) => pages.find((p) => p.includes('Teilnahme und Coaching') && p.includes(name))!;
    const pendingPage = pageOf(pending.name);
    assert.ok(pendingPage.includes('Stufe 1 (Konzept)') && pendingPage.includes('Eingereicht, Freigabe ausstehend'));
    assert.ok(!/Transferkonzept[^\n]*Erreicht/.test(pendingPage), 'the concept row does not say achieved in stage 1');
    assert.ok(pageOf(open.name).includes('Offen'));
    const stage2 = await db().selectFrom('fellowships as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id').select('o.name').where('f.cohort_id', '=', data.cohortId).where('f.stage', '=', 2).executeTakeFirstOrThrow();
    assert.ok(pageOf(stage2.name).includes('Freigegeben – Stufe 2'));
  });

  it('funder.pdf never prints an internal note: milestone, coaching, interview, eligibility notes, reasons, payment references', async () => {
    const data = await populateCohort(db());
    const fellowships = await db().selectFrom('fellowships').select(['id', 'application_id']).where('cohort_id', '=', data.cohortId).execute();
    const notes = {
      milestone: 'INTERN-Meilenstein-Notiz: Geschäftsführung krank',
      interview: 'INTERN-Interview: Finanzierung wackelt',
      eligibility: 'INTERN-Prüfung: Bescheid knapp',
      reason: 'INTERN-Begründung der Jury',
    };
    for (const f of fellowships) {
      await db().updateTable('milestones').set({ note: notes.milestone }).where('fellowship_id', '=', f.id).execute();
      await db().updateTable('applications').set({ interview_notes: notes.interview, eligibility_note: notes.eligibility, decision_reason: notes.reason }).where('id', '=', f.application_id).execute();
    }
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    for (const note of [...Object.values(notes), CONFIDENTIAL_NOTE, 'OTA-2026-1']) assert.ok(!text.includes(note), `funder.pdf prints "${note}"`);
    assert.ok(!text.includes('INTERN'));
    assert.ok(text.includes(data.fellowNames[0]), 'the report itself is there');
  });

  it('funder.pdf looks ahead: open milestones, overdue ones, tranches still to pay and the next dates, from the database', async () => {
    const data = await populateCohort(db());
    const today = berlinDay(new Date());
    const fellowship = await db().selectFrom('fellowships').select('id').where('cohort_id', '=', data.cohortId).orderBy('id').executeTakeFirstOrThrow();
    const soon = new Date(Date.now() + 30 * 86_400_000);
    await db().insertInto('milestones').values({ fellowship_id: fellowship.id, title: 'Demo Day vor Sozialinvestoren', kind: 'demo_day', due_on: berlinDay(soon), status: 'open' }).execute();
    await db().insertInto('workshops').values({ cohort_id: data.cohortId, title: 'Abschluss-Barcamp', kind: 'barcamp', starts_at: soon, ends_at: new Date(soon.getTime() + 3_600_000), location: 'Leipzig' }).execute();
    const { agent } = await agentFor('staff');
    const pages = layoutText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)).split('\f').filter((p) => p.trim());
    const outlook = flat(pages.slice(pages.findIndex((p) => p.includes('Ausblick'))).join('\n'));
    const milestones = await db().selectFrom('milestones as m').innerJoin('fellowships as f', 'f.id', 'm.fellowship_id').select(['m.title', 'm.due_on', 'm.status']).where('f.cohort_id', '=', data.cohortId).execute();
    const upcoming = milestones.filter((m) => m.status === 'open' && m.due_on! >= today);
    const overdue = milestones.filter((m) => m.status === 'open' && m.due_on! < today);
    assert.ok(upcoming.length >= 1);
    assert.ok(outlook.includes(upcoming.length === 1 ? '1 offener Meilenstein steht an' : `${upcoming.length} offene Meilensteine stehen an`), outlook.slice(0, 300));
    for (const m of upcoming) assert.ok(outlook.includes(`${date(m.due_on)} `) && outlook.includes(m.title));
    if (overdue.length) assert.ok(outlook.includes(`${overdue.length} ${overdue.length === 1 ? 'ist' : 'sind'} überfällig`) && outlook.includes('Überfällige Meilensteine'));
    assert.ok(outlook.includes(`Der Demo Day vor Sozialinvestoren ist am ${date(berlinDay(soon))}`));
    const m = await moneyFromTables(data.cohortId);
    assert.ok(outlook.includes(`${m.counts.planned + m.counts.approved} Tranchen über ${money(m.planned + m.approved)}`));
    assert.ok(outlook.includes('Abschluss-Barcamp') && outlook.includes('Leipzig') && outlook.includes(date(soon)));
  });

  it('funding.pdf: every column fits its content, and its sums are the tables’ sums', async () => {
    const data = await populateCohort(db(), { name: 'openTransfer Accelerator 2026 – Jahrgang mit einem sehr langen Namen für die Kopfzeile' });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funding.pdf`);
    const layout = layoutText(pdf);
    const m = await moneyFromTables(data.cohortId);
    const line = (start: RegExp) => layout.split('\n').find((l) => start.test(l)) ?? '';
    for (const [labelText, status] of [['Geplant', 'planned'], ['Freigegeben', 'approved'], ['Ausgezahlt', 'paid'], ['Storniert', 'cancelled']] as const) {
      const row = line(new RegExp(`^\\s*${labelText}\\s+\\d+\\s+[\\d.]+,\\d{2} €\\s*$`));
      assert.ok(row, `status line ${labelText}`);
      assert.deepEqual(row.trim().split(/\s{2,}/), [labelText, String(m.counts[status]), money(m[status])]);
    }
    const all = m.planned + m.approved + m.paid + m.cancelled;
    assert.match(line(/^\s*Summe aller Tranchen/), new RegExp(`${tranchesCount(m)}\\s+${money(all).replace('.', '\\.')}`));
    assert.match(line(/^\s*Summe ohne Stornos/), new RegExp(money(m.planned + m.approved + m.paid).replace('.', '\\.')));
    const tranches = await db().selectFrom('disbursements as d').innerJoin('fellowships as f', 'f.id', 'd.fellowship_id').select(['d.due_on', 'd.amount_cents']).where('f.cohort_id', '=', data.cohortId).execute();
    const words = pdfWords(pdf);
    for (const t of tranches) assert.ok(words.some((w) => w.text === date(t.due_on)), `due date ${date(t.due_on)} whole`);
    assertTidy(words, 'funding.pdf');
    const pngs = renderPages(pdf, 'funding');
    assert.equal(pngs.length, pageCount(pdf));
  });

  it('selection.pdf renders every page and keeps its table tidy', async () => {
    const data = await populateCohort(db(), { applications: 60, fellows: 8 });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/selection.pdf`);
    const pngs = renderPages(pdf, 'selection');
    assert.equal(pngs.length, pageCount(pdf));
    assert.ok(pngs.length >= 4);
    assertTidy(pdfWords(pdf), 'selection.pdf');
  });
});

const tranchesCount = (m: { counts: Record<string, number> }) => Object.values(m.counts).reduce((a, b) => a + b, 0);

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
