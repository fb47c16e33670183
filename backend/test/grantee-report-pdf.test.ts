import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { agentFor, api, createUser, db, loginAs } from './support/fixtures.ts';
import { testContext } from './support/context.ts';
import { insertTranche } from './support/funding-fixtures.ts';
import { createReportingFellowship, insertBudget, insertExpense, insertGranteeReport } from './support/grantee-report-fixtures.ts';
import { assertNoBrokenFigures, flat, getPdf, layoutText, pageCount, pdfText, pdfWords, renderPages, type Word } from './support/pdf-text.ts';
import { populateCohort } from './support/report-data.ts';
import { berlinDay, date, dateTime, money, signedPercent } from '../src/shared/format.ts';
import { label } from '../src/shared/labels.ts';
import { OVER_LIMIT_FLAG, receiptReference } from '../src/reports/grantee-report.pdf.ts';
import { reminderJob, runReminders } from '../src/reminders/index.ts';
import type { BudgetCategory } from '../src/db/schema.ts';

const url = (id: number | string) => `/api/reports/grantee-reports/${id}/report.pdf`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A row of a `pdftotext -layout` page: the cells in order, any run of spaces between them (inside
 * a cell pdftotext may drop a narrow space, as in `0%`; assertNoBrokenFigures checks the words).
 */
const rowPattern = (cells: string[]) => new RegExp(`^\\s*${cells.map((c) => escape(c).replace(/ /g, '\\s*')).join('\\s+')}\\s*$`, 'm');

/** The view's rows of a report, straight from SQL. */
async function viewRows(reportId: number) {
  return db().selectFrom('grantee_report_budget').selectAll().where('grantee_report_id', '=', reportId).orderBy('position').execute();
}

/**
 * A fellowship with a plan, an accepted interim report and a submitted final report, receipts in
 * several scripts, tranches paid and planned: what an auditor would be handed.
 */
async function auditedFellowship() {
  const staff = await createUser('staff', { name: 'Sabine Schäfer' });
  const approver = await createUser('admin', { name: 'Tobias Groß' });
  const coach = await createUser('coach', { name: 'Katrin Übel' });
  const fellowship = await createReportingFellowship({ organisation: { name: 'Straßenkinder Übergänge gGmbH' }, coach_id: coach.id, grant_cents: 5_000_000 });
  const applicant = await createUser('applicant', { organisation_id: fellowship.organisation_id, name: 'Jana Łukasiewicz' });
  await db().updateTable('fellowships').set({ agreement_signed_on: '2026-03-20' }).where('id', '=', fellowship.id).execute();
  await insertBudget(fellowship.id, { personnel: 2_000_000, fees: 800_000, travel: 150_000, material: 400_000, events: 300_000 });
  const interim = await insertGranteeReport(fellowship.id, {
    kind: 'interim', period_start: '2026-04-01', period_end: '2026-09-30', due_on: '2026-10-31', status: 'accepted',
    achievements: 'Zwei neue Standorte in Köln und Leipzig eröffnet.', challenges: 'Personalwechsel im Sommer.', next_steps: 'Dritter Standort.',
    submitted_at: new Date('2026-10-20T08:15:00Z'), submitted_by: applicant.id, reviewed_at: new Date('2026-10-28T13:00:00Z'), reviewed_by: staff.id,
  });
  await insertExpense(interim.id, { category: 'personnel', amount_cents: 900_000, spent_on: '2026-05-15', payee: 'Gehälter Projektteam', description: 'Projektleitung April bis September', receipt: 'Lohnjournal-2026-Q2-Q3.pdf' });
  await insertExpense(interim.id, { category: 'travel', amount_cents: 60_000, spent_on: '2026-06-02', payee: 'Deutsche Bahn AG', description: 'Fahrten zu den Standorten' });
  await insertExpense(interim.id, { category: 'fees', amount_cents: 250_000, spent_on: '2026-07-09', payee: 'Αλέξανδρος Παπαδόπουλος', description: 'Moderation des Auftakt-Workshops', receipt: 'Honorar_Papadopoulos.pdf' });
  const final = await insertGranteeReport(fellowship.id, {
    kind: 'final', period_start: '2026-10-01', period_end: '2027-03-31', due_on: '2027-05-31', status: 'submitted',
    achievements: 'Fünf Standorte arbeiten nach dem Übergänge-Modell; 412 Jugendliche erreicht.',
    challenges: 'Die Bahnstreiks haben die Reisekosten erhöht.',
    next_steps: 'Verstetigung über kommunale Mittel ab 2028.',
    submitted_at: new Date('2027-05-12T10:30:00Z'), submitted_by: applicant.id,
  });
  await insertExpense(final.id, { category: 'personnel', amount_cents: 1_050_000, spent_on: '2026-12-31', payee: 'Gehälter Projektteam', description: 'Projektleitung Oktober bis März' });
  await insertExpense(final.id, { category: 'travel', amount_cents: 140_000, spent_on: '2027-01-17', payee: 'Deutsche Bahn AG', description: 'Fahrten während der Streiks (Umwege über Erfurt)' });
  await insertExpense(final.id, {
    category: 'material', amount_cents: 399_999, spent_on: '2027-02-03', payee: 'Бюро «Мост» e.V.',
    description: 'Übersetzung der Schulungsunterlagen ins Ukrainische, Russische und Türkische für die neuen Standorte in Köln, Düsseldorf und Gelsenkirchen',
    receipt: 'Rechnung_2027-02-03_Übersetzungsbüro_Мост_Nr-4711.pdf',
  });
  await insertExpense(final.id, { category: 'other', amount_cents: 12_345, spent_on: '2027-03-30', payee: 'Türk-Alman Dayanışma Derneği e.V.', description: 'Raummiete Abschlussfest', receipt: null });
  await insertTranche({ fellowship_id: fellowship.id, amount_cents: 2_000_000, status: 'paid', created_by: staff.id, approved_by: approver.id, label: 'Erste Tranche' });
  await insertTranche({ fellowship_id: fellowship.id, amount_cents: 1_500_000, status: 'paid', created_by: staff.id, approved_by: approver.id, label: 'Zweite Tranche' });
  await insertTranche({ fellowship_id: fellowship.id, amount_cents: 1_500_000, status: 'planned', created_by: staff.id, label: 'Schlussrate' });
  return { staff, coach, applicant, fellowship, interim, final };
}

