import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/**
 * A realistic cohort for the report and dashboard tests (and the benchmark), inserted directly
 * with Kysely: applications in every state, jury reviews, fellows with milestones, workshops,
 * attendances, coaching sessions (with confidential notes that must never reach a report) and
 * tranches in every status. Names come in many scripts.
 */
const INTERNATIONAL_NAMES = [
  'Бюро взаимопомощи «Мост» e.V.',
  'Ελληνική Κοινότητα Αμβούργου e.V.',
  'Fundacja Łączy Nas – Źródło Żyć gGmbH',
  'Türk-Alman Dayanışma Derneği e.V.',
  'Hội Người Việt Đồng Hành e.V.',
  'Straßenkinder Übergänge gGmbH',
  'Bürgerstiftung Größere Nähe',
  'Lesepaten Köln e.V.',
  'Klimawerkstatt Dreiländereck e.V.',
  'Jugendhilfe Süd-Ost gGmbH',
  'Chancenwerk Nord e.V.',
  'Gemeinsam Wohnen eG',
];

export const CONFIDENTIAL_NOTE = 'VERTRAULICH-Personalkonflikt-im-Vorstand';

export interface PopulatedCohort {
  cohortId: number;
  cohortName: string;
  fellowNames: string[];
  applicationNames: string[];
  submitted: number;
  selected: number;
  grantCents: number;
  /** Tranche sums by status. */
  tranches: { planned: number; approved: number; paid: number; cancelled: number; count: number };
  coachingMinutes: number;
}

const STATES = ['Berlin', 'Bayern', 'Hamburg', 'Sachsen', 'Nordrhein-Westfalen', 'Thüringen', 'Hessen'] as const;
const FIELDS = ['education', 'social', 'environment', 'health', 'culture', 'integration', 'democracy', 'other'] as const;

