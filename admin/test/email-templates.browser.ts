import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/**
 * E-mail templates (issue 21): staff open the German receipt, edit the subject and see the live
 * preview follow, try to save an unknown merge field and read the error naming it, save a valid
 * text, and reset the template to the shipped text. Then the account page switches the language of
 * the console and of the account. Screenshots: test-artifacts/email-templates-*.png.
 */
describe('e-mail templates: edit with live preview, refuse an unknown field, reset; the account language', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;
  let template: { id: number; subject: string; body: string };

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
    template = (await apiCall<any[]>(staff, 'GET', `email-templates?${q({ key: 'application_received', locale: 'de' })}`)).body[0];
  });
  after(async () => {
    if (template) await apiCall(staff, 'POST', `email-templates/${template.id}/reset`);
    await staff?.context().close();
  });

  it('lists every message with its German and English version', async () => {
    await go(staff, '/email-templates');
    const row = staff.locator('tr[data-key="application_received"]');
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, /Eingangsbestätigung der Bewerbung/);
    assert.match(text, /Eingangsbestätigung Ihrer Bewerbung/);
    assert.match(text, /We have received your application/);
    await screenshot(staff, 'email-templates-list');
  });

  it('edits the subject and the preview follows; an unknown field is refused with its name', async () => {
    await staff.locator('tr[data-key="application_received"]').getByRole('link', { name: /Eingangsbestätigung Ihrer Bewerbung/ }).click();
    const preview = staff.getByTestId('preview-subject');
    await preview.waitFor({ timeout: 30_000 });
    assert.match((await preview.textContent()) ?? '', /^Eingangsbestätigung Ihrer Bewerbung: /);
    const subject = staff.getByLabel('Betreff');
    await subject.fill('Danke für „{{project_name}}“');
    await until(async () => /^Danke für „.+“$/.test((await preview.textContent()) ?? ''));

    const body = staff.getByLabel('Text', { exact: true });
    await body.fill(`${template.body}\n{{vorname}}`);
    await staff.getByTestId('preview-error').filter({ hasText: '{{vorname}}' }).waitFor();
    await staff.getByRole('button', { name: 'Speichern' }).click();
    await staff.getByText(/Unbekanntes Feld \{\{vorname\}\}/).first().waitFor();
    await screenshot(staff, 'email-templates-unknown-field');
    assert.equal((await apiCall<any>(staff, 'GET', `email-templates/${template.id}`)).body.subject, template.subject, 'nothing was saved');

    await body.fill(template.body);
    await staff.getByRole('button', { name: 'Speichern' }).click();
    await until(async () => (await apiCall<any>(staff, 'GET', `email-templates/${template.id}`)).body.subject === 'Danke für „{{project_name}}“');
    await settle(staff);
    await screenshot(staff, 'email-templates-edit');
  });

  it('resets the template to the shipped text after a confirmation', async () => {
    await staff.getByRole('button', { name: 'Auf Auslieferungstext zurücksetzen' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: /Auf Auslieferungstext zurücksetzen|Bestätigen/ }).click();
    await until(async () => (await apiCall<any>(staff, 'GET', `email-templates/${template.id}`)).body.subject === template.subject);
    await until(async () => (await staff.getByLabel('Betreff').inputValue()) === template.subject);
  });

  it('the account page sets the language of the console and of the account', async () => {
    const page = await openAs(env, 'coach1@example.org');
    await go(page, '/account');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    assert.equal((await apiCall<any>(page, 'GET', 'auth/me')).body.locale, 'en');
    await page.getByRole('radio', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
    assert.equal((await apiCall<any>(page, 'GET', 'auth/me')).body.locale, 'de');
    await page.context().close();
  });
});
