import type { Browser } from 'playwright-core';
import type { BenchRow, BenchScenario } from './types.ts';

interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The browser tests' system (admin/test/support/server.ts), loaded at run time: that module's
 * in-page code uses DOM types, which the backend's tsconfig (it covers bench/) does not have.
 */
const SUPPORT: string = '../admin/test/support/server.ts';
const startBrowserEnv = async (): Promise<BrowserEnv> => ((await import(SUPPORT)) as { startBrowserEnv: () => Promise<BrowserEnv> }).startBrowserEnv();

const RUNS = 7;
const LIST_TARGET_MS = 1200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * The console in headless Chromium (the browser tests' system: freshly built console, demo data
 * on in-memory PGlite, the app in this process): from the sign-in click to staff's applications
 * list showing its first 10 rows, opened as a bookmark (#/applications). Run 0 has a cold HTTP
 * cache; the median is over the warm runs, each in a new browser context (no cookies), as for
 * someone who used the console yesterday. Baselines from the same run and machine: the list's
 * API request alone, fetched from the signed-in page, and a blank page load from the server.
 */
const scenario: BenchScenario = async () => {
  const env = await startBrowserEnv();
  try {
    const list: number[] = [];
    const api: number[] = [];
    const blank: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const blankStart = performance.now();
      await page.goto(`${env.baseUrl}/healthz`);
      blank.push(performance.now() - blankStart);
      await page.goto(`${env.baseUrl}/#/applications`);
      await page.getByLabel(/E-Mail|Benutzername/i).first().fill('staff@example.org');
      await page.getByLabel(/Passwort/i).first().fill('demo-password');
      const button = page.getByRole('button', { name: /Anmelden/i });
      await button.waitFor();
      const start = performance.now();
      await button.click();
      await page.locator('.RaList-main tbody tr').nth(9).waitFor({ timeout: 30_000 });
      list.push(performance.now() - start);
      api.push(
        await page.evaluate(async () => {
          const started = performance.now();
          const res = await fetch('/api/applications?sort=["id","ASC"]&range=[0,9]&filter={}', { credentials: 'include' });
          await res.json();
          return performance.now() - started;
        }),
      );
      await context.close();
    }
    const warm = list.slice(1);
    const listMedian = median(warm);
    const apiMedian = median(api.slice(1));
    const blankMedian = median(blank.slice(1));
    return [
      { scenario: `first list: sign-in click → staff's applications list, 10 rows (${RUNS} warm runs)`, metric: 'median', value: `${ms(listMedian)} (${warm.map(ms).join(', ')})`, target: `≤ ${LIST_TARGET_MS} ms`, ok: listMedian <= LIST_TARGET_MS },
      { scenario: '', metric: 'cold run (empty HTTP cache)', value: ms(list[0]) },
      { scenario: '', metric: 'baseline: the list API request alone, median', value: ms(apiMedian) },
      { scenario: '', metric: 'baseline: a blank page load (/healthz), median', value: ms(blankMedian) },
      { scenario: '', metric: 'first list ÷ API request', value: (listMedian / apiMedian).toFixed(1) },
    ] satisfies BenchRow[];
  } finally {
    await env.close();
  }
};

export default scenario;
