import assert from 'node:assert/strict';
import { login, screenshot, startBrowserEnv, type BrowserEnv } from './support/server.ts';

describe('console in a real browser', function () {
  this.timeout(120_000);
  let env: BrowserEnv;
  before(async () => {
    env = await startBrowserEnv();
  });
  after(async () => {
    await env?.close();
  });

  it('logs staff in and shows the organisations list', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, env.baseUrl, 'staff@example.org');
    await page.goto(`${env.baseUrl}/#/organisations`);
    await page.getByText('Ankommen in Brandenburg e.V.').waitFor({ timeout: 20_000 });
    await page.getByPlaceholder('Suchen').fill('bürger');
    await page.getByText('Lesewelt Bürgerstiftung e.V.').waitFor({ timeout: 20_000 });
    await screenshot(page, '01-organisations');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
