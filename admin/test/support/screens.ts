import type { Page } from 'playwright-core';
import { settle } from './server.ts';

/** The screens a signed-in role can open, as the console announces them (`window.__consoleScreens`). */
interface Screens {
  role: string;
  resources: { name: string; list: boolean; show: boolean; edit: boolean; create: boolean }[];
  pages: string[];
}

/** Every route the role can open: its pages, and each resource's list, create, show and edit. */
export async function routesOf(page: Page, baseUrl: string): Promise<string[]> {
  await page.waitForFunction(() => (window as any).__consoleScreens, undefined, { timeout: 30_000 });
  const screens = (await page.evaluate(() => (window as any).__consoleScreens)) as Screens;
  const firstId = async (resource: string): Promise<number | undefined> => {
    const res = await page.request.get(`${baseUrl}/api/${resource}?range=${encodeURIComponent('[0,0]')}`);
    if (!res.ok()) return undefined;
    const body = await res.json().catch(() => null);
    return Array.isArray(body) ? body[0]?.id : undefined;
  };
  const routes = ['/'];
  for (const path of screens.pages) {
    if (!path.includes(':')) routes.push(path);
    else if (path.startsWith('/fellowship-story/')) {
      const id = await firstId('fellowships');
      if (id != null) routes.push(path.replace(':id', String(id)));
    }
  }
  for (const r of screens.resources) {
    if (r.list) routes.push(`/${r.name}`);
    if (r.create) routes.push(`/${r.name}/create`);
    if (r.show || r.edit) {
      const id = await firstId(r.name);
      if (id != null && r.show) routes.push(`/${r.name}/${id}/show`);
      if (id != null && r.edit) routes.push(`/${r.name}/${id}`);
    }
  }
  return routes;
}

/**
 * Opens one route of the SPA as a visitor following a link would, and waits until it has settled.
 * Returns the route it landed on (a screen may send the visitor on at once).
 */
export async function visit(page: Page, route: string): Promise<string> {
  const before = await page.evaluate(() => window.location.hash);
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
  // A screen may send the visitor on at once (an exported tranche's edit address opens its
  // read-only view): then the walk checks the screen it landed on instead of waiting for a hash
  // that never stays.
  await page
    .waitForFunction((r) => window.location.hash === `#${r}`, route, { timeout: 10_000 })
    .catch(async () => {
      if ((await page.evaluate(() => window.location.hash)) !== before) return;
      // The previous screen held the navigation back (a form it counts as unsaved): load the
      // next one afresh, as a visitor following a link would.
      const url = new URL(page.url());
      url.search = `?walk=${Date.now()}`;
      url.hash = `#${route}`;
      await page.goto(url.toString());
      await page.waitForFunction((r) => window.location.hash === `#${r}`, route);
    });
  await settle(page);
  return page.evaluate(() => window.location.hash.slice(1));
}
