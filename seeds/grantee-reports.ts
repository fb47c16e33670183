import type { Db } from '../backend/src/db/database.ts';
import { setActor } from '../backend/src/db/actor.ts';
import { programmeYear } from '../backend/src/grantee-reports/index.ts';
import type { BudgetCategory } from '../backend/src/db/schema.ts';
import type { DemoBase } from './base.ts';

/** The share of the grant each cost category is planned with (the demo's budget plans). */
const PLAN: Array<[BudgetCategory, number]> = [
  ['personnel', 45], ['fees', 15], ['travel', 5], ['material', 10], ['events', 10], ['overhead', 10], ['other', 5],
];

/** Who got the money, per category, for the demo's expenses. */
const PAYEES: Record<BudgetCategory, [string, string][]> = {
  personnel: [['Gehaltsabrechnung Projektkoordination', 'Anteilige Personalkosten Projektkoordination (Monate 1–6)']],
  fees: [['Büro Grünwald – Organisationsberatung', 'Honorar Workshop Transfermodell'], ['Übersetzungsbüro Çelik', 'Übersetzung der Partnermappe (Türkisch, Arabisch)']],
  travel: [['Deutsche Bahn', 'Fahrten zu Partnerstandorten in Leipzig und Görlitz'], ['Hotel Königshof Köln', 'Übernachtung Auftaktworkshop']],
  material: [['Druckerei Weiß & Söhne', 'Druck des Handbuchs für neue Standorte']],
  events: [['Nachbarschaftshaus Süd', 'Raummiete Partnertreffen']],
  overhead: [['Verein (Eigenbuchung)', 'Verwaltungspauschale']],
  other: [['Versicherungskammer', 'Veranstaltungshaftpflicht']],
};

/** The interim reports' states, in the order of the fellows (those with a demo login first); the rest stay requested. */
const STATES = ['returned', 'accepted', 'submitted', 'accepted', 'accepted', 'requested'] as const;
/** The fellow whose travel costs are over the limit (accepted with a note). */
const OVER_LIMIT = 1;

const RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+01:00`);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

/** A budget plan by the shares of PLAN, unless the fellowship has one; returns the plan per category. */
async function budgetPlan(db: Db, fellowshipId: number, grant: number): Promise<Map<string, number>> {
  const hasPlan = await db.selectFrom('budget_lines').select('id').where('fellowship_id', '=', fellowshipId).executeTakeFirst();
  if (!hasPlan) {
    for (const [category, percent] of PLAN) {
      await db.insertInto('budget_lines').values({ fellowship_id: fellowshipId, category, planned_cents: Math.floor((grant * percent) / 100 / 100) * 100 }).execute();
    }
  }
  return new Map((await db.selectFrom('budget_lines').select(['category', 'planned_cents']).where('fellowship_id', '=', fellowshipId).execute()).map((b) => [b.category, Number(b.planned_cents)]));
}

/**
 * The previous cohort (the newest alumni year): every fellow's final report accepted, its spending
 * close to the plan; one fellow spent 30 % more on events than planned, accepted with a note.
 */
async function seedPreviousYear(db: Db, base: DemoBase) {
  const cohort = await db.selectFrom('cohorts').selectAll().where('phase', '=', 'alumni').orderBy('year', 'desc').executeTakeFirst();
  if (!cohort) return;
  const fellows = await db.selectFrom('fellowships').select(['id', 'organisation_id', 'grant_cents']).where('cohort_id', '=', cohort.id)
    .where('status', '<>', 'withdrawn').orderBy('id').execute();
  if (!fellows.length) return;
  if (await db.selectFrom('grantee_reports').select('id').where('fellowship_id', 'in', fellows.map((f) => f.id)).executeTakeFirst()) return;
  const year = programmeYear(cohort);
  for (const [i, f] of fellows.entries()) {
    const plan = await budgetPlan(db, f.id, Number(f.grant_cents));
    const applicant = await db.selectFrom('users').select('id').where('organisation_id', '=', f.organisation_id).where('role', '=', 'applicant').orderBy('id').executeTakeFirst();
    const note = i === 0 ? 'Veranstaltungen über Plan: zusätzliches Partnertreffen auf Wunsch der Standorte, aus eingesparten Honoraren gedeckt.' : null;
    const reviewedAt = at(addDays(year.final.due_on, -5 + i), 11);
    const report = await db.insertInto('grantee_reports').values({
      fellowship_id: f.id, kind: 'final', ...year.final, status: 'accepted', requested_by: base.staff.id, created_at: at(year.end),
      achievements: 'Das Transfermodell läuft an drei neuen Standorten; 41 Ehrenamtliche, 610 Teilnehmende im Jahr.',
      challenges: 'Die Finanzierung der Standortkoordination nach dem Förderjahr ist erst teilweise gesichert.',
      next_steps: 'Zwei weitere Standorte 2026; Fördermittel der Kommunen beantragt.',
      submitted_at: at(addDays(year.final.due_on, -12 + i)), submitted_by: applicant?.id ?? null,
      reviewed_by: base.staff2.id, reviewed_at: reviewedAt, review_note: note,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('grantee_report_reviews').values({ grantee_report_id: report.id, outcome: 'accepted', note, reviewed_by: base.staff2.id, reviewed_at: reviewedAt }).execute();
    for (const [k, [category]] of PLAN.entries()) {
      const share = i === 0 && category === 'events' ? 1.3 : i === 0 && category === 'fees' ? 0.75 : 0.92 + 0.02 * ((i + k) % 4);
      const amount = Math.round(((plan.get(category) ?? 0) * share) / 100) * 100;
      if (amount <= 0) continue;
      const [payee, description] = PAYEES[category][0];
      await db.insertInto('expenses').values({
        grantee_report_id: report.id, category, spent_on: addDays(year.final.period_start, 30 + k * 41), payee, description, amount_cents: amount,
      }).execute();
    }
  }
}

/**
 * Grantee reports step (issue 19). For the current cohort's fellows: a budget plan each (where
 * none exists yet), interim reports over the first six months (STATES) — returned with a note,
 * accepted for three (one with an over-limit travel budget and the reviewer's note), one submitted
 * and waiting for review, one still requested and overdue (with draft expenses), the rest
 * requested with the due date moved out — and the final reports requested. Expenses across the categories with receipts.
 * The first fellow's last tranche is tied to its final report. The previous cohort's final
 * reports are accepted (`seedPreviousYear`). Without cohorts with fellows it does nothing.
 */
export async function seedGranteeReports(db: Db, base: DemoBase): Promise<void> {
  await seedPreviousYear(db, base);
  const cohort = await db.selectFrom('cohorts').selectAll().where('phase', '=', 'programme').orderBy('year', 'desc').executeTakeFirst();
  if (!cohort) return;
  const fellows = await db.selectFrom('fellowships').select(['id', 'organisation_id', 'grant_cents']).where('cohort_id', '=', cohort.id)
    .where('status', '=', 'active').orderBy('id').execute();
  if (!fellows.length) return;
  const already = await db.selectFrom('grantee_reports').select('id').where('fellowship_id', 'in', fellows.map((f) => f.id)).executeTakeFirst();
  if (already) return;
  // Fellows whose organisation has a demo login first: applicantN@example.org finds the returned
  // (and the submitted, the accepted) report on their own fellowship.
  const withLogin = new Set(base.applicants.map((a) => a.organisation_id));
  fellows.sort((a, b) => Number(withLogin.has(b.organisation_id)) - Number(withLogin.has(a.organisation_id)) || a.id - b.id);
  const year = programmeYear(cohort);
  const requestedAt = at(addDays(year.interim.period_end, -14));

  for (const [i, f] of fellows.entries()) {
    const plan = await budgetPlan(db, f.id, Number(f.grant_cents));
    const applicant = await db.selectFrom('users').select('id').where('organisation_id', '=', f.organisation_id).where('role', '=', 'applicant').orderBy('id').executeTakeFirst();

    const state = STATES[i] ?? 'requested';
    const written = state !== 'requested';
    const interim = await db.insertInto('grantee_reports').values({
      fellowship_id: f.id, kind: 'interim', ...year.interim,
      // One open report is overdue; the others were given more time.
      due_on: state === 'requested' && i >= STATES.length ? addDays(today(), 7 * (i - 4)) : year.interim.due_on,
      status: state, requested_by: base.staff.id, created_at: requestedAt,
      achievements: written ? 'Zwei neue Standorte (Leipzig, Görlitz) arbeiten nach unserem Handbuch; 14 Ehrenamtliche sind geschult, 230 Kinder nehmen teil.' : null,
      challenges: written ? 'Die Suche nach hauptamtlichen Koordinator:innen an den Standorten dauert länger als geplant.' : null,
      next_steps: written ? 'Lizenzvertrag mit dem dritten Partner, Qualitätsstandards schriftlich fassen, Finanzierung der Standorte über Kommunen.' : null,
      submitted_at: written ? at(addDays(year.interim.due_on, -3 + i)) : null,
      submitted_by: written ? applicant?.id ?? null : null,
    }).returning(['id', 'period_start']).executeTakeFirstOrThrow();

    // Spending of the first six months: about 40 % of each plan; one fellow travelled far more than planned.
    let n = 0;
    if (state !== 'requested' || i === STATES.length - 1) {
      for (const [category] of PLAN) {
        const planned = plan.get(category) ?? 0;
        const share = i === OVER_LIMIT && category === 'travel' ? 1.45 : 0.35 + 0.05 * ((i + n) % 3);
        const amount = Math.round((planned * share) / 100) * 100;
        if (amount <= 0) continue;
        const payees = PAYEES[category];
        const parts = payees.length;
        for (const [k, [payee, description]] of payees.entries()) {
          n++;
          const receipt = k === 0
            ? (await db.insertInto('attachments').values({
                grantee_report_id: interim.id, filename: `Beleg-${category}-${n}.pdf`, content_type: 'application/pdf', size_bytes: RECEIPT.length, content: RECEIPT,
                uploaded_by: applicant?.id ?? null,
              }).returning('id').executeTakeFirstOrThrow()).id
            : null;
          await db.insertInto('expenses').values({
            grantee_report_id: interim.id, category, spent_on: addDays(interim.period_start, 20 + ((n * 17) % 150)), payee, description,
            amount_cents: Math.round(amount / parts), receipt_attachment_id: receipt,
          }).execute();
        }
      }
    }

    if (state === 'accepted' || state === 'returned') {
      const note = state === 'returned'
        ? 'Bitte die Honorarrechnungen nachreichen und die Verwaltungspauschale erläutern.'
        : i === OVER_LIMIT ? 'Reisekosten über Plan: zusätzliche Besuche der neuen Standorte, im Sachbericht begründet; dafür weniger Veranstaltungen.' : null;
      const reviewedAt = at(addDays(year.interim.due_on, 10 + i), 14);
      await db.insertInto('grantee_report_reviews').values({ grantee_report_id: interim.id, outcome: state, note, reviewed_by: base.staff2.id, reviewed_at: reviewedAt }).execute();
      await db.updateTable('grantee_reports').set({ reviewed_by: base.staff2.id, reviewed_at: reviewedAt, review_note: note }).where('id', '=', interim.id).execute();
    }

    const final = await db.insertInto('grantee_reports').values({
      fellowship_id: f.id, kind: 'final', ...year.final, status: 'requested', requested_by: base.staff.id, created_at: requestedAt,
    }).returning('id').executeTakeFirstOrThrow();

    if (i === 0) {
      // The last instalment waits for the final report (planned; approvable once it is accepted).
      const last = await db.selectFrom('disbursements').select('id').where('fellowship_id', '=', f.id).where('status', '=', 'planned')
        .orderBy('due_on', 'desc').executeTakeFirst();
      if (last) {
        await setActor(db, base.staff.id);
        await db.updateTable('disbursements').set({ grantee_report_id: final.id }).where('id', '=', last.id).execute();
        await setActor(db, null);
      }
    }
  }
}
