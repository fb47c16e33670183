import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, seriousViolations, settle, sharedEnv, type BrowserEnv, type Lang } from './support/server.ts';

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const findings = await seriousViolations(page);
  assert.deepEqual(findings, [], `${screen}:\n${findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n')}`);
}

/**
 * The funder (issue 20): funder@example.org (Bertelsmann Stiftung, funds every demo cohort) lands
 * on the dashboard of its latest cohort, the list of issued reports, the outcomes and the surveys' results, downloads one report, has no
 * other menu entry, and an application's URL shows "not found". Its screens pass axe in German
 * and English. Screenshots: test-artifacts/funder-home-*.png.
 */
describe('funder: the dashboard of its cohorts and their issued reports, nothing else', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let reportTitle = '';
  let applicationId = 0;

  before(async () => {
    env = await sharedEnv();
    // The demo prepares reports as drafts; staff issue the funder report of a past cohort.
    const staff = await openAs(env, 'staff@example.org');
    const drafts = (await apiCall<any[]>(staff, 'GET', `reports?filter=${encodeURIComponent(JSON.stringify({ kind: 'funder' }))}`)).body;
    const report = drafts.find((r) => r.status === 'issued') ?? drafts[0];
    assert.ok(report, 'the demo has a prepared funder report');
    if (report.status !== 'issued') assert.equal((await apiCall(staff, 'POST', `reports/${report.id}/issue`, {})).status, 200);
    reportTitle = report.title;
    applicationId = (await apiCall<any[]>(staff, 'GET', 'applications')).body[0].id;
    await staff.context().close();
  });

  for (const lang of ['de', 'en'] as Lang[]) {
    it(`shows the funded cohort's figures and the issued report, with no other menu entry (${lang})`, async () => {
      const page = await openAs(env, 'funder@example.org', lang);
      const t = lang === 'de'
        ? { reports: 'Ausgestellte Berichte', outcomes: 'Wirkung', notFound: /nicht gefunden/i }
        : { reports: 'Issued reports', outcomes: 'Outcomes', notFound: /not found/i };
      await page.getByRole('heading', { name: t.reports }).waitFor();
      await page.getByRole('heading', { name: t.outcomes, exact: true }).waitFor();
      await page.getByTestId('outcomes-fellows').waitFor();
      await page.getByRole('link', { name: new RegExp(reportTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
      const menu = (await page.getByRole('menuitem').allTextContents()).map(plain).filter(Boolean);
      assert.equal(menu.length, 1, `only the home page in the menu: ${menu.join(', ')}`);
      await expectAccessible(page, `funder home (${lang})`);
      await screenshot(page, `funder-home-${lang}`);

      // The report link downloads the frozen PDF.
      const href = await page.getByRole('link', { name: new RegExp(reportTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().getAttribute('href');
      const pdf = await page.evaluate(async (url) => {
        const res = await fetch(url!, { credentials: 'include' });
        return { status: res.status, type: res.headers.get('content-type'), head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) };
      }, href);
      assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });

      // An application's page is not there for a funder, and the API says 404 as well.
      await go(page, `/applications/${applicationId}/show`);
      await page.getByText(t.notFound).first().waitFor();
      assert.equal((await apiCall(page, 'GET', `applications/${applicationId}`)).status, 404);
      await expectAccessible(page, `not found (${lang})`);
      await page.context().close();
    });
  }

  it('reads the results of its cohort’s surveys from three answers on, with the quotes staff chose (de)', async () => {
    const page = await openAs(env, 'funder@example.org');
    await page.getByRole('heading', { name: 'Umfragen', exact: true }).waitFor();
    // The cohort shown is the one in its programme year (else the newest); its surveys as the funder's API gives them.
    const cohorts = (await apiCall<any[]>(page, 'GET', 'cohorts')).body;
    const cohort = cohorts.find((c) => c.phase === 'programme') ?? [...cohorts].sort((a, b) => b.year - a.year)[0];
    const surveys = (await apiCall<any[]>(page, 'GET', `surveys?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohort.id }))}`)).body;
    assert.ok(surveys.every((s) => !('questions' in s)), 'no questions or answers in the funder’s list');
    let shown: { id: number; quote: string } | null = null;
    for (const s of surveys.filter((x) => x.response_count >= 3)) {
      const results = (await apiCall<any>(page, 'GET', `surveys/${s.id}/results`)).body;
      if (results.quotes.length) { shown = { id: s.id, quote: results.quotes[0].text }; break; }
    }
    assert.ok(shown, `the demo cohort ${cohort.name} has a survey with three answers and a quote`);
    await page.getByTestId(`funder-survey-${shown.id}`).getByRole('button').first().click();
    const results = page.getByTestId(`funder-survey-results-${shown.id}`);
    await results.waitFor();
    await results.getByText(/Mittelwert|NPS/).first().waitFor();
    await results.getByText(`„${shown.quote}“`).waitFor();
    assert.equal(await results.getByRole('button', { name: 'Als Zitat wählen' }).count(), 0, 'no quote picking for a funder');
    await expectAccessible(page, 'funder survey results (de)');
    await screenshot(page, 'funder-surveys-de');
    const few = surveys.find((x) => x.response_count < 3);
    if (few) {
      await page.getByTestId(`funder-survey-${few.id}`).getByRole('button').first().click();
      await page.getByText(`Noch zu wenige Antworten (${few.response_count} von mindestens 3).`).waitFor();
    }
    await expectAccessible(page, 'funder survey too few answers (de)');
    await page.context().close();
  });

  it('a funder of no cohort sees an empty home, and another funder’s cohort is 404', async () => {
    const page = await openAs(env, 'funder2@example.org');
    await page.getByText('Für Ihre Jahrgänge ist noch kein Bericht ausgestellt.').waitFor();
    const cohorts = (await apiCall<any[]>(page, 'GET', 'cohorts')).body;
    assert.deepEqual(cohorts, []);
    assert.equal((await apiCall(page, 'GET', `applications/${applicationId}`)).status, 404);
    await expectAccessible(page, 'empty funder home');
    await page.context().close();
  });
});