export async function populateCohort(
  db: Kysely<Database>,
  options: { applications?: number; fellows?: number; name?: string; year?: number } = {},
): Promise<PopulatedCohort> {
  const applicationCount = options.applications ?? INTERNATIONAL_NAMES.length + 6;
  const fellowCount = Math.min(options.fellows ?? 6, applicationCount);
  const year = options.year ?? 2026;
  const cohortName = options.name ?? `Jahrgang ${year}`;
  const grantCents = 2_500_000;

  const users = await db.insertInto('users').values([
    { email: `rep-staff-a-${year}@example.org`, name: 'Sabine Schäfer', role: 'staff' },
    { email: `rep-staff-b-${year}@example.org`, name: 'Tobias Groß', role: 'staff' },
    { email: `rep-coach-${year}@example.org`, name: 'Katrin Übel', role: 'coach' },
    { email: `rep-jury-a-${year}@example.org`, name: 'Dr. Petra Hölzl', role: 'jury' },
    { email: `rep-jury-b-${year}@example.org`, name: 'Prof. Kemal Aydın', role: 'jury' },
    { email: `rep-jury-c-${year}@example.org`, name: 'Jana Nováková', role: 'jury' },
  ]).returning(['id']).execute();
  const [staffA, staffB, coach, ...jurors] = users.map((u) => u.id);

  const cohort = await db.insertInto('cohorts').values({
    name: cohortName, year, phase: 'programme', seats: 10, default_grant_cents: grantCents, coaching_hours_per_fellow: 12,
    application_opens_at: `${year - 1}-11-01T09:00:00+01:00`, application_closes_at: `${year}-01-31T23:59:00+01:00`,
    description: 'Skalierungsstipendium für erprobte gemeinnützige Projekte.',
  }).returning(['id']).executeTakeFirstOrThrow();

  const criteria = await db.insertInto('criteria').values([
    { cohort_id: cohort.id, name: 'Wirkung', weight: 2, max_score: 5, position: 1 },
    { cohort_id: cohort.id, name: 'Übertragbarkeit', weight: 2, max_score: 5, position: 2 },
    { cohort_id: cohort.id, name: 'Team', weight: 1, max_score: 5, position: 3 },
  ]).returning(['id']).execute();

  const names = Array.from({ length: applicationCount }, (_, i) =>
    i < INTERNATIONAL_NAMES.length ? INTERNATIONAL_NAMES[i] : `Initiative Nr. ${i + 1} für Teilhabe e.V.`);
  const organisations: Array<{ id: number; name: string }> = [];
  for (let i = 0; i < names.length; i += 500) {
    organisations.push(...await db.insertInto('organisations').values(names.slice(i, i + 500).map((name, j) => ({
      name, state: STATES[(i + j) % STATES.length], field: FIELDS[(i + j) % FIELDS.length], city: 'Berlin',
    }))).returning(['id', 'name']).execute());
  }

  // The first `fellowCount` are selected, then two waitlisted, a few rejected, ineligible, drafts.
  const statusOf = (i: number) => {
    if (i < fellowCount) return 'selected' as const;
    if (i < fellowCount + 2) return 'waitlisted' as const;
    if (i === applicationCount - 1) return 'draft' as const;
    if (i === applicationCount - 2) return 'ineligible' as const;
    if (i === applicationCount - 3) return 'withdrawn' as const;
    return 'rejected' as const;
  };
  const applications: Array<{ id: number; organisation_id: number; status: string }> = [];
  for (let i = 0; i < organisations.length; i += 500) {
    applications.push(...await db.insertInto('applications').values(organisations.slice(i, i + 500).map((o, j) => {
      const index = i + j;
      const status = statusOf(index);
      return {
        cohort_id: cohort.id, organisation_id: o.id, project_name: `Transfer ${index + 1}`, status,
        funding_requested_cents: 1_000_000 + index * 10_000,
        submitted_at: status === 'draft' ? null : new Date(Date.UTC(year - 1, 10, 3) + index * 86_400_000 * (80 / applicationCount)),
        decision_reason: ['selected', 'waitlisted', 'rejected', 'ineligible'].includes(status) ? `Begründung für ${o.name}: ${status}` : null,
        transfer_model: 'social_franchise' as const,
      };
    })).returning(['id', 'organisation_id', 'status']).execute());
  }

  const reviews = [];
  for (const [index, a] of applications.entries()) {
    if (['draft', 'ineligible', 'withdrawn'].includes(a.status)) continue;
    for (const [k, juror] of jurors.entries()) {
      const base = Math.max(1, 5 - Math.floor((index * 4) / applications.length));
      const submitted = k < 2 || index % 3 !== 0;
      reviews.push({
        application_id: a.id, juror_id: juror, status: submitted ? 'submitted' as const : 'assigned' as const,
        scores: JSON.stringify(criteria.map((c, n) => ({ criterion_id: c.id, score: Math.max(0, Math.min(5, base - ((k + n) % 2))) }))),
        recommendation: submitted ? ('yes' as const) : null,
        submitted_at: submitted ? new Date() : null,
      });
    }
  }
  for (let i = 0; i < reviews.length; i += 1000) await db.insertInto('reviews').values(reviews.slice(i, i + 1000)).execute();

  const workshops = await db.insertInto('workshops').values([
    { cohort_id: cohort.id, title: 'Auftakt-Workshop', starts_at: `${year}-03-02T10:00:00+01:00`, ends_at: `${year}-03-02T17:00:00+01:00`, location: 'Berlin' },
    { cohort_id: cohort.id, title: 'Wirkungsmessung', starts_at: `${year}-05-12T10:00:00+02:00`, ends_at: `${year}-05-12T16:00:00+02:00`, kind: 'webinar' },
    { cohort_id: cohort.id, title: 'Finanzierung der Skalierung', starts_at: `${year}-07-07T10:00:00+02:00`, ends_at: `${year}-07-07T17:00:00+02:00`, location: 'Hamburg' },
  ]).returning(['id']).execute();

  const tranches = { planned: 0, approved: 0, paid: 0, cancelled: 0, count: 0 };
  let coachingMinutes = 0;
  const fellowNames: string[] = [];
  for (let i = 0; i < fellowCount; i++) {
    const a = applications[i];
    const org = organisations[i];
    fellowNames.push(org.name);
    const fellowship = await db.insertInto('fellowships').values({
      cohort_id: cohort.id, organisation_id: org.id, application_id: a.id, coach_id: coach, grant_cents: grantCents,
      coaching_hours_budget: 12, stage: i % 2 === 0 ? 2 : 1, goals: `Drei neue Standorte für ${org.name} bis Jahresende.`,
    }).returning(['id']).executeTakeFirstOrThrow();
    const [concept] = await db.insertInto('milestones').values([
      { fellowship_id: fellowship.id, title: 'Transferkonzept', kind: 'transfer_concept', due_on: `${year}-06-30`, status: i % 2 === 0 ? 'achieved' : 'open' },
      { fellowship_id: fellowship.id, title: 'Demo Day', kind: 'demo_day', due_on: `${year}-11-20`, status: 'open' },
    ]).returning(['id']).execute();
    const person = await db.insertInto('people').values({ organisation_id: org.id, first_name: 'Ayşe', last_name: 'Łukasiewicz' }).returning(['id']).executeTakeFirstOrThrow();
    await db.insertInto('attendances').values(workshops.map((w, k) => ({
      workshop_id: w.id, person_id: person.id, status: (k + i) % 3 === 2 ? 'absent' as const : 'attended' as const,
    }))).execute();
    const sessions = [90, 60 + i * 15];
    coachingMinutes += sessions.reduce((s, m) => s + m, 0);
    await db.insertInto('coaching_sessions').values(sessions.map((m, k) => ({
      fellowship_id: fellowship.id, coach_id: coach, held_on: `${year}-0${4 + k}-15`, duration_minutes: m,
      notes: CONFIDENTIAL_NOTE, confidential: k === 0, topics: 'Finanzierung',
    }))).execute();
    const plan = [
      { label: '1. Tranche', amount_cents: 1_000_000, status: 'paid' as const },
      { label: 'Transferbonus', amount_cents: 500_000, status: i % 2 === 0 ? ('approved' as const) : ('planned' as const), milestone_id: concept.id },
      { label: '2. Tranche', amount_cents: 800_050, status: 'planned' as const },
      { label: 'Storniert', amount_cents: 123_456, status: 'cancelled' as const },
    ];
    for (const t of plan) {
      tranches[t.status] += t.amount_cents;
      tranches.count++;
    }
    await db.insertInto('disbursements').values(plan.map((t, k) => ({
      fellowship_id: fellowship.id, label: t.label, amount_cents: t.amount_cents, status: t.status, milestone_id: t.milestone_id ?? null,
      due_on: `${year}-0${3 + k}-01`, created_by: staffA,
      approved_by: t.status === 'approved' || t.status === 'paid' ? staffB : null,
      approved_at: t.status === 'approved' || t.status === 'paid' ? new Date() : null,
      paid_at: t.status === 'paid' ? `${year}-03-15T10:00:00+01:00` : null,
      payment_reference: t.status === 'paid' ? `OTA-${year}-${i + 1}` : null,
      cancelled_at: t.status === 'cancelled' ? new Date() : null,
    }))).execute();
  }

  return {
    cohortId: cohort.id,
    cohortName,
    fellowNames,
    applicationNames: names,
    submitted: applications.filter((a) => a.status !== 'draft').length,
    selected: fellowCount,
    grantCents,
    tranches,
    coachingMinutes,
  };
}

export async function createEmptyCohort(db: Kysely<Database>, name = 'Leerer Jahrgang 2027') {
  return db.insertInto('cohorts').values({
    name, year: 2027, application_opens_at: '2026-11-01T09:00:00+01:00', application_closes_at: '2027-01-31T23:59:00+01:00',
  }).returning(['id', 'name']).executeTakeFirstOrThrow();
}
