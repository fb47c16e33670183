import assert from 'node:assert/strict';
import { apiCall, go, openAs, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

/**
 * Issue 17 for the organisation profile: two tabs edit the same profile; the second save, based
 * on the older version, is refused with the server's German notice, and the text typed in that
 * tab stays in the form (nothing lost, nothing overwritten).
 */
describe('the organisation profile is never overwritten by an older copy (issue 17)', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  it('shows the conflict in the tab that saved second and keeps its typed text', async () => {
    const first = await openAs(env, 'applicant2@example.org');
    const organisationId = (await apiCall(first, 'GET', 'auth/me')).body.organisation_id as number;
    const second = await first.context().newPage();
    await second.goto(`${env.baseUrl}/#/organisations/${organisationId}`);
    await settle(second);
    await go(first, `/organisations/${organisationId}`);
    const description = (page: typeof first) => page.getByRole('textbox', { name: /^Beschreibung/ });
    await description(first).waitFor();
    await description(second).waitFor();

    // The first tab starts typing; meanwhile the second tab saves.
    const typed = 'Fassung aus dem ersten Tab, auf alter Grundlage.';
    await description(first).fill(typed);
    await second.bringToFront();
    await description(second).fill('Fassung aus dem zweiten Tab.');
    await second.getByRole('button', { name: /Speichern/ }).click();
    await until(async () => (await apiCall(second, 'GET', `organisations/${organisationId}`)).body.description === 'Fassung aus dem zweiten Tab.');

    await first.bringToFront();
    assert.equal(await description(first).inputValue(), typed);
    await first.getByRole('button', { name: /Speichern/ }).click();
    const notice = first.getByTestId('conflict');
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /inzwischen an anderer Stelle geändert/);
    await screenshot(first, 'organisation-conflict');
    assert.equal(await description(first).inputValue(), typed);
    assert.equal((await apiCall(first, 'GET', `organisations/${organisationId}`)).body.description, 'Fassung aus dem zweiten Tab.');
    await first.context().close();
  });
});
