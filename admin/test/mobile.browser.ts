import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { login, screenshot, settle, sharedEnv, trackRequests, type BrowserEnv } from './support/server.ts';
import { routesOf, visit } from './support/screens.ts';

/** A phone as applicants and jurors hold it: 390 × 844 CSS pixels, touch, the page's own viewport tag. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The staff laptop the issue names: 1366 × 768. */
const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };

async function signIn(env: BrowserEnv, email: string, device: BrowserContextOptions): Promise<Page> {
  const context = await env.browser.newContext({ ...device, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  trackRequests(page);
  await login(page, env.baseUrl, email);
  // On a phone the menu is a closed drawer, so the signed-in console is recognised by its screen list.
  await page.waitForFunction(() => (window as any).__consoleScreens, undefined, { timeout: 30_000 });
  await settle(page);
  return page;
}

/**
 * What makes the screen wider than the viewport: the page itself scrolling sideways (named by the
 * widest piece inside it: the table, the tab strip, the unbroken word), an element reaching past
 * the edge where the page cannot scroll to it, an inner box whose content scrolls sideways, and
 * text a box cuts off without an ellipsis. Tab strips are the one deliberate sideways scroller
 * (swiped, with arrows).
 */
function sidewaysOverflow(page: Page): Promise<string[]> {
  // No named function declarations inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = document.documentElement.clientWidth;
    const findings: string[] = [];
    const names = new Map<Element, string>();
    for (const el of document.body.querySelectorAll('*')) {
      const cls = [...el.classList].filter((c) => !c.startsWith('css-')).slice(0, 3).join('.');
      names.set(el, `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`);
    }
    if (root.scrollWidth > root.clientWidth + 1) {
      // Name what to fix: the outermost element that sticks out past the edge, then, inside it, the
      // widest child while that child alone is wider than the screen (the table, not its cells).
      let culprit = [...document.body.querySelectorAll('*')].find(
        (el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed' && el.parentElement!.getBoundingClientRect().right <= width + 1,
      );
      while (culprit && culprit.tagName !== 'TABLE') {
        const wider = [...culprit.children].filter((c) => c.getBoundingClientRect().width > width + 1);
        if (!wider.length) break;
        culprit = wider.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
      }
      const r = culprit?.getBoundingClientRect();
      findings.push(`page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth} px)${culprit ? ` because of ${names.get(culprit)} at ${Math.round(r!.left)}…${Math.round(r!.right)} px` : ''}`);
    }
    // Anything past the edge the page does not scroll to is cut off for good: a clipping ancestor
    // hides it. Tab strips and ellipsis boxes cut off on purpose; inner scrollers are named below.
    const reported = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 1 || rect.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let excused = false;
      for (let a = el.parentElement; a && !excused; a = a.parentElement) {
        const style = getComputedStyle(a);
        excused = reported.has(a) || a.classList.contains('MuiTabs-scroller') || style.position === 'fixed' || style.textOverflow === 'ellipsis' || style.overflowX === 'auto' || style.overflowX === 'scroll';
      }
      if (excused || getComputedStyle(el).position === 'fixed') continue;
      reported.add(el);
      if (root.scrollWidth <= root.clientWidth + 1) findings.push(`${names.get(el)} reaches past the edge, cut off: ${Math.round(rect.left)}…${Math.round(rect.right)} px`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' || style.visibility === 'hidden' || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      if (el.classList.contains('MuiTabs-scroller')) continue;
      // Text inputs scroll their own value as one types; only boxes holding text can cut it off.
      const holdsText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') findings.push(`${names.get(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth} px`);
      else if (holdsText && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 8) findings.push(`${names.get(el)} cuts off ${el.scrollWidth - el.clientWidth} px`);
    }
    return findings;
  });
}

describe('applicants, alumni and jurors can use every screen on a phone', function () {
  this.timeout(600_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  const roles = [
    { email: 'applicant1@example.org', role: 'applicant' },
    { email: 'applicant4@example.org', role: 'fellow' },
    { email: 'alumni1@example.org', role: 'alumni' },
    { email: 'jury1@example.org', role: 'jury' },
  ];
  for (const { email, role } of roles) {
    it(`${email.split('@')[0]} (${role}): no screen scrolls sideways at 390 px`, async () => {
      const page = await signIn(env, email, PHONE);
      const routes = await routesOf(page, env.baseUrl);
      assert.ok(routes.length > 2, `routes found for ${email}: ${routes.join(', ')}`);
      const findings: string[] = [];
      let n = 0;
      for (const route of routes) {
        const landed = await visit(page, route);
        await screenshot(page, `mobile-${role}-${++n}`);
        for (const finding of await sidewaysOverflow(page)) findings.push(`${landed}: ${finding}`);
      }
      await page.context().close();
      assert.deepEqual(findings, [], `too wide for a phone (${routes.length} screens):\n${findings.join('\n')}`);
    });
  }

  it('staff: the rankings, breakdown open, fit a 1366 px laptop without scrolling sideways', async () => {
    const page = await signIn(env, 'staff@example.org', LAPTOP);
    await visit(page, '/rankings');
    await page.locator('table tbody tr').first().waitFor();
    const findings = await sidewaysOverflow(page);
    // The per-juror breakdown opens in the row and must fit as well.
    await page.locator('table tbody tr').first().click();
    await page.getByText('Bewertungen je Jurymitglied (nur abgegebene)').waitFor();
    await settle(page);
    await screenshot(page, 'laptop-staff-rankings');
    for (const finding of await sidewaysOverflow(page)) findings.push(`with the breakdown open: ${finding}`);
    await page.context().close();
    assert.deepEqual(findings, [], `the rankings are too wide for 1366 px:\n${findings.join('\n')}`);
  });
});
