import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,199]')}`;

/**
 * Bulk mail (issue 21): staff write a mailing to the current fellows, preview it for a chosen
 * recipient, send a test to themselves, send it after the dialog that names the count; the
 * organisation's "Kommunikation" tab lists the message; its unsubscribe link works without login.
 * Screenshots: test-artifacts/mailings-*.png.
 */
describe('mailings: write, preview, test and send; history and unsubscribe', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let staff: Page;
  let mailingId: number;

  before(async () => {
    env = await sharedEnv();
    staff = await openAs(env, 'staff@example.org');
  });
  after(async () => {
    await staff?.context().close();
  });

  it('staff write a mailing to the fellows with a merge field', async () => {
    await go(staff, '/mailings/create');
    await staff.getByLabel('Name').first().fill('Einladung Werkstatttag');
    await staff.getByLabel('Zielgruppe').click();
    await staff.getByRole('option', { name: 'Fellows', exact: true }).click();
    await staff.getByLabel('Betreff').fill('Werkstatttag für {{organisation}}');
    await staff.getByLabel('Text').fill('Liebe:r {{name}},\n\nwir laden zum Werkstatttag ein.');
    await staff.getByRole('button', { name: 'Speichern' }).click();
    const created = await until(async () => (await apiCall<any[]>(staff, 'GET', `mailings?${q({ q: 'Werkstatttag' })}`)).body[0]);
    mailingId = created.id;
    assert.deepEqual([created.status, created.audience.kind], ['draft', 'fellows']);
    await staff.getByTestId('mailing-preview').waitFor();
  });

  it('shows the recipients and the rendered message for a chosen recipient', async () => {
    await go(staff, `/mailings/${mailingId}/show`);
    const recipients = (await apiCall<any[]>(staff, 'GET', `mailings/${mailingId}/recipients?${q({})}`)).body;
    assert.ok(recipients.length >= 2, 'the demo has current fellows with logins');
    const list = staff.getByTestId('mailing-recipients');
    await list.getByText(recipients[0].email).first().waitFor();
    const second = recipients[1];
    await staff.getByLabel('Vorschau für').click();
    await staff.getByRole('option', { name: new RegExp(second.email.replace(/[.+]/g, '\\$&')) }).click();
    const preview = staff.getByTestId('mailing-preview');
    await until(async () => plain(await preview.getByTestId('preview-text').textContent()).startsWith(`Liebe:r ${second.name},`));
    assert.match(plain(await preview.getByTestId('preview-subject').textContent()), new RegExp(`^Werkstatttag für ${second.organisation_name.replace(/[.()]/g, '\\$&')}`));
    assert.match(plain(await preview.getByTestId('preview-text').textContent()), /Keine Rundschreiben mehr erhalten: http:\/\/localhost:3000\/#\/unsubscribe\?token=/);
    await settle(staff);
    await screenshot(staff, 'mailings-preview');
  });

  it('sends a test to the staff member, then the mailing once after the confirmation', async () => {
    await staff.getByRole('button', { name: 'Test an mich' }).click();
    await until(async () => (await apiCall<any[]>(staff, 'GET', `emails?${q({ template: 'mailing_test', to: 'staff@example.org' })}`)).body.length === 1);
    const count = (await apiCall<any[]>(staff, 'GET', `mailings/${mailingId}/recipients?${q({ mail_opt_out: false })}`)).body.length;
    await staff.getByRole('button', { name: 'Versenden' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText(`geht an ${count} Personen`, { exact: false }).waitFor();
    await screenshot(staff, 'mailings-send-confirm');
    await dialog.getByRole('button', { name: 'Versenden' }).click();
    const sent = await until(async () => {
      const m = (await apiCall<any>(staff, 'GET', `mailings/${mailingId}`)).body;
      return m.status === 'sent' && m;
    });
    assert.equal(sent.recipient_count, count);
    const messages = (await apiCall<any[]>(staff, 'GET', `emails?${q({ mailing_id: mailingId })}`)).body;
    assert.equal(messages.length, count);
    await staff.getByText('Versandt', { exact: true }).first().waitFor();
    // The dialog fades out; then no send button is left on a sent mailing.
    await until(async () => (await staff.getByRole('button', { name: 'Versenden' }).count()) === 0);
    // A second send (another tab) is refused and queues nothing.
    assert.equal((await apiCall(staff, 'POST', `mailings/${mailingId}/send`)).status, 409);
    assert.equal((await apiCall<any[]>(staff, 'GET', `emails?${q({ mailing_id: mailingId })}`)).body.length, count);
  });

  it('lists the message on the organisation\'s Kommunikation tab, and its unsubscribe link works without login', async () => {
    const message = (await apiCall<any[]>(staff, 'GET', `emails?${q({ mailing_id: mailingId })}`)).body[0];
    await go(staff, `/organisations/${message.organisation_id}/show/communication`);
    await staff.getByRole('tab', { name: 'Kommunikation' }).waitFor();
    await staff.getByText(message.subject).first().waitFor();
    await screenshot(staff, 'mailings-organisation-communication');

    const link = /http:\/\/localhost:3000\/(#\/unsubscribe\?token=\S+)/.exec(message.body)![1]!;
    const context = await env.browser.newContext({ locale: 'de-DE' });
    const visitor = await context.newPage();
    await visitor.goto(`${env.baseUrl}/${link}`);
    await visitor.getByTestId('unsubscribed').waitFor({ timeout: 30_000 });
    assert.match(plain(await visitor.getByTestId('unsubscribed').textContent()), /keine Rundschreiben mehr/);
    await screenshot(visitor, 'mailings-unsubscribed');
    await context.close();
    const recipients = (await apiCall<any[]>(staff, 'GET', `mailings/${mailingId}/recipients?${q({ id: message.user_id })}`)).body;
    assert.equal(recipients[0].mail_opt_out, true);
  });
});