/** Money of the fellowship straight from the tables, independent of the view and of the report's loaders. */
async function moneyFromTables(fellowshipId: number, reportIds: number[]) {
  const planned = await db().selectFrom('budget_lines').select(sql<string>`coalesce(sum(planned_cents), 0)`.as('s')).where('fellowship_id', '=', fellowshipId).executeTakeFirstOrThrow();
  const spent = await db().selectFrom('expenses').select(sql<string>`coalesce(sum(amount_cents), 0)`.as('s')).where('grantee_report_id', 'in', reportIds).executeTakeFirstOrThrow();
  const paid = await db().selectFrom('disbursements').select(sql<string>`coalesce(sum(amount_cents), 0)`.as('s')).where('fellowship_id', '=', fellowshipId).where('status', '=', 'paid').executeTakeFirstOrThrow();
  return { planned: Number(planned.s), spent: Number(spent.s), paid: Number(paid.s) };
}

/** The deviation of actual from plan in %, one decimal, computed here from the raw sums (not by the view). */
const deviation = (planned: number, actual: number) => {
  if (planned <= 0) return null;
  const tenths = ((actual - planned) * 1000) / planned;
  return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10 + 0;
};

describe('Verwendungsnachweis (grantee report PDF)', () => {
  it('prints header, Sachbericht, budget against actual, totals and every expense, each number as the database has it', async () => {
    const { staff, applicant, fellowship, interim, final } = await auditedFellowship();
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, url(final.id));
    const text = flat(pdfText(pdf));
    const layout = layoutText(pdf);

    // Header: programme, organisation, project, grant, kind and period, status, who submitted when.
    const cohort = await db().selectFrom('cohorts').select('name').where('id', '=', fellowship.cohort_id).executeTakeFirstOrThrow();
    for (const part of [
      'Verwendungsnachweis', `openTransfer Accelerator · ${cohort.name}`, 'Straßenkinder Übergänge gGmbH', 'Lesepaten bundesweit', money(5_000_000),
      'Fördervertrag vom 20.03.2026', `${label('grantee_report_kind', 'final')} Nr. ${final.id}`, '01.10.2026 – 31.03.2027', 'Fällig am 31.05.2027',
      `Status ${label('grantee_report_status', 'submitted')}`, `Eingereicht ${dateTime(final.submitted_at)} Uhr von ${applicant.name}`,
    ]) assert.ok(text.includes(part), `header: ${part}`);
    assert.ok(!text.includes('Angenommen '), 'a submitted report has no acceptance line');
    // Sachbericht, word for word.
    for (const part of [final.achievements!, final.challenges!, final.next_steps!, 'Erreichte Ergebnisse', 'Herausforderungen', 'Nächste Schritte']) {
      assert.ok(text.includes(part), `Sachbericht: ${part}`);
    }

    // Budget against actual: one line per row of the view, each figure as the view has it and as the raw tables give it.
    const rows = await viewRows(final.id);
    assert.deepEqual(rows.map((r) => r.category), ['personnel', 'fees', 'travel', 'material', 'events', 'other']);
    const allExpenses = await db().selectFrom('expenses').selectAll().where('grantee_report_id', 'in', [interim.id, final.id]).execute();
    const plans = await db().selectFrom('budget_lines').selectAll().where('fellowship_id', '=', fellowship.id).execute();
    for (const row of rows) {
      const planned = Number(plans.find((p) => p.category === row.category)?.planned_cents ?? 0);
      const actual = allExpenses.filter((e) => e.category === row.category).reduce((s, e) => s + Number(e.amount_cents), 0);
      assert.equal(Number(row.planned_cents), planned);
      assert.equal(Number(row.actual_cents), actual);
      assert.equal(row.deviation_pct === null ? null : Number(row.deviation_pct), deviation(planned, actual));
      assert.equal(row.over_limit, actual > planned * 1.2);
      const cells = [label('budget_category', row.category), money(planned), money(actual), signedPercent(deviation(planned, actual)), ...(row.over_limit ? [OVER_LIMIT_FLAG] : [])];
      assert.match(layout, rowPattern(cells), `budget row ${cells.join(' | ')}`);
    }
    assert.deepEqual(rows.filter((r) => r.over_limit).map((r) => r.category), ['travel', 'other'], 'travel +33 % and unplanned other are flagged');
    const m = await moneyFromTables(fellowship.id, [interim.id, final.id]);
    assert.match(layout, rowPattern(['Summe', money(m.planned), money(m.spent), signedPercent(deviation(m.planned, m.spent)), '2 Kategorien']));

    // Paid out against spent, and what is left to repay.
    assert.equal(m.paid, 3_500_000);
    assert.match(layout, rowPattern(['Ausgezahlt (Tranchen)', money(m.paid)]));
    assert.match(layout, rowPattern(['Verausgabt (Ist)', money(m.spent)]));
    assert.match(layout, rowPattern(['Geplant laut Finanzplan', money(m.planned)]));
    assert.match(layout, rowPattern(['Nicht verausgabte Mittel, zurückzuzahlen', money(m.paid - m.spent)]));
    assert.ok(text.includes(`Nicht verausgabte Mittel von ${money(m.paid - m.spent)} sind laut Fördervertrag zurückzuzahlen.`));

    // Every expense: date, category, payee, description, receipt and amount; the two tables add up to the actual total.
    const withReceipts = await db()
      .selectFrom('expenses as e').leftJoin('attachments as a', 'a.id', 'e.receipt_attachment_id')
      .select(['e.grantee_report_id', 'e.spent_on', 'e.category', 'e.payee', 'e.description', 'e.amount_cents', 'e.receipt_attachment_id', 'a.filename as receipt_filename'])
      .where('e.grantee_report_id', 'in', [interim.id, final.id]).execute();
    for (const e of withReceipts) {
      for (const part of [date(e.spent_on), label('budget_category', e.category), e.payee, e.description, money(e.amount_cents)]) {
        assert.ok(text.includes(part), `expense ${e.description}: ${part}`);
      }
      const receipt = receiptReference(e);
      assert.ok(flat(text.replace(/\n/g, ' ')).replace(/ /g, '').includes(receipt.replace(/ /g, '')), `receipt reference ${receipt}`);
    }
    assert.ok(text.includes('ohne Beleg'));
    const own = withReceipts.filter((e) => e.grantee_report_id === final.id).reduce((s, e) => s + Number(e.amount_cents), 0);
    const earlier = withReceipts.filter((e) => e.grantee_report_id === interim.id).reduce((s, e) => s + Number(e.amount_cents), 0);
    assert.match(layout, new RegExp(`Summe dieses Berichts\\s+${escape(money(own))}`));
    assert.match(layout, new RegExp(`Summe früherer Berichte\\s+${escape(money(earlier))}`));
    assert.equal(own + earlier, m.spent);

    // Unicode: names in Greek, Cyrillic, Polish and Turkish come back out of the PDF as they went in.
    for (const name of ['Αλέξανδρος Παπαδόπουλος', 'Бюро «Мост» e.V.', 'Jana Łukasiewicz', 'Türk-Alman Dayanışma Derneği e.V.', 'Übersetzungsbüro_Мост']) {
      assert.ok(text.replace(/\s/g, '').includes(name.replace(/\s/g, '')), `Unicode ${name}`);
    }
    assert.ok(!text.includes(staff.name), 'nobody reviewed the final report yet');

    // Every page renders; no date wrapped, no € parted from its amount.
    const pngs = renderPages(pdf, 'grantee-report');
    assert.equal(pngs.length, pageCount(pdf));
    for (const png of pngs) assert.ok(statSync(png).size > 800, `${png} rendered`);
    assertNoBrokenFigures(pdfWords(pdf), 'report.pdf');
  });

  it('shows an accepted report with who accepted it, when, and the note', async () => {
    const { staff, interim } = await auditedFellowship();
    await db().updateTable('grantee_reports').set({ review_note: 'Reisekosten höher wegen Bahnstreik – genehmigt.' }).where('id', '=', interim.id).execute();
    await db().insertInto('grantee_report_reviews').values([
      { grantee_report_id: interim.id, outcome: 'returned', note: 'Bitte die Belege der Reisekosten nachreichen.', reviewed_by: staff.id, reviewed_at: new Date('2026-10-22T09:00:00Z') },
      { grantee_report_id: interim.id, outcome: 'accepted', note: 'Reisekosten höher wegen Bahnstreik – genehmigt.', reviewed_by: staff.id, reviewed_at: interim.reviewed_at! },
    ]).execute();
    const { agent } = await agentFor('admin');
    const text = flat(pdfText(await getPdf(agent, url(interim.id))));
    assert.ok(text.includes(`Status ${label('grantee_report_status', 'accepted')}`));
    assert.ok(text.includes(`Angenommen ${dateTime(interim.reviewed_at)} Uhr von ${staff.name}`));
    assert.ok(text.includes('Vermerk der Prüfung Reisekosten höher wegen Bahnstreik – genehmigt.'));
    // The history of returns stays visible: every review, oldest first.
    assert.ok(text.includes('Prüfverlauf'));
    const history = text.slice(text.indexOf('Prüfverlauf'), text.indexOf('Sachbericht'));
    assert.ok(history.indexOf(`${dateTime(new Date('2026-10-22T09:00:00Z'))} Zurückgegeben ${staff.name} Bitte die Belege der Reisekosten nachreichen.`) >= 0, history);
    assert.ok(history.indexOf(`${dateTime(interim.reviewed_at)} Angenommen ${staff.name} Reisekosten höher`) > history.indexOf('Zurückgegeben'), history);
    // The interim's actuals are its own expenses only: the final report comes later.
    const rows = await viewRows(interim.id);
    const spent = rows.reduce((s, r) => s + Number(r.actual_cents), 0);
    assert.equal(spent, 1_210_000);
    assert.ok(text.includes('Noch nicht verausgabte Mittel') && text.includes(money(3_500_000 - spent)), 'interim: not yet spent, not "to repay"');
    assert.ok(!text.includes('Ausgaben früherer Berichte'));
  });

  it('fits every table header: no header word is split, however long the cells, on every page the header repeats', async () => {
    const { final } = await auditedFellowship();
    const categories: BudgetCategory[] = ['personnel', 'fees', 'travel', 'material', 'events', 'overhead', 'other'];
    for (let i = 0; i < 70; i++) {
      await insertExpense(final.id, {
        category: categories[i % categories.length], amount_cents: 99_999_999 - i, spent_on: `2027-0${1 + (i % 3)}-${String(10 + (i % 18)).padStart(2, '0')}`,
        payee: i % 2 ? 'Gemeinnützige Gesellschaft für Qualifizierung und Beschäftigung Nordrhein-Westfalen mbH' : 'Ελληνική Κοινότητα Αμβούργου',
        description: `Position ${i + 1}: Schulungsmaterialien, Raummiete und Verpflegung für die Multiplikatorinnen-Fortbildung`,
        receipt: `Beleg_${i + 1}_Donaudampfschifffahrtsgesellschaftskapitänsmütze.pdf`,
      });
    }
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, url(final.id));
    const words = pdfWords(pdf);
    const headers = ['Kostenkategorie', 'Geplant', 'Ist', 'Abweichung', 'Hinweis', 'Posten', 'Betrag', 'Datum', 'Kategorie', 'Zahlungsempfänger', 'Beschreibung', 'Beleg'];
    for (const header of headers) assert.ok(words.some((w) => w.text === header), `header "${header}" whole`);
    // Every header row of the expense list is on one line: its words share a baseline.
    const headerRows = words.filter((w) => w.text === 'Zahlungsempfänger');
    assert.ok(new Set(headerRows.map((w) => w.page)).size >= 2, `the expense header repeats on ${headerRows.length} pages`);
    for (const h of headerRows) {
      const row = words.filter((w: Word) => w.page === h.page && Math.abs(w.yMin - h.yMin) < 1).map((w) => w.text);
      for (const header of ['Datum', 'Kategorie', 'Zahlungsempfänger', 'Beschreibung', 'Beleg', 'Betrag']) assert.ok(row.includes(header), `page ${h.page}: ${header} in the header row (${row.join(' ')})`);
    }
    // No fragment of a header word anywhere (a split would leave "Zahlungsempfä" + "nger").
    for (const header of headers.filter((h) => h.length > 6)) {
      const fragments = words.filter((w) => w.text !== header && header.startsWith(w.text) && w.text.length >= 4 && w.text.length < header.length);
      assert.deepEqual(fragments.map((w) => w.text), [], `fragments of ${header}`);
    }
    // The largest amounts and every date stay on one line.
    assert.ok(words.some((w) => w.text === '999.999,99'), 'the largest amount whole');
    assertNoBrokenFigures(words, 'report.pdf (long)');
    const pngs = renderPages(pdf, 'grantee-report-long');
    assert.equal(pngs.length, pageCount(pdf));
    assert.ok(pngs.length >= 4, `${pngs.length} pages`);
  });

  it('is served to staff, the fellowship’s applicants and its coach; any other caller gets 404 (or 403 for the jury, 401 without login)', async () => {
    const { applicant, coach, final } = await auditedFellowship();
    for (const user of [applicant, coach]) await getPdf(await loginAs(user), url(final.id));
    await getPdf((await agentFor('admin')).agent, url(final.id));
    const otherFellowship = await createReportingFellowship({ coach_id: (await createUser('coach')).id });
    const otherApplicant = await createUser('applicant', { organisation_id: otherFellowship.organisation_id });
    const otherCoach = await db().selectFrom('users').selectAll().where('id', '=', otherFellowship.coach_id!).executeTakeFirstOrThrow();
    for (const user of [otherApplicant, otherCoach]) {
      const res = await (await loginAs(user)).get(url(final.id)).expect(404);
      assert.equal(res.headers['content-type']?.startsWith('application/json'), true);
      assert.ok(!JSON.stringify(res.body).includes('Straßenkinder'));
    }
    const lonelyApplicant = await createUser('applicant');
    await (await loginAs(lonelyApplicant)).get(url(final.id)).expect(404);
    await (await agentFor('jury')).agent.get(url(final.id)).expect(403);
    await api().get(url(final.id)).expect(401);
    const { agent } = await agentFor('staff');
    await agent.get(url(final.id + 1000)).expect(404);
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999', '%00']) await agent.get(url(bad)).expect(404);
  });

  it('warns visibly when more was spent than paid out, and more than granted', async () => {
    const staff = await createUser('staff');
    const approver = await createUser('admin');
    const fellowship = await createReportingFellowship({ grant_cents: 1_000_000 });
    await insertBudget(fellowship.id, { personnel: 1_000_000 });
    await insertTranche({ fellowship_id: fellowship.id, amount_cents: 200_000, status: 'paid', created_by: staff.id, approved_by: approver.id });
    const report = await insertGranteeReport(fellowship.id, { kind: 'final', status: 'submitted' });
    await insertExpense(report.id, { category: 'personnel', amount_cents: 1_200_000, spent_on: '2026-05-01' });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, url(report.id));
    const layout = layoutText(pdf);
    assert.match(layout, rowPattern(['Ausgaben über den Auszahlungen', money(1_000_000)]));
    assert.ok(!layout.includes('zurückzuzahlen'), 'nothing to repay when more was spent than paid');
    assert.ok(flat(pdfText(pdf)).includes(`Achtung: Die Ausgaben übersteigen die bewilligte Förderung um ${money(200_000)}.`));
    assert.match(layout, rowPattern([label('budget_category', 'personnel'), money(1_000_000), money(1_200_000), '+20 %']), 'exactly 20 % over is within the limit: no flag');
  });

  it('prints an empty report (no plan, no expenses, no text) without failing', async () => {
    const fellowship = await createReportingFellowship({ organisation: { name: 'Hội Người Việt Đồng Hành e.V.' } });
    const report = await insertGranteeReport(fellowship.id, { status: 'requested' });
    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, url(report.id));
    const text = flat(pdfText(pdf));
    assert.ok(text.includes('Hội Người Việt Đồng Hành e.V.'));
    assert.ok(text.includes('Keine Angaben.') && text.includes('Kein Finanzplan und keine Ausgaben erfasst.') && text.includes('In diesem Bericht sind keine Ausgaben erfasst.'));
    assert.ok(text.includes(`Status ${label('grantee_report_status', 'requested')}`) && text.includes('noch nicht eingereicht'));
    assert.equal(renderPages(pdf, 'grantee-report-empty').length, pageCount(pdf));
  });
});

