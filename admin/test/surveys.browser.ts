import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, login, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,199]')}`;
const TITLE = 'Zwischenbilanz Peer-Gruppen';

/**
 * Surveys (issue 20): staff create a survey for the current cohort with the questions editor; the
 * fellow (applicant4, demo year) finds it on "Mein Programm" on a 390 px phone, answers it, and
 * sees it marked as answered; the results stay hidden under three answers. Screenshots:
 * test-artifacts/surveys-*.png.
 */
describe('surveys: staff create a survey, the fellow answers it on a phone', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;
  let fellow: Page;
  let surveyId: number;

  before(async () => {
    env = await sharedEnv();
    staff = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await login(staff, env.baseUrl, 'staff@example.org');
    await staff.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
    const phone = await env.browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin',
    });
    fellow = await phone.newPage();
    await login(fellow, env.baseUrl, 'applicant4@example.org');
    await fellow.waitForFunction(() => (window as any).__consoleScreens, undefined, { timeout: 30_000 });
  });
  after(async () => {
    await staff?.context().close();
    await fellow?.context().close();
  });

  it('staff create a survey with a scale and a free-text question', async () => {
    const fellowships = (await apiCall<any[]>(fellow, 'GET', `fellowships?${q({})}`)).body;
    const cohortName = fellowships.find((f) => f.status === 'active')?.cohort_name ?? fellowships[0].cohort_name;
    await go(staff, '/surveys/create');
    await staff.getByLabel('Jahrgang').click();
    await staff.getByRole('option', { name: cohortName, exact: true }).click();
    await staff.getByLabel('Titel').fill(TITLE);
    await staff.locator('[name="questions.0.key"]').fill('nutzen');
    await staff.locator('[name="questions.0.label"]').fill('Wie hilfreich sind die Peer-Gruppen?');
    await staff.locator('form').getByRole('button', { name: 'Neu' }).click();
    await staff.locator('[name="questions.1.key"]').fill('wunsch');
    await staff.locator('[name="questions.1.label"]').fill('Was wünschen Sie sich für die Peer-Gruppen?');
    // The type's select: the hidden input's visible combobox next to it.
    await staff.locator('[name="questions.1.type"]').locator('..').getByRole('combobox').click();
    await staff.getByRole('option', { name: 'Freitext' }).click();
    await screenshot(staff, 'surveys-staff-create');
    await staff.getByRole('button', { name: 'Speichern' }).click();
    const created = await until(async () => (await apiCall<any[]>(staff, 'GET', `surveys?${q({ title: TITLE })}`)).body[0]);
    surveyId = created.id;
    assert.deepEqual(created.questions.map((x: any) => [x.key, x.type]), [['nutzen', 'scale_1_5'], ['wunsch', 'text']]);
    assert.deepEqual([created.kind, created.anonymous, created.state], ['custom', true, 'open']);
    await staff.getByTestId('results-hidden').waitFor({ timeout: 30_000 });
  });

  it('the fellow answers it on the programme page at 390 px and sees it answered', async () => {
    await go(fellow, '/my-programme');
    const card = fellow.getByTestId('open-surveys');
    await card.waitFor({ timeout: 30_000 });
    const row = card.getByRole('listitem').filter({ hasText: TITLE });
    await row.getByRole('link', { name: 'Antworten' }).click();
    await fellow.getByTestId('question-nutzen').getByRole('button', { name: '4', exact: true }).click();
    await fellow.getByLabel('Was wünschen Sie sich für die Peer-Gruppen?').fill('Mehr Zeit für Fallberatung');
    await settle(fellow);
    await screenshot(fellow, 'surveys-fellow-answer-390');
    const width = await fellow.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    assert.ok(width.scroll <= width.client + 1, `the answer form scrolls sideways at 390 px: ${width.scroll} px in ${width.client} px`);
    await fellow.getByRole('button', { name: 'Antworten absenden' }).click();
    await until(async () => (await apiCall<any>(fellow, 'GET', `surveys/${surveyId}`)).body.answered === true);
    await fellow.waitForURL(/my-programme/);
    await card.getByRole('listitem').filter({ hasText: TITLE }).getByText('Beantwortet').waitFor();
    await screenshot(fellow, 'surveys-fellow-home-390');
    // A second answer is refused by the server, whatever the console shows.
    const again = await apiCall<any>(fellow, 'POST', 'survey-responses', { survey_id: surveyId, answers: { nutzen: 2 } });
    assert.deepEqual([again.status, again.body.code], [409, 'already_answered']);
    // One answer: the results stay hidden for staff.
    const results = await apiCall<any>(staff, 'GET', `surveys/${surveyId}/results`);
    assert.deepEqual([results.status, results.body.code], [409, 'too_few_responses']);
  });

  it('staff read the results of last year\'s NPS with charts and pick a quote from the free texts', async () => {
    const [nps] = (await apiCall<any[]>(staff, 'GET', `surveys?${q({ kind: 'programme_nps' })}&sort=${encodeURIComponent('["opens_at","ASC"]')}`)).body
      .filter((s) => s.state === 'closed' && s.response_count >= 3)
      .slice(-1);
    assert.ok(nps, 'the demo has a closed programme NPS with answers');
    const quotes = () => apiCall<any[]>(staff, 'GET', `survey-quotes?${q({ survey_id: nps.id })}`).then((r) => r.body);
    const before = await quotes();
    await go(staff, `/surveys/${nps.id}/show`);
    await staff.getByTestId('survey-results').waitFor({ timeout: 30_000 });
    const npsCard = staff.getByTestId('result-empfehlung');
    await npsCard.getByText(/^NPS [+-]?\d+$/).waitFor();
    await npsCard.locator('svg').first().waitFor();
    await staff.getByTestId('result-botschaft').getByRole('button', { name: 'Als Zitat wählen' }).first().click();
    await until(async () => (await quotes()).length === before.length + 1);
    await staff.getByTestId('survey-quotes').getByRole('listitem').nth(before.length).waitFor();
    await settle(staff);
    await screenshot(staff, 'surveys-staff-results');
  });
});

