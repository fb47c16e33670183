import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiCall, go, login, screenshot, settle, sharedEnv, until, type BrowserEnv } from './support/server.ts';

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,199]')}`;

/**
 * Transfer sites (issue 20): the fellow (applicant4, demo year) adds a site on "Mein Programm" on a
 * 390 px phone and moves it forward, and the page never scrolls sideways; staff see the chart by
 * Bundesland above the list. Screenshots: test-artifacts/transfer-sites-*.png.
 */
describe('transfer sites: the fellow adds and moves a site at 390 px; staff see the chart', function () {
  this.timeout(300_000);
  let env: BrowserEnv;
  let fellow: Page;

  before(async () => {
    env = await sharedEnv();
    const context = await env.browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin',
    });
    fellow = await context.newPage();
    await login(fellow, env.baseUrl, 'applicant4@example.org');
    await fellow.waitForFunction(() => (window as any).__consoleScreens, undefined, { timeout: 30_000 });
    await settle(fellow);
  });
  after(async () => {
    await fellow?.context().close();
  });

  it('the fellow adds a site on the programme page and moves it to preparing', async () => {
    await go(fellow, '/my-programme');
    const panel = fellow.getByTestId('transfer-sites-panel');
    await panel.waitFor();
    await settle(fellow);
    const before = (await apiCall<any[]>(fellow, 'GET', `transfer-sites?${q({})}`)).body;
    await panel.getByRole('button', { name: 'Standort hinzufügen' }).click();
    await fellow.getByTestId('site-name').fill('Lernpaten Görlitz');
    await fellow.getByTestId('site-city').fill('Görlitz');
    await panel.getByLabel('Bundesland').click();
    await fellow.getByRole('option', { name: 'Sachsen', exact: true }).click();
    await panel.getByLabel('Transfermodell').click();
    await fellow.getByRole('option', { name: 'Social Franchise' }).click();
    await panel.getByRole('button', { name: 'Standort speichern' }).click();
    const created = await until(async () => (await apiCall<any[]>(fellow, 'GET', `transfer-sites?${q({ name: 'Lernpaten Görlitz' })}`)).body[0]);
    assert.deepEqual([created.city, created.state, created.status, created.transfer_model], ['Görlitz', 'Sachsen', 'planned', 'social_franchise']);
    assert.equal((await apiCall<any[]>(fellow, 'GET', `transfer-sites?${q({})}`)).body.length, before.length + 1);

    const row = panel.getByTestId('transfer-site').filter({ hasText: 'Lernpaten Görlitz' });
    await row.waitFor();
    assert.match(plain(await row.textContent()), /Geplant.*Görlitz · Sachsen/);
    await row.getByRole('button', { name: 'Weiter: In Vorbereitung' }).click();
    await until(async () => (await apiCall<any>(fellow, 'GET', `transfer-sites/${created.id}`)).body.status === 'preparing');
    await row.getByText('In Vorbereitung', { exact: true }).waitFor();
    await settle(fellow);
    await screenshot(fellow, 'transfer-sites-fellow-390');
    const width = await fellow.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    assert.ok(width.scroll <= width.client + 1, `the programme page scrolls sideways at 390 px: ${width.scroll} px in ${width.client} px`);

    // The list of the fellow's sites (menu "Transferstandorte") fits the phone as well.
    await go(fellow, '/transfer-sites');
    await fellow.getByText('Lernpaten Görlitz').first().waitFor();
    const listWidth = await fellow.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    assert.ok(listWidth <= 391, `the list scrolls sideways at 390 px: ${listWidth} px`);
    await screenshot(fellow, 'transfer-sites-fellow-list-390');
  });

  it('staff see the sites by Bundesland and status above the list', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const staff = await context.newPage();
    await login(staff, env.baseUrl, 'staff@example.org');
    await staff.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
    await go(staff, '/transfer-sites');
    const chart = staff.getByTestId('transfer-site-chart');
    await chart.waitFor({ timeout: 30_000 });
    await settle(staff);
    const summary = (await apiCall<any>(staff, 'GET', 'transfer-sites/summary')).body;
    assert.ok(summary.totals.sites > 0, 'the demo year has transfer sites');
    assert.match(plain(await chart.textContent()), new RegExp(`${summary.totals.sites} Standorte · ${summary.totals.active} aktiv`));
    assert.ok(summary.totals.states_with_active >= 3, 'the demo sites are spread over several Bundesländer');
    await screenshot(staff, 'transfer-sites-staff-chart');

    // The fellowship page's tab lists its sites.
    const site = (await apiCall<any[]>(staff, 'GET', `transfer-sites?${q({ status: 'active' })}`)).body[0];
    const ofFellowship = (await apiCall<any[]>(staff, 'GET', `transfer-sites?${q({ fellowship_id: site.fellowship_id })}`)).body;
    await go(staff, `/fellowships/${site.fellowship_id}/show/sites`);
    const panel = staff.getByTestId('transfer-sites-panel');
    await panel.waitFor();
    await until(async () => (await panel.getByTestId('transfer-site').count()) === ofFellowship.length);
    for (const s of ofFellowship) assert.ok(plain(await panel.textContent()).includes(s.name), s.name);
    await context.close();
  });
});
