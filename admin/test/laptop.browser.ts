import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { login, screenshot, settle, sharedEnv, trackRequests, type BrowserEnv } from './support/server.ts';
import { routesOf, visit } from './support/screens.ts';

/** The staff laptop the issue names: 1366 × 768. */
const LAPTOP = { width: 1366, height: 768 };

async function signIn(env: BrowserEnv, email: string): Promise<Page> {
  const context = await env.browser.newContext({ viewport: LAPTOP, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  trackRequests(page);
  await login(page, env.baseUrl, email);
  await page.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
  await settle(page);
  return page;
}

/** A list screen: a resource's list or a page of its own (`/selection`), not a record or a form. */
const isListScreen = (route: string) => /^\/[^/]*$/.test(route) && !route.endsWith('/create');

/**
 * What breaks the layout at this width: the page itself scrolling sideways, the main content's
 * left edge lying under the fixed side menu (measured after scrolling the page as far right as it
 * goes, where content used to slide under the menu), and a table reaching past the window edge
 * with no box of its own to scroll it in.
 */
function layoutFindings(page: Page): Promise<string[]> {
  // No named function declarations inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const findings: string[] = [];
    const root = document.documentElement;
    const viewport = window.innerWidth;
    if (root.scrollWidth > viewport) findings.push(`the page scrolls sideways: ${root.scrollWidth} px in a ${viewport} px window`);
    window.scrollTo(root.scrollWidth, window.scrollY);
    // The menu's fixed box stays put while the page scrolls (its drawer paper scrolls along).
    const menu = document.querySelector('.RaSidebar-fixed') ?? document.querySelector('.RaSidebar-paper');
    const content = document.querySelector('.RaLayout-content');
    if (menu && content) {
      const menuRight = menu.getBoundingClientRect().right;
      const contentLeft = content.getBoundingClientRect().left;
      if (contentLeft < menuRight - 1) findings.push(`the content starts at ${Math.round(contentLeft)} px, under the menu (which ends at ${Math.round(menuRight)} px)`);
    }
    window.scrollTo(0, window.scrollY);
    for (const table of document.querySelectorAll('.RaLayout-content table')) {
      const rect = table.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= viewport + 1) continue;
      let scroller: Element | null = null;
      for (let a = table.parentElement; a && !scroller; a = a.parentElement) {
        const overflowX = getComputedStyle(a).overflowX;
        if ((overflowX === 'auto' || overflowX === 'scroll') && a.getBoundingClientRect().right <= viewport + 1) scroller = a;
      }
      const head = [...table.querySelectorAll('th')].map((th) => th.textContent?.trim()).filter(Boolean).slice(0, 4).join(' | ');
      if (!scroller) findings.push(`a table (${head}) reaches ${Math.round(rect.right)} px with no box that scrolls it`);
    }
    return findings;
  });
}

/** How wide the widest table of the screen is, and whether its own box scrolls it. */
function widestTable(page: Page): Promise<{ width: number; boxWidth: number; scrolls: boolean } | null> {
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('.RaLayout-content table')].sort((a, b) => b.scrollWidth - a.scrollWidth);
    const table = tables[0];
    if (!table) return null;
    const box = table.parentElement!;
    return { width: table.getBoundingClientRect().width, boxWidth: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto' };
  });
}

describe('staff and admin screens fit a 1366 px laptop: wide tables scroll in their own box', function () {
  this.timeout(600_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  for (const email of ['staff@example.org', 'admin@example.org']) {
    const role = email.split('@')[0];
    it(`${role}: no list screen scrolls sideways or slides under the menu`, async () => {
      const page = await signIn(env, email);
      const routes = (await routesOf(page, env.baseUrl)).filter(isListScreen);
      assert.ok(routes.length > 10, `list screens found for ${email}: ${routes.join(', ')}`);
      const findings: string[] = [];
      for (const route of routes) {
        const landed = await visit(page, route);
        for (const finding of await layoutFindings(page)) findings.push(`${landed}: ${finding}`);
      }
      await page.context().close();
      assert.deepEqual(findings, [], `too wide for 1366 px (${routes.length} list screens):\n${findings.join('\n')}`);
    });
  }

  it('staff: the tranche list is wider than the laptop and scrolls inside its own box, the menu stays whole', async () => {
    const page = await signIn(env, 'staff@example.org');
    await visit(page, '/disbursements');
    await page.locator('table tbody tr').first().waitFor();
    await settle(page);
    await screenshot(page, 'laptop-staff-disbursements');
    const table = await widestTable(page);
    assert.ok(table, 'the tranche list has a table');
    // The point of the test: this table does not fit, and it is the table's box that scrolls.
    assert.ok(table.width > table.boxWidth, `the tranche table (${table.width} px) fits its box (${table.boxWidth} px): nothing to prove`);
    assert.ok(table.scrolls, 'the tranche table’s own box scrolls sideways');
    const menuWidth = await page.evaluate(() => (document.querySelector('.RaSidebar-fixed') ?? document.querySelector('.RaSidebar-paper'))!.getBoundingClientRect().width);
    assert.ok(menuWidth >= 200, `the menu keeps its width (${menuWidth} px)`);
    // The row actions stay at the box's right edge, reachable without scrolling the table.
    const actions = page.locator('table tbody tr').first().locator('td').last();
    const [cell, box] = await Promise.all([actions.boundingBox(), page.locator('.RaDataTable-tableWrapper').first().boundingBox()]);
    assert.ok(cell && box && cell.x + cell.width <= box.x + box.width + 1 && cell.x >= box.x, `the row actions (${JSON.stringify(cell)}) lie inside the table's box (${JSON.stringify(box)})`);
    assert.deepEqual(await layoutFindings(page), []);
    await page.context().close();
  });
});
