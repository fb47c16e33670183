import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, ensureOpenCall, go, openAs, screenshot, settle, startBrowserEnv, until, type BrowserEnv } from './support/server.ts';
import { completeApplication } from '../../backend/test/support/call.ts';

/**
 * Issue 17, "nothing lost, nothing silently changed", in the applicant's form: the text survives
 * in-app navigation (reloaded from the server), a second tab's newer save is never overwritten
 * (409 → a notice, the typed text kept locally), a too-long paste is shown, not cut, and a server
 * field error lands on its field.
 */
describe('the application form keeps what was typed (issue 17)', function () {
  this.timeout(240_000);
  let env: BrowserEnv;
  let page: Page;
  let applicationId: number;
  before(async () => {
    env = await startBrowserEnv();
    const staff = await openAs(env, 'staff@example.org');
    const cohortId = await ensureOpenCall(staff);
    await staff.context().close();
    // A fresh organisation (no city and Bundesland yet: the submission will say so at those fields).
    const org = await env.handle.db.insertInto('organisations').values({ name: 'Formular-Test e.V.', legal_form: 'e_v', charitable_status: true, email: 'kontakt@formular.example.org' }).returning('id').executeTakeFirstOrThrow();
    const { password_hash } = await env.handle.db.selectFrom('users').select('password_hash').where('email', '=', 'applicant1@example.org').executeTakeFirstOrThrow();
    await env.handle.db.insertInto('users').values({ email: 'formular@example.org', name: 'Frieda Formular', role: 'applicant', organisation_id: org.id, password_hash }).execute();
    page = await openAs(env, 'formular@example.org');
    const created = await apiCall(page, 'POST', 'applications', { cohort_id: cohortId, ...completeApplication });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    applicationId = created.body.id;
  });
  after(async () => {
    await env?.close();
  });

  const summary = (p: Page) => p.getByRole('textbox', { name: 'Kurzbeschreibung' });
  const savedOnServer = async (p: Page, text: string) =>
    until(async () => (await apiCall(p, 'GET', `applications/${applicationId}`)).body.summary === text, 20_000);

  it('keeps typed text across in-app navigation, loaded from the server', async () => {
    await go(page, '/application');
    const text = 'Lesepaten begleiten Kinder – Fassung nach dem Umbau des Formulars.';
    await summary(page).fill(text);
    await page.getByText(/Entwurf gespeichert um/).waitFor({ timeout: 20_000 });
    await savedOnServer(page, text);
    await go(page, '/');
    // While away, the server's copy moves on (as a save from elsewhere would): the form must show it.
    const record = (await apiCall(page, 'GET', `applications/${applicationId}`)).body;
    const newer = `${text} Ergänzt.`;
    assert.equal((await apiCall(page, 'PUT', `applications/${applicationId}`, { ...record, summary: newer })).status, 200);
    await go(page, '/application');
    await until(async () => (await summary(page).inputValue()) === newer, 20_000);
    // Leaving before the save went out: the text comes back on entry and is saved then.
    const quick = `${newer} Schnell getippt.`;
    await summary(page).fill(quick);
    await go(page, '/');
    await go(page, '/application');
    await until(async () => (await summary(page).inputValue()) === quick, 20_000);
    await savedOnServer(page, quick);
    assert.equal(await page.getByTestId('conflict').count(), 0);
  });

  it('shows the conflict when a second tab saved first, and keeps the text typed here', async () => {
    const second = await page.context().newPage();
    await second.goto(`${env.baseUrl}/#/application`);
    await settle(second);
    await summary(second).fill('Fassung aus dem zweiten Tab.');
    await second.getByText(/Entwurf gespeichert um/).waitFor({ timeout: 20_000 });
    await savedOnServer(second, 'Fassung aus dem zweiten Tab.');

    await page.bringToFront();
    await summary(page).fill('Fassung aus dem ersten Tab, auf alter Grundlage.');
    const notice = page.getByTestId('conflict');
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /inzwischen an anderer Stelle geändert/);
    await screenshot(page, 'applicant-form-conflict');
    // Nothing overwritten on the server.
    assert.equal((await apiCall(page, 'GET', `applications/${applicationId}`)).body.summary, 'Fassung aus dem zweiten Tab.');
    await page.getByRole('button', { name: /Neu laden/ }).click();
    await until(async () => (await summary(page).inputValue()) === 'Fassung aus dem zweiten Tab.', 20_000);
    // The text typed here is kept in this browser; taking it over is a deliberate, new save.
    await page.getByTestId('kept').waitFor();
    await page.getByRole('button', { name: 'Meinen Text übernehmen' }).click();
    assert.equal(await summary(page).inputValue(), 'Fassung aus dem ersten Tab, auf alter Grundlage.');
    await savedOnServer(page, 'Fassung aus dem ersten Tab, auf alter Grundlage.');
    await second.close();
  });

  it('shows a too-long paste with the counter and the field error, without cutting it', async () => {
    await summary(page).fill('x'.repeat(2500));
    assert.equal((await summary(page).inputValue()).length, 2500, 'the input does not cut the text');
    const field = page.locator('.MuiFormControl-root').filter({ has: summary(page) });
    await field.getByText('Höchstens 2000 Zeichen.').waitFor();
    assert.match(await field.getByTestId('counter').innerText(), /2\.500 \/ 2\.000 Zeichen/);
    assert.equal(await summary(page).getAttribute('aria-invalid'), 'true');
    // Not sent: the server still has the last valid text.
    await page.waitForTimeout(2500);
    assert.equal((await apiCall(page, 'GET', `applications/${applicationId}`)).body.summary, 'Fassung aus dem ersten Tab, auf alter Grundlage.');
    await summary(page).fill(completeApplication.summary);
    await savedOnServer(page, completeApplication.summary);
  });

  it('puts a field error the server finds on its field', async () => {
    await page.getByRole('button', { name: 'Bewerbung einreichen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Bestätigen|Ja/ }).click();
    const city = page.locator('.MuiFormControl-root').filter({ has: page.getByRole('textbox', { name: 'Ort' }) });
    await city.getByText('Bitte den Ort angeben.').waitFor({ timeout: 20_000 });
    await screenshot(page, 'applicant-form-server-error');
  });

  it('shows the counter from the shared schema on the react-admin organisation form too', async () => {
    const me = await apiCall(page, 'GET', 'auth/me');
    await go(page, `/organisations/${me.body.organisation_id}`);
    const name = page.locator('.MuiFormControl-root').filter({ has: page.getByRole('textbox', { name: /^Name/ }) });
    await screenshot(page, 'applicant-organisation-counter');
    await name.getByText('18 / 300 Zeichen').waitFor({ timeout: 20_000 });
  });
});
