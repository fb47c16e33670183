import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { agentFor, api, db } from './support/fixtures.ts';
import { populateCohort } from './support/report-data.ts';
import { addOutcomes, addSurveys } from './support/outcome-data.ts';
import { flat, getPdf, pageCount, pdfText, renderPages } from './support/pdf-text.ts';
import { cohortOutcomes, programmeComparison } from '../src/outcomes/index.ts';
import { cohortSurveyOutcomes } from '../src/surveys/index.ts';
import { axisTicks } from '../src/reports/charts.ts';
import { count, money, number } from '../src/shared/format.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const value = (v: number | null) => (v === null ? '–' : number(v, 'de', 2));
const signed = (v: number) => (v > 0 ? `+${number(v, 'de', 2)}` : v < 0 ? `−${number(-v, 'de', 2)}` : '0');

/** Dark pixels (grey < 200) of one page rendered in greyscale, and the page's pixel count. */
function inkOf(pdf: Buffer, page: number): { dark: number; pixels: number } {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-ink-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'r.pdf'), join(dir, 'page')]);
  const pgm = readFileSync(join(dir, 'page.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return { dark, pixels: pixels.length };
}

/** The 1-based page whose text contains `needle`. */
function pageWith(pdf: Buffer, needle: string): number {
  const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }).split('\f');
  const index = pages.findIndex((p) => flat(p).includes(needle));
  assert.ok(index >= 0, `no page with "${needle}"`);
  return index + 1;
}

