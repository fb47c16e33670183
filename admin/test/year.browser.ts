import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  apiCall, ARTIFACTS, ensureOpenCall, focusedName, go, linkFromOutbox, openAs, screenshot, seriousViolations, settle, sharedEnv, tabToElement, trackRequests, until,
  type BrowserEnv,
} from './support/server.ts';

const ORG = 'Nachbarschaftswerk Görlitz e.V.';
const EMAIL = 'kontakt@nachbarschaftswerk.example.org';
const PASSWORD = 'Ein-langes-Passwort-für-Görlitz';

/** Fails the step with the server's answer when an API call a screen relies on is refused. */
function ok<T>(res: { status: number; body: T }, what: string): T {
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function chooseOption(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/**
 * The whole year in a real browser, with a screenshot after each step (test-artifacts/year-*.png).
 * Screens do the work where a person would; the few staff steps without a screen of their own
 * (phase changes) go through the same API the console calls, from the staff member's session.
 */
describe('the accelerator year, end to end in the browser', function () {
  this.timeout(300_000);
  // Each step builds on the one before: after a failed step the rest are skipped. (Not mocha's
  // `bail`, which counts failures of the whole run, not of this suite.)
  let broken = false;
  beforeEach(function () {
    if (broken) this.skip();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') broken = true;
  });
  let env: BrowserEnv;
  let staff: Page;
  let cohortId: number;
  let applicationId: number;
  let fellowshipId: number;
  const jurors: Record<number, Page> = {};

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
    cohortId = await ensureOpenCall(staff);
  });
  after(async () => {
    for (const p of [staff, ...Object.values(jurors)]) await p?.context().close();
  });

  it('1. an organisation registers and confirms its e-mail address', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    trackRequests(page);
    await page.goto(`${env.baseUrl}/#/register`);
    await page.getByLabel('Ihr Name').fill('Jana Schröder');
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await page.getByLabel(/^Passwort/).fill(PASSWORD);
    await page.getByLabel('Name der Organisation').fill(ORG);
    await page.getByRole('button', { name: 'Registrieren' }).click();
    await page.getByText(/Fast geschafft/).waitFor();
    await screenshot(page, 'year-01-registered');
    const link = await linkFromOutbox(env, EMAIL, 'register/confirm');
    await page.goto(`${env.baseUrl}/${link}`);
    await page.getByText(/Konto ist aktiv/).waitFor();
    await context.close();
  });

  it('2. the organisation fills in its application and submits it before the deadline', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    trackRequests(page);
    await page.goto(`${env.baseUrl}/#/login`);
    await page.getByLabel(/E-Mail/).first().fill(EMAIL);
    await page.getByLabel(/Passwort/).first().fill(PASSWORD);
    await page.getByRole('button', { name: /Anmelden/ }).click();
    await page.getByRole('menuitem', { name: 'Meine Bewerbung' }).click();
    await page.getByRole('button', { name: 'Bewerbung beginnen' }).click();
    const project = page.getByLabel('Projektname', { exact: true });
    await project.waitFor();
    await settle(page);
    // The application form is one of the main screens: axe finds nothing serious, and the project
    // section is filled with the keyboard alone (Tab order, labels).
    const findings = await seriousViolations(page);
    assert.deepEqual(findings, [], findings.map((f) => `${f.impact} ${f.id}: ${f.targets.join(' ')}`).join('\n'));
    await tabToElement(page, project);
    await page.keyboard.type('Nachbarschaftsläden für den ländlichen Raum');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Kurzbeschreibung');
    await page.keyboard.type('Ehrenamtlich getragene Nachbarschaftsläden, die Versorgung und Begegnung in Dörfern sichern.');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Zielregionen');
    await page.keyboard.type('Sachsen, Brandenburg, Thüringen');
    await chooseOption(page, 'Rechtsform', 'e. V.');
    await page.getByLabel('Gemeinnützigkeit bestätigt').check();
    await page.getByLabel('Ort', { exact: true }).fill('Görlitz');
    await chooseOption(page, 'Bundesland', 'Sachsen');
    await chooseOption(page, 'Transfermodell', 'Social Franchise');
    await page.getByLabel('Skalierungsziele').fill('Zwanzig neue Läden in drei Bundesländern bis Ende 2028, mit einem Handbuch für Gründungsteams.');
    await page.getByLabel('Wirkungsnachweise').fill('Sieben Läden seit 2019, Befragung von 400 Kundinnen und Kunden, Evaluation durch die Hochschule Zittau/Görlitz.');
    await page.getByLabel('Beantragte Förderung').fill('60000');
    await page.getByLabel('Finanzplan').fill('40 % Personal für die Transferbegleitung, 30 % Handbuch und Schulungen, 30 % Reisekosten und Sachmittel.');
    await page.getByLabel('Team').fill('Zwei hauptamtliche Koordinatorinnen, zwölf Ehrenamtliche, ein Beirat aus drei Kommunen.');
    await page.getByLabel('Motivation').fill('Wir wollen, dass Dörfer ihre Nahversorgung selbst in die Hand nehmen können – überall.');
    await until(async () => {
      const mine = await apiCall<any[]>(page, 'GET', 'applications');
      return mine.body[0]?.motivation?.startsWith('Wir wollen') && mine.body[0]?.funding_requested_cents === 6_000_000 ? true : undefined;
    });
    await page.getByRole('button', { name: 'Bewerbung einreichen' }).click();
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    const received = page.getByText(/Ihre Bewerbung ist eingegangen/);
    await received.waitFor();
    // Submitting happens at the foot of the long form; the picture shows the confirmation.
    await received.scrollIntoViewIfNeeded();
    await screenshot(page, 'year-02-application-submitted');
    const mine = await apiCall<any[]>(page, 'GET', 'applications');
    assert.equal(mine.body[0].status, 'submitted');
    applicationId = mine.body[0].id;
    await context.close();
  });

  it('3. staff check the eligibility', async () => {
    await go(staff, `/applications/${applicationId}/show`);
    await staff.getByRole('button', { name: 'Förderfähigkeit prüfen' }).click();
    await staff.getByLabel('förderfähig', { exact: true }).check();
    await staff.getByRole('button', { name: 'Speichern' }).click();
    await staff.getByText('Prüfung gespeichert.').waitFor();
    await settle(staff);
    await screenshot(staff, 'year-03-eligible');
    assert.equal(ok(await apiCall(staff, 'GET', `applications/${applicationId}`), 'application').status, 'eligible');
  });

  it('4. after the deadline staff start the review and assign two jurors', async () => {
    // Time passes: the call closes (the deadline is a timestamp; the test moves it instead of waiting weeks).
    await env.handle.db.updateTable('cohorts').set({ application_closes_at: new Date(Date.now() - 60_000) }).where('id', '=', cohortId).execute();
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/transition`, { phase: 'review' }), 'start review');
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/assign-reviewers`, { per_application: 2 }), 'assign');
    const reviews = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId }))}`), 'reviews');
    assert.equal(reviews.length, 2);
    await go(staff, `/reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId }))}`);
    await screenshot(staff, 'year-04-jury-assigned');
  });

  it('5. a juror declares a conflict of interest, and the application goes to another juror', async () => {
    const assigned = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId }))}`), 'reviews');
    const jurorUser = ok(await apiCall<any>(staff, 'GET', `users/${assigned[0].juror_id}`), 'juror');
    const juror = await openAs(env, jurorUser.email);
    await go(juror, '/conflicts/create');
    await juror.getByLabel(/Organisation/).first().fill('Nachbarschaftswerk');
    await juror.getByRole('option', { name: new RegExp(ORG.slice(0, 20)) }).click();
    await juror.getByLabel(/Grund|Begründung/).first().fill('Ich war bis 2024 im Vorstand des Vereins.');
    await juror.getByRole('button', { name: /Speichern/ }).click();
    await juror.getByText(ORG).first().waitFor();
    await settle(juror);
    await screenshot(juror, 'year-05-conflict-declared');
    await juror.context().close();
    const afterConflict = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId }))}`), 'reviews');
    assert.equal(afterConflict.find((r) => r.juror_id === assigned[0].juror_id)?.status ?? 'conflict', 'conflict');
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/assign-reviewers`, { per_application: 2 }), 'reassign');
    const now = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId, status: 'assigned' }))}`), 'reviews');
    assert.equal(now.length, 2);
    assert.ok(!now.some((r) => r.juror_id === assigned[0].juror_id), 'the conflicted juror is never assigned');
  });

  it('6. the jurors score the application on the scoring screen and submit', async () => {
    const open = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId, status: 'assigned' }))}`), 'reviews');
    for (const [n, review] of open.entries()) {
      const jurorUser = ok(await apiCall<any>(staff, 'GET', `users/${review.juror_id}`), 'juror');
      const juror = await openAs(env, jurorUser.email);
      await go(juror, `/reviews/${review.id}`);
      const scores = juror.getByRole('spinbutton');
      await scores.first().waitFor();
      for (let i = 0; i < (await scores.count()); i++) await scores.nth(i).fill(String(n === 0 ? 5 : 4));
      await juror.getByLabel(n === 0 ? 'Ja, fördern' : 'Vielleicht').check();
      await juror.getByLabel('Gesamteindruck').fill('Überzeugendes Transfermodell mit belegter Wirkung.');
      await juror.getByRole('button', { name: 'Bewertung abgeben' }).click();
      await juror.getByRole('button', { name: 'Bestätigen' }).click();
      await juror.getByText('Bewertung abgegeben. Vielen Dank!').waitFor();
      if (n === 0) await screenshot(juror, 'year-06-review-submitted');
      await juror.context().close();
    }
    const done = ok(await apiCall<any[]>(staff, 'GET', `reviews?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId, status: 'submitted' }))}`), 'reviews');
    assert.equal(done.length, 2);
  });

  it('7. staff decide and finalise the selection; the organisation becomes a fellow', async () => {
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/transition`, { phase: 'selection' }), 'selection phase');
    ok(await apiCall(staff, 'POST', `applications/${applicationId}/shortlist`, {}), 'shortlist');
    ok(await apiCall(staff, 'POST', `applications/${applicationId}/decide`, { decision: 'selected', reason: 'Höchste gewichtete Punktzahl, klares Transfermodell.' }), 'decide');
    // Everyone else in this call is decided too (a draft never submitted is not in the selection).
    const others = ok(await apiCall<any[]>(staff, 'GET', `applications?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohortId, status: ['eligible', 'shortlisted'] }))}`), 'others');
    for (const a of others) ok(await apiCall(staff, 'POST', `applications/${a.id}/decide`, { decision: 'rejected', reason: 'Andere Bewerbungen passten besser.' }), 'reject');
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/finalize-selection`, {}), 'finalize');
    await go(staff, '/selection');
    // The board is its own chunk and loads its data after it arrives: the picture waits for the
    // board itself (the released selection, the seats, the fellow's row), not for a quiet page.
    await staff.getByText(/^Freigegeben am /).waitFor();
    await staff.getByText(/^\d+ von \d+ Plätzen vergeben/).waitFor();
    await staff.getByRole('row').filter({ hasText: ORG }).getByText(/^ausgewählt$/i).waitFor();
    await settle(staff);
    await screenshot(staff, 'year-07-selection-finalised');
    const fellowships = ok(await apiCall<any[]>(staff, 'GET', `fellowships?filter=${encodeURIComponent(JSON.stringify({ application_id: applicationId }))}`), 'fellowships');
    assert.equal(fellowships.length, 1);
    fellowshipId = fellowships[0].id;
    ok(await apiCall(staff, 'POST', `cohorts/${cohortId}/transition`, { phase: 'programme' }), 'programme phase');
  });

  it('8. a coach logs a coaching session', async () => {
    const coachUser = ok(await apiCall<any[]>(staff, 'GET', `users?filter=${encodeURIComponent(JSON.stringify({ email: 'coach1@example.org' }))}`), 'coach')[0]
      ?? ok(await apiCall<any[]>(staff, 'GET', `users?filter=${encodeURIComponent(JSON.stringify({ role: 'coach' }))}`), 'coach')[0];
    const fellowship = ok(await apiCall<any>(staff, 'GET', `fellowships/${fellowshipId}`), 'fellowship');
    ok(await apiCall(staff, 'PUT', `fellowships/${fellowshipId}`, { ...fellowship, coach_id: coachUser.id }), 'assign coach');
    const coach = await openAs(env, coachUser.email);
    await go(coach, '/coaching-sessions/create');
    await chooseOption(coach, 'Fellow auswählen', new RegExp(ORG.slice(0, 20)));
    await coach.getByLabel('Dauer (Minuten)').fill('90');
    await coach.getByLabel(/Themen/).first().fill('Transferhandbuch, Gründungsteams finden');
    await coach.getByRole('button', { name: 'Protokollieren' }).click();
    await coach.getByText('Sitzung protokolliert').first().waitFor();
    await settle(coach);
    await screenshot(coach, 'year-08-coaching-session');
    const sessions = ok(await apiCall<any[]>(coach, 'GET', `coaching-sessions?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`), 'sessions');
    assert.equal(sessions.length, 1);
    await coach.context().close();
  });

  it('9. staff record the signed agreement, plan a tranche, a second person approves it, and staff record the payment', async () => {
    // No tranche is approved before the grant agreement is signed (issue 19): staff enter the date
    // on the fellowship's agreement tab first.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    await go(staff, `/fellowships/${fellowshipId}/show/agreement`);
    await staff.getByTestId('agreement-panel').waitFor();
    await staff.getByTestId('agreement-signed-on').fill(today);
    await staff.getByTestId('agreement-panel').getByRole('button', { name: 'Speichern' }).click();
    await until(async () => (await apiCall<any>(staff, 'GET', `fellowships/${fellowshipId}`)).body.agreement_signed_on === today);

    const tranche = ok(
      await apiCall<any>(staff, 'POST', 'disbursements', { fellowship_id: fellowshipId, label: '1. Tranche', amount_cents: 1_000_000, due_on: new Date().toISOString().slice(0, 10) }),
      'plan tranche',
    );
    const second = await openAs(env, 'staff2@example.org');
    await go(second, `/disbursements?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`);
    const row = second.getByRole('row').filter({ hasText: '1. Tranche' });
    await row.getByRole('button', { name: 'Freigeben' }).click();
    // The confirmation names payee, masked IBAN and amount (admin/test/money.browser.ts checks them).
    await second.getByRole('dialog').getByRole('button', { name: 'Freigeben' }).click();
    await second.getByText('Tranche freigegeben.').waitFor();
    await settle(second);
    await screenshot(second, 'year-09-tranche-approved');
    await second.context().close();

    await go(staff, `/disbursements?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`);
    const paidRow = staff.getByRole('row').filter({ hasText: '1. Tranche' });
    await paidRow.getByRole('button', { name: 'Zahlung erfassen' }).click();
    await staff.getByLabel(/Zahlungsreferenz/).fill('OTA-2027-GOERLITZ-1');
    await staff.getByRole('dialog').getByRole('button', { name: 'Zahlung erfassen' }).click();
    await staff.getByText('Zahlung erfasst.').waitFor();
    await settle(staff);
    // Pressing the row's button scrolled the wide table to its actions; the picture shows it from the start.
    await staff.locator('.RaDataTable-tableWrapper').evaluateAll((boxes) => boxes.forEach((box) => box.scrollTo({ left: 0 })));
    await screenshot(staff, 'year-10-tranche-paid');
    const paid = ok(await apiCall<any>(staff, 'GET', `disbursements/${tranche.id}`), 'tranche');
    assert.equal(paid.status, 'paid');
    assert.notEqual(paid.approved_by, paid.created_by);
  });

  it('10. the funder report downloads as a PDF', async () => {
    await go(staff, '/reports');
    const link = staff.locator(`a[href="/api/reports/cohorts/${cohortId}/funder.pdf"]`);
    await link.waitFor();
    await screenshot(staff, 'year-11-reports');
    const res = await staff.request.get(`${env.baseUrl}${await link.getAttribute('href')}`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /application\/pdf/);
    const pdf = await res.body();
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(ARTIFACTS, 'year-funder-report.pdf'), pdf);
  });
});