describe('funder.pdf: reports and money per fellow (issue 19)', () => {
  it('gives each fellow the latest report’s status, budget against actual of the latest handed-in report, and unspent funds', async () => {
    const data = await populateCohort(db());
    const fellows = await db().selectFrom('fellowships as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.id', 'o.name']).where('f.cohort_id', '=', data.cohortId).orderBy('f.id').execute();
    const [reporting, returned, silent] = fellows;
    await insertBudget(reporting.id, { personnel: 1_000_000, travel: 100_000, events: 200_000 });
    const interim = await insertGranteeReport(reporting.id, {
      kind: 'interim', status: 'accepted', period_end: '2026-09-30', achievements: 'INTERN-Sachbericht', review_note: 'INTERN-Prüfvermerk',
    });
    await insertExpense(interim.id, { category: 'personnel', amount_cents: 600_000, spent_on: '2026-06-01' });
    await insertExpense(interim.id, { category: 'travel', amount_cents: 150_000, spent_on: '2026-06-02' });
    const final = await insertGranteeReport(reporting.id, { kind: 'final', status: 'requested', period_start: '2026-10-01', period_end: '2027-03-31', due_on: '2027-05-31' });
    await insertExpense(final.id, { category: 'events', amount_cents: 777_777, spent_on: '2026-11-11', description: 'Entwurf, noch nicht eingereicht' });
    const back = await insertGranteeReport(returned.id, { kind: 'interim', status: 'returned', review_note: 'INTERN-Rückgabe' });
    await insertExpense(back.id, { category: 'fees', amount_cents: 55_555, spent_on: '2026-06-01' });

    const { agent } = await agentFor('staff');
    const pdf = await getPdf(agent, `/api/reports/cohorts/${data.cohortId}/funder.pdf`);
    const pages = layoutText(pdf).split('\f');
    /** A fellow's pages: from the one with their heading up to the next fellow's (or the outlook). */
    const sectionOf = (name: string) => {
      const start = pages.findIndex((p) => p.includes('Teilnahme und Coaching') && p.includes(name));
      assert.ok(start > 0, `page of ${name}`);
      let end = start + 1;
      while (end < pages.length && !pages[end].includes('Teilnahme und Coaching') && !pages[end].includes('Ausblick')) end++;
      return pages.slice(start, end).join('\n');
    };

    const section = sectionOf(reporting.name);
    assert.ok(flat(section).includes(`Letzter Bericht: ${label('grantee_report_kind', 'final')} bis 31.03.2027, fällig am 31.05.2027 – ${label('grantee_report_status', 'requested')}.`));
    assert.ok(flat(section).includes(`Budget und Ist laut ${label('grantee_report_kind', 'interim')} bis 30.09.2026 (${label('grantee_report_status', 'accepted')})`));
    const rows = await viewRows(interim.id);
    assert.equal(rows.length, 3);
    for (const row of rows) {
      const cells = [label('budget_category', row.category), money(row.planned_cents), money(row.actual_cents), signedPercent(row.deviation_pct), ...(row.over_limit ? [OVER_LIMIT_FLAG] : [])];
      assert.match(section, rowPattern(cells), `funder row ${cells.join(' | ')}`);
    }
    const m = await moneyFromTables(reporting.id, [interim.id]);
    assert.equal(m.spent, 750_000);
    assert.match(section, rowPattern(['Summe', money(m.planned), money(m.spent), signedPercent(deviation(m.planned, m.spent)), '1 Kategorie']));
    const unspent = m.paid - m.spent;
    assert.ok(flat(section).includes(`Ausgezahlt: ${money(m.paid)} · Verausgabt: ${money(m.spent)} · ${unspent >= 0 ? `Nicht verausgabt: ${money(unspent)}` : `Mehr ausgegeben als ausgezahlt: ${money(-unspent)}`}`));
    assert.ok(!section.includes(money(777_777)), 'a draft’s expenses are not the fellow’s figures yet');

    const returnedSection = flat(sectionOf(returned.name));
    assert.ok(returnedSection.includes(`– ${label('grantee_report_status', 'returned')}.`) && returnedSection.includes('Noch keine Ausgaben eingereicht.'));
    assert.ok(flat(sectionOf(silent.name)).includes('Noch kein Bericht angefordert.'));

    // The overview on the funding page: one line per fellow.
    const all = layoutText(pdf);
    const overviewLine = all.split('\n').find((l) => l.includes(`${label('grantee_report_kind', 'final')} bis 31.03.2027`))!;
    assert.match(overviewLine, new RegExp(`${label('grantee_report_status', 'requested')}\\s+${escape(money(m.paid))}\\s+${escape(money(m.spent))}\\s+${escape(money(unspent))}\\s*$`));
    assert.ok(flat(all).includes(reporting.name.split(' ')[0]));

    // Funder-safe: no report text, no review note.
    const text = flat(pdfText(pdf));
    assert.ok(!text.includes('INTERN'), 'no Sachbericht or review note reaches the funder');
    assertNoBrokenFigures(pdfWords(pdf), 'funder.pdf');
    assert.equal(renderPages(pdf, 'funder-reports').length, pageCount(pdf));
  });
});