describe('outcome PDFs (funder.pdf outcome story, programme.pdf)', () => {
  it('funder.pdf prints indicators baseline → latest per fellow and summed, exactly as cohortOutcomes and the values table have them', async () => {
    const data = await populateCohort(db(), { applications: 10, fellows: 4 });
    await addOutcomes(db(), data.cohortId, { indicators: 3, values: 4, sitesPerFellow: 2 });
    const note = 'VERTRAULICH-Korrektur-nach-Streit-im-Team';
    await db().updateTable('indicator_values').set({ note }).where('kind', '=', 'progress').execute();
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    assert.ok(!text.includes(note), 'a value’s note never reaches the funder');
    assert.ok(!text.includes('Standort 1.1'), 'no site names, only counts');
    const outcomes = (await cohortOutcomes(db(), data.cohortId))!;
    assert.equal(outcomes.indicators.length, 3);
    assert.ok(text.includes('Wirkung'));
    for (const indicator of outcomes.indicators) {
      // The module's sums are the table's own: Σ baseline values of the cohort's fellowships.
      const raw = await db().selectFrom('indicator_values').select(sql<string>`coalesce(sum(value), 0)`.as('s'))
        .where('indicator_id', '=', indicator.indicator_id).where('kind', '=', 'baseline').executeTakeFirstOrThrow();
      assert.equal(indicator.baseline_total, Number(raw.s), `${indicator.name}: the module's baseline sum is the table's`);
      assert.ok(text.includes(`${indicator.name} (${indicator.unit})`), indicator.name);
      assert.ok(
        text.includes(`Summe ${value(indicator.baseline_total)} ${value(indicator.latest_total)} ${signed(indicator.change)}`),
        `${indicator.name}: totals line Summe ${value(indicator.baseline_total)} ${value(indicator.latest_total)} ${signed(indicator.change)}`,
      );
      assert.ok(text.includes(`${value(indicator.baseline_total)} → ${value(indicator.latest_total)}`), `${indicator.name}: the chart prints its numbers`);
      assert.equal(indicator.per_fellow.length, 4);
      for (const f of indicator.per_fellow) {
        assert.ok(text.includes(`${f.organisation_name} ${value(f.baseline)} ${value(f.latest)} ${signed(f.change!)}`), `${indicator.name}: ${f.organisation_name}`);
      }
    }
  });

  it('funder.pdf prints the new transfer sites by Bundesland and status with the module’s counts', async () => {
    const data = await populateCohort(db(), { applications: 10, fellows: 5 });
    await addOutcomes(db(), data.cohortId, { indicators: 1, values: 2, sitesPerFellow: 3 });
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    const { sites } = (await cohortOutcomes(db(), data.cohortId))!;
    const direct = await db().selectFrom('transfer_sites as s').innerJoin('fellowships as f', 'f.id', 's.fellowship_id')
      .select(['s.state', 's.status']).where('f.cohort_id', '=', data.cohortId).execute();
    assert.equal(sites.totals.sites, direct.length);
    const withSites = sites.by_state.filter((r) => r.planned + r.preparing + r.active + r.closed > 0);
    assert.ok(withSites.length >= 3);
    for (const r of withSites) {
      assert.equal(r.active, direct.filter((d) => d.state === r.state && d.status === 'active').length);
      assert.ok(text.includes(`${r.state} ${count(r.active)} ${count(r.preparing)} ${count(r.planned)} ${count(r.closed)}`), `row ${r.state}`);
    }
    const t = sites.totals;
    assert.ok(text.includes(`Summe ${count(t.active)} ${count(t.preparing)} ${count(t.planned)} ${count(t.closed)}`), 'totals line');
    assert.ok(text.includes(`${count(sites.opened)} Transferstandorte eröffnet`) || text.includes(`Transferstandorte eröffnet`), 'key figure');
    const states = sites.by_state.filter((r) => r.planned + r.preparing + r.active + r.closed === 0).map((r) => r.state);
    assert.ok(states.length > 0);
    const chart = text.slice(text.indexOf('Neue Transferstandorte nach Bundesland'));
    for (const empty of states) assert.ok(!chart.slice(0, chart.indexOf('Summe')).includes(`${empty} `), `${empty} has no sites and no bar`);
  });

  it('funder.pdf shows satisfaction, NPS and the quotes staff chose, only for surveys with at least three answers', async () => {
    const data = await populateCohort(db(), { applications: 8, fellows: 3 });
    const planted = await addSurveys(db(), data.cohortId);
    const { agent } = await agentFor('staff');
    const text = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    const surveys = await cohortSurveyOutcomes(db(), data.cohortId);
    assert.deepEqual(surveys.map((s) => s.title), [planted.shown]);
    const [s] = surveys;
    assert.equal(s.response_count, 4);
    assert.equal(s.nps, 25, 'two promoters, one detractor of four');
    assert.ok(text.includes('Zufriedenheit und NPS'));
    assert.ok(text.includes(`${planted.shown} 15.05.2026 4 ${number(s.scale_mean, 'de', 2)} von 5 +25`), `survey row: ${number(s.scale_mean, 'de', 2)}`);
    assert.ok(text.includes(`„${planted.quote}“ – ${planted.shown}`), 'the chosen quote');
    assert.ok(!text.includes(planted.hidden), 'a survey with two answers is not shown');
    assert.ok(!text.includes('Mehr Zeit für Fragen wäre gut.'), 'a free text nobody chose is not printed');
  });

  it('an issued funder report keeps the outcome numbers of its day; the live one shows the new value', async () => {
    const data = await populateCohort(db(), { applications: 8, fellows: 3 });
    await addOutcomes(db(), data.cohortId, { indicators: 1, values: 2, sitesPerFellow: 1 });
    const { agent } = await agentFor('staff');
    const before = (await cohortOutcomes(db(), data.cohortId))!.indicators[0];
    const draft = await agent.post('/api/reports').send({ cohort_id: data.cohortId, kind: 'funder' }).expect(201);
    const issued = await agent.post(`/api/reports/${draft.body.id}/issue`).send({}).expect(200);

    const latest = await db().selectFrom('indicator_values').select(['id', 'value']).where('indicator_id', '=', before.indicator_id)
      .where('kind', '=', 'progress').orderBy('id').executeTakeFirstOrThrow();
    await db().updateTable('indicator_values').set({ value: String(Number(latest.value) + 1000) }).where('id', '=', latest.id).execute();
    const after = (await cohortOutcomes(db(), data.cohortId))!.indicators[0];
    assert.equal(after.latest_total, before.latest_total + 1000);

    const frozen = await getPdf(agent, `/api/reports/${draft.body.id}/pdf`);
    assert.equal(sha(frozen), issued.body.sha256);
    const frozenText = flat(pdfText(frozen));
    const live = flat(pdfText(await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`)));
    assert.ok(frozenText.includes(`Summe ${value(before.baseline_total)} ${value(before.latest_total)}`), 'the frozen copy keeps the old sum');
    assert.ok(!frozenText.includes(`Summe ${value(after.baseline_total)} ${value(after.latest_total)}`));
    assert.ok(live.includes(`Summe ${value(after.baseline_total)} ${value(after.latest_total)}`), 'the live report shows the new sum');
  });

  it('programme.pdf compares the cohorts of the years asked for with programmeComparison’s numbers, its charts drawn', async () => {
    for (const year of [2023, 2024, 2025]) {
      const c = await populateCohort(db(), { applications: 8, fellows: 3 + (year % 3), year, name: `Jahrgang ${year}` });
      await addOutcomes(db(), c.cohortId, { indicators: 2, values: 5, sitesPerFellow: 2 });
    }
    await populateCohort(db(), { applications: 5, fellows: 2, year: 2021, name: 'Jahrgang 2021' });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, '/api/reports/programme.pdf?from_year=2022&to_year=2025');
    const text = flat(pdfText(pdf));
    const comparison = await programmeComparison(db(), 2022, 2025);
    assert.deepEqual(comparison.cohorts.map((c) => c.cohort.name), ['Jahrgang 2023', 'Jahrgang 2024', 'Jahrgang 2025']);
    assert.ok(!text.includes('Jahrgang 2021'), 'a cohort outside the range is left out');
    for (const c of comparison.cohorts) {
      const line = `${c.cohort.name} ${count(c.fellows)} ${count(c.sites_opened)} ${count(c.sites_active)} ${count(c.follow_ups.values)} ${money(c.money.paid_total_cents)} ${money(c.money.per_active_site_cents)}`;
      assert.ok(text.includes(line), `row: ${line}`);
      const fellows = await db().selectFrom('fellowships').select(sql<number>`count(*)::int`.as('n')).where('cohort_id', '=', c.cohort.id).where('status', '!=', 'withdrawn').executeTakeFirstOrThrow();
      assert.equal(c.fellows, Number(fellows.n));
      c.indicators.forEach((totals) => {
        assert.ok(totals);
        assert.ok(text.includes(`${c.cohort.name} ${value(totals.baseline_total)} ${value(totals.latest_total)} ${signed(totals.change)}`), `${c.cohort.name} ${totals.name}`);
      });
    }
    const t = comparison.totals;
    assert.ok(text.includes(`Alle Jahrgänge ${count(t.fellows)} ${count(t.sites_opened)} ${count(t.sites_active)} ${count(t.follow_up_values)} ${money(t.paid_total_cents)} ${money(t.per_active_site_cents)}`), 'totals line');
    assert.ok(text.includes('Transferstandorte je Jahrgang') && text.includes('Fellows je Jahrgang'));

    const files = renderPages(pdf, 'programme');
    assert.equal(files.length, pageCount(pdf));
    const chartPage = pageWith(pdf, 'Fellows je Jahrgang');
    const ink = inkOf(pdf, chartPage);
    assert.ok(ink.dark > ink.pixels * 0.01, `the chart page has ink (${ink.dark} of ${ink.pixels} pixels)`);
    const blank = inkOf(pdf, pageCount(pdf));
    assert.ok(blank.dark > 0, 'every page renders something');
  });

  it('programme.pdf for years without cohorts is a PDF that says so', async () => {
    const { agent } = await agentFor('admin');
    const text = flat(pdfText(await getPdf(agent, '/api/reports/programme.pdf?from_year=1990&to_year=1992')));
    assert.ok(text.includes('Für die Programmjahre 1990–1992 gibt es keine Jahrgänge'));
  });

  it('programme.pdf refuses bad years with 400 and is for staff only', async () => {
    const { agent } = await agentFor('staff');
    for (const query of [
      {}, { from_year: '2024' }, { to_year: '2024' }, { from_year: 'abc', to_year: '2025' }, { from_year: '2024.5', to_year: '2025' },
      { from_year: '24', to_year: '2025' }, { from_year: '2026', to_year: '2025' }, { from_year: '2000', to_year: '2020' },
      { from_year: '2024', to_year: '2025', cohort_id: '1' }, { from_year: ['2024', '2025'], to_year: '2025' },
    ]) {
      const res = await agent.get('/api/reports/programme.pdf').query(query).expect(400);
      assert.equal(res.headers['content-type']?.startsWith('application/json'), true, JSON.stringify(query));
      assert.ok(res.body.message, JSON.stringify(query));
    }
    const twenty = await agent.get('/api/reports/programme.pdf').query({ from_year: '2001', to_year: '2020' }).buffer(true).expect(200);
    assert.equal(twenty.headers['content-type'], 'application/pdf');
    await api().get('/api/reports/programme.pdf?from_year=2024&to_year=2025').expect(401);
    for (const role of ['applicant', 'jury', 'coach'] as const) {
      const { agent: other } = await agentFor(role);
      await other.get('/api/reports/programme.pdf?from_year=2024&to_year=2025').expect(403);
    }
  });

  it('axis ticks are round numbers from 0 past the largest value', () => {
    assert.deepEqual(axisTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(axisTicks(100), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(axisTicks(0), [0, 1]);
    assert.deepEqual(axisTicks(2.3), [0, 0.5, 1, 1.5, 2, 2.5]);
    assert.deepEqual(axisTicks(2, { integers: true }), [0, 1, 2], 'counts: no step below 1');
  });
});
