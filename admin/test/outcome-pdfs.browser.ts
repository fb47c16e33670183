import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall, ARTIFACTS, go, openAs, screenshot, settle, sharedEnv } from './support/server.ts';

/**
 * Issue 20: staff pick two years on the reports screen and download programme.pdf (German console
 * and English labels); a reversed range disables the button. Screenshot:
 * test-artifacts/outcome-pdfs-programme.png, the PDF test-artifacts/programme-report.pdf.
 */
describe('programme.pdf from the reports screen', function () {
  this.timeout(300_000);

  it('staff choose the years and download the comparison; a reversed range is refused on screen', async () => {
    const env = await sharedEnv();
    const staff = await openAs(env, 'staff@example.org');
    const cohorts = (await apiCall<any[]>(staff, 'GET', 'cohorts?range=%5B0%2C99%5D')).body;
    const years = [...new Set(cohorts.map((c) => Number(c.year)))].sort((a, b) => a - b);
    assert.ok(years.length >= 2, 'the demo has several cohort years');
    await go(staff, '/reports');
    const button = staff.getByRole('link', { name: 'Programmvergleich (PDF)' });
    await button.waitFor();
    assert.equal(await button.getAttribute('href'), `/api/reports/programme.pdf?from_year=${years[0]}&to_year=${years[years.length - 1]}`);

    await staff.getByLabel('Von Jahr').click();
    await staff.getByRole('option', { name: String(years[1]), exact: true }).click();
    const href = await button.getAttribute('href');
    assert.equal(href, `/api/reports/programme.pdf?from_year=${years[1]}&to_year=${years[years.length - 1]}`);
    await settle(staff);
    await screenshot(staff, 'outcome-pdfs-programme');
    const res = await staff.request.get(`${env.baseUrl}${href}`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /application\/pdf/);
    const pdf = await res.body();
    writeFileSync(join(ARTIFACTS, 'programme-report.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
    assert.ok(text.includes('Die Jahrgänge im Vergleich'));
    for (const c of cohorts.filter((c) => Number(c.year) >= years[1])) assert.ok(text.includes(c.name), c.name);

    await staff.getByLabel('Bis Jahr').click();
    await staff.getByRole('option', { name: String(years[0]), exact: true }).click();
    await staff.getByText('Das Bis-Jahr darf nicht vor dem Von-Jahr liegen; höchstens 20 Jahre auf einmal.').waitFor();
    assert.equal(await staff.getByRole('link', { name: 'Programmvergleich (PDF)' }).count() + await staff.getByRole('button', { name: 'Programmvergleich (PDF)' }).count(), 1);
    assert.equal(await staff.locator('[aria-disabled="true"]', { hasText: 'Programmvergleich (PDF)' }).count(), 1, 'disabled while reversed');
    await staff.context().close();
  });
});