describe('reminders of due grantee reports', () => {
  const PUBLIC_URL = 'https://crm.example.org';
  const at = (day: string) => new Date(`${day}T09:00:00+01:00`);
  // Since issue 21 these are the reminder engine's report_due rules (−14, −3, +1 days); the step is the rule's offset.
  const STEPS: Record<number, string> = { [-14]: 'due_14', [-3]: 'due_3', 1: 'overdue' };
  const queueReportReminders = runReminders;
  const deliveries = () =>
    db().selectFrom('reminder_deliveries as d').innerJoin('reminder_rules as r', 'r.id', 'd.rule_id').innerJoin('emails as e', 'e.id', 'd.email_id')
      .select(['e.id', 'e.dedupe_key', 'd.record_id', 'r.offset_days']).where('r.event', '=', 'report_due').orderBy('e.id');
  const remindersOf = async (reportId: number) => (await deliveries().where('d.record_id', '=', reportId).execute()).map((d) => ({ ...d, step: STEPS[d.offset_days] }));
  const stepOf = async (emailId: number) => STEPS[(await deliveries().where('e.id', '=', emailId).executeTakeFirstOrThrow()).offset_days];

  it('reminds 14 and 3 days before the due date and on the first day overdue, once each', async () => {
    const fellowship = await createReportingFellowship({ organisation: { name: 'Lesepaten Köln e.V.' } });
    const applicant = await createUser('applicant', { organisation_id: fellowship.organisation_id });
    const report = await insertGranteeReport(fellowship.id, { kind: 'interim', period_start: '2026-10-01', period_end: '2027-02-28', due_on: '2027-03-31' });
    const steps: Array<[string, string | null]> = [
      ['2027-03-16', null], ['2027-03-17', 'due_14'], ['2027-03-17', null], ['2027-03-20', null], ['2027-03-27', null], ['2027-03-28', 'due_3'],
      ['2027-03-29', null], ['2027-03-31', null], ['2027-04-01', 'overdue'], ['2027-04-01', null], ['2027-04-15', null],
    ];
    for (const [day, step] of steps) {
      const queued = await queueReportReminders(db(), PUBLIC_URL, at(day));
      assert.equal(queued.length, step ? 1 : 0, `${day}: ${step ?? 'nothing'}`);
      if (step) {
        const email = await db().selectFrom('emails').selectAll().where('id', '=', queued[0]).executeTakeFirstOrThrow();
        assert.equal(await stepOf(email.id), step);
        assert.equal(email.to, applicant.email);
        assert.equal(email.organisation_id, fellowship.organisation_id);
        assert.equal(email.template, 'grantee_report_reminder');
        assert.ok(email.body.includes('Lesepaten Köln e.V.') && email.body.includes('01.10.2026 – 28.02.2027'));
        assert.ok(email.body.includes(`${PUBLIC_URL}/#/grantee-reports/${report.id}`));
        if (step === 'overdue') assert.equal(email.subject, 'Überfällig: Zwischenbericht (fällig am 31.03.2027)');
        else assert.equal(email.subject, 'Erinnerung: Zwischenbericht fällig am 31.03.2027');
        if (step === 'due_3') assert.ok(email.body.includes('ist am 31.03.2027 fällig (in 3 Tagen)'));
      }
    }
    assert.deepEqual((await remindersOf(report.id)).map((e) => e.step), ['due_14', 'due_3', 'overdue']);
  });

  it('never reminds of a submitted or accepted report, and stops once the report is handed in', async () => {
    const fellowship = await createReportingFellowship();
    await createUser('applicant', { organisation_id: fellowship.organisation_id });
    const submitted = await insertGranteeReport(fellowship.id, { kind: 'interim', due_on: '2027-03-31', status: 'submitted', submitted_at: new Date() });
    const accepted = await insertGranteeReport(fellowship.id, { kind: 'final', period_start: '2026-10-01', period_end: '2027-03-31', due_on: '2027-03-31', status: 'accepted' });
    for (const day of ['2027-03-17', '2027-03-28', '2027-04-01', '2027-05-01']) assert.deepEqual(await queueReportReminders(db(), PUBLIC_URL, at(day)), []);
    assert.deepEqual([...(await remindersOf(submitted.id)), ...(await remindersOf(accepted.id))], []);

    const other = await createReportingFellowship();
    await createUser('applicant', { organisation_id: other.organisation_id });
    const late = await insertGranteeReport(other.id, { due_on: '2027-03-31' });
    assert.equal((await queueReportReminders(db(), PUBLIC_URL, at('2027-03-17'))).length, 1);
    await db().updateTable('grantee_reports').set({ status: 'submitted', submitted_at: new Date() }).where('id', '=', late.id).execute();
    for (const day of ['2027-03-28', '2027-04-01']) assert.deepEqual(await queueReportReminders(db(), PUBLIC_URL, at(day)), []);
    assert.equal((await remindersOf(late.id)).length, 1);
  });

  it('reminds of a returned report (asking for a revision), sends a missed step late but only the most urgent one, and writes English to an English reader', async () => {
    const fellowship = await createReportingFellowship({ organisation: { name: 'Chancenwerk Nord e.V.' } });
    const applicant = await createUser('applicant', { organisation_id: fellowship.organisation_id, locale: 'en' });
    const returned = await insertGranteeReport(fellowship.id, { kind: 'final', period_start: '2026-10-01', period_end: '2027-03-31', due_on: '2027-05-31', status: 'returned' });
    const [id] = await queueReportReminders(db(), PUBLIC_URL, at('2027-05-29'));
    const email = await db().selectFrom('emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(await stepOf(email.id), 'due_3', 'the 14-day letter was missed: only the 3-day one goes out');
    assert.deepEqual((await remindersOf(returned.id)).map((r) => r.step), ['due_3']);
    assert.equal(email.to, applicant.email);
    assert.equal(email.subject, 'Reminder: Final report due on 31/05/2027');
    assert.ok(email.body.includes('is due on 31/05/2027 (in 2 days)') && email.body.includes('please revise it and submit it again'));
    assert.deepEqual(await queueReportReminders(db(), PUBLIC_URL, at('2027-05-30')), []);
  });

  it('counts days in Berlin, and parallel runs still queue each letter once', async () => {
    const fellowship = await createReportingFellowship();
    await createUser('applicant', { organisation_id: fellowship.organisation_id });
    const report = await insertGranteeReport(fellowship.id, { due_on: '2027-03-31', period_start: '2026-10-01', period_end: '2027-02-28' });
    // 23:30 UTC on 16 March is 00:30 on 17 March in Berlin: 14 days before the due date there.
    assert.deepEqual(await queueReportReminders(db(), PUBLIC_URL, new Date('2027-03-16T22:30:00Z')), [], '23:30 in Berlin is still the 16th');
    const runs = await Promise.all([1, 2, 3, 4].map(() => queueReportReminders(db(), PUBLIC_URL, new Date('2027-03-16T23:30:00Z'))));
    assert.equal(runs.flat().length, 1, 'one letter from four parallel runs');
    assert.deepEqual((await remindersOf(report.id)).map((e) => e.step), ['due_14']);
  });

  it('runs as a background job: a second run queues nothing new', async () => {
    const today = berlinDay(new Date());
    const shift = (days: number) => berlinDay(new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000));
    const fellowship = await createReportingFellowship();
    await createUser('applicant', { organisation_id: fellowship.organisation_id });
    await insertGranteeReport(fellowship.id, { kind: 'interim', period_start: shift(-200), period_end: shift(-30), due_on: shift(14) });
    await insertGranteeReport(fellowship.id, { kind: 'final', period_start: shift(-29), period_end: shift(-1), due_on: shift(-1) });
    const other = await createReportingFellowship();
    await createUser('applicant', { organisation_id: other.organisation_id });
    await insertGranteeReport(other.id, { kind: 'interim', due_on: shift(3), period_start: shift(-100), period_end: shift(-10) });
    await insertGranteeReport(other.id, { kind: 'final', due_on: shift(3), period_start: shift(-9), period_end: shift(-5), status: 'submitted' });
    await reminderJob.run(testContext.appContext);
    const first = await deliveries().execute();
    assert.equal((await db().selectFrom('emails').select('id').execute()).length, 3);
    assert.deepEqual(first.map((d) => STEPS[d.offset_days]).sort(), ['due_14', 'due_3', 'overdue']);
    await reminderJob.run(testContext.appContext);
    assert.equal((await db().selectFrom('emails').select('id').execute()).length, 3, 'the second run queues nothing');
  });
});
