import type { Db } from '../backend/src/db/database.ts';
import { applicationReceipt } from '../backend/src/emails/templates.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

const at = (iso: string) => new Date(iso);
const REVIEW_WEEKS = 4;

const CRITERIA = [
  { name: 'Wirkung', description: 'Ist die Wirkung belegt – durch Evaluation, Zahlen oder Fallbeispiele?', weight: 3, max_score: 5 },
  { name: 'Skalierbarkeit', description: 'Lässt sich das Modell an andere Orte übertragen, und gibt es dort Bedarf?', weight: 3, max_score: 5 },
  { name: 'Team', description: 'Hat das Team Kraft, Erfahrung und Zeit für den Transfer?', weight: 2, max_score: 5 },
  { name: 'Finanzierung', description: 'Ist die Finanzierung über das Stipendienjahr hinaus plausibel?', weight: 1, max_score: 5 },
  { name: 'Innovation', description: 'Bringt der Ansatz etwas Neues in sein Handlungsfeld?', weight: 1, max_score: 5 },
];
const CRITERIA_2024 = [
  { name: 'Wirkung', description: 'Belegte Wirkung am Ursprungsort.', weight: 2, max_score: 5 },
  { name: 'Transferpotenzial', description: 'Übertragbarkeit und Bedarf an anderen Orten.', weight: 2, max_score: 5 },
  { name: 'Team', description: 'Erfahrung und Kapazität des Teams.', weight: 1, max_score: 5 },
  { name: 'Finanzierung', description: 'Tragfähigkeit der Finanzierung.', weight: 1, max_score: 5 },
];

const COHORTS = [
  { name: 'openTransfer Accelerator 2024', year: 2024, opens: '2023-11-01T09:00:00+01:00', closes: '2024-01-31T23:59:59+01:00', phase: 'alumni', grant: 2_000_000, criteria: CRITERIA_2024 },
  { name: 'openTransfer Accelerator 2025', year: 2025, opens: '2024-11-04T09:00:00+01:00', closes: '2025-01-31T23:59:59+01:00', phase: 'alumni', grant: 2_250_000, criteria: CRITERIA },
  { name: 'openTransfer Accelerator 2026', year: 2026, opens: '2025-11-03T09:00:00+01:00', closes: '2026-02-28T23:59:59+01:00', phase: 'review', grant: 2_500_000, criteria: CRITERIA },
  // Added to the demo later (issue 20: a third past year): created last, so the ids and records of the
  // cohorts above stay as they were — the later steps handle cohorts in the order of their ids.
  { name: 'openTransfer Accelerator 2023', year: 2023, opens: '2022-11-02T09:00:00+01:00', closes: '2023-01-31T23:59:59+01:00', phase: 'alumni', grant: 1_800_000, criteria: CRITERIA_2024 },
] as const;

const PROJECTS: Array<{ name: string; model: 'social_franchise' | 'affiliation' | 'dissemination' | 'licensing' | 'other'; what: string; who: string }> = [
  { name: 'Lesepatenschaften', model: 'social_franchise', what: 'Ehrenamtliche Lesepatinnen und -paten begleiten Grundschulkinder einmal pro Woche', who: 'Grundschulkinder mit Förderbedarf' },
  { name: 'Reparieren statt Wegwerfen', model: 'dissemination', what: 'Offene Reparaturtreffs mit Werkzeugbibliothek und Anleitungen unter freier Lizenz', who: 'Nachbarschaften in Stadt und Land' },
  { name: 'Mentoring für Erstakademiker:innen', model: 'affiliation', what: 'Studierende aus nichtakademischen Familien werden von Ehrenamtlichen durch das Studium begleitet', who: 'Schüler:innen und Studierende der ersten Generation' },
  { name: 'Gemeinschaftsgärten an Schulen', model: 'licensing', what: 'Schulgärten mit Unterrichtsmaterial, Fortbildung für Lehrkräfte und Saatgutpaten', who: 'Schulen und Kitas' },
  { name: 'Digitale Sprechstunde für Senior:innen', model: 'social_franchise', what: 'Jugendliche erklären älteren Menschen Smartphone, Videotelefonie und Online-Banking', who: 'ältere Menschen im ländlichen Raum' },
  { name: 'Ankommenspatenschaften', model: 'affiliation', what: 'Tandems aus Neuzugewanderten und Einheimischen für Behördengänge, Sprache und Freizeit', who: 'Geflüchtete und Neuzugewanderte' },
  { name: 'Demokratiewerkstatt', model: 'dissemination', what: 'Planspiele und Jugendparlamente, mit denen Jugendliche Kommunalpolitik selbst erleben', who: 'Jugendliche von 12 bis 18 Jahren' },
  { name: 'Bewegte Pause', model: 'licensing', what: 'Ein Bewegungsprogramm für Pausenhöfe mit ausgebildeten Pausenlotsen', who: 'Kinder und Jugendliche an weiterführenden Schulen' },
  { name: 'Tafel plus Beratung', model: 'social_franchise', what: 'Lebensmittelausgabe kombiniert mit Sozial- und Schuldnerberatung am selben Ort', who: 'Menschen mit geringem Einkommen' },
  { name: 'Kulturführerschein', model: 'other', what: 'Kostenlose Kulturbesuche mit Begleitung für Familien, die sonst keinen Zugang haben', who: 'Familien mit wenig Geld' },
];
const REGIONS = ['Sachsen, Thüringen und Sachsen-Anhalt', 'ganz Bayern', 'das Ruhrgebiet', 'Berlin und Brandenburg', 'Norddeutschland (Hamburg, Bremen, Niedersachsen)', 'ländliche Räume in Mecklenburg-Vorpommern', 'Baden-Württemberg und Rheinland-Pfalz', 'zehn Großstädte bundesweit'];

function applicationText(orgName: string, i: number, rnd: ReturnType<typeof seededRandom>) {
  const p = PROJECTS[i % PROJECTS.length];
  const region = REGIONS[(i * 3) % REGIONS.length];
  const sites = rnd.int(2, 9);
  const people = rnd.int(80, 2400);
  const goal = rnd.int(8, 40);
  const amount = rnd.int(15, 60) * 1000;
  return {
    project_name: `${p.name}${i >= PROJECTS.length ? ` ${['Plus', 'bundesweit', 'vor Ort', 'digital', 'Regional'][i % 5]}` : ''}`,
    summary: `${orgName}: ${p.what}. Zielgruppe sind ${p.who}. Das Angebot läuft seit ${rnd.int(3, 12)} Jahren an ${sites} Standorten.`,
    transfer_model: p.model,
    target_regions: region,
    impact_evidence: `Im letzten Jahr haben wir ${people.toLocaleString('de-DE')} Menschen erreicht. Eine Befragung ergab, dass ${rnd.int(60, 92)} % der Teilnehmenden ihre Situation verbessert sehen; eine externe Evaluation liegt bei.`,
    scaling_goals: `Bis ${2026 + rnd.int(2, 4)} wollen wir an ${goal} Standorten in ${region} aktiv sein – gemeinsam mit lokalen Trägern, die wir schulen und begleiten.`,
    team: `${rnd.int(2, 12)} Hauptamtliche und ${rnd.int(15, 300)} Ehrenamtliche; die Geschäftsführung hat bereits zwei Standorte aufgebaut.`,
    funding_requested_cents: amount * 100,
    budget_plan: `Personal Transfermanagement ${Math.round(amount * 0.6).toLocaleString('de-DE')} €, Schulungen und Material ${Math.round(amount * 0.25).toLocaleString('de-DE')} €, Reisen ${Math.round(amount * 0.15).toLocaleString('de-DE')} €. Eigenmittel und Stiftungszuschüsse sichern das Folgejahr.`,
    motivation: 'Wir möchten von anderen Organisationen lernen, wie ein Transfer gelingt, und suchen Coaching für unsere Partnerstrategie.',
  };
}

async function ensureCohort(db: Db, c: (typeof COHORTS)[number]) {
  const existing = await db.selectFrom('cohorts').selectAll().where('year', '=', c.year).executeTakeFirst();
  if (existing) return existing;
  const cohort = await db
    .insertInto('cohorts')
    .values({
      name: c.name, year: c.year, application_opens_at: at(c.opens), application_closes_at: at(c.closes), phase: c.phase,
      // The jury has four weeks after the deadline (the review_due reminders count from here).
      review_due_at: new Date(at(c.closes).getTime() + REVIEW_WEEKS * 7 * 86_400_000),
      seats: 10, default_grant_cents: c.grant, coaching_hours_per_fellow: 12,
      description: 'Das Skalierungsstipendium der Stiftung Bürgermut mit der Bertelsmann Stiftung: ein Jahr Workshops, Coaching und Förderung für den Transfer erprobter sozialer Projekte.',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('criteria').values(c.criteria.map((k, position) => ({ ...k, cohort_id: cohort.id, position }))).execute();
  return cohort;
}

/**
 * The call: cohorts 2024 and 2025 (past, `alumni`), 2026 (deadline passed, `review`) and 2023
 * (past, `alumni`, created last) with weighted criteria; 60 applications to 2026 from the demo
 * organisations (applicant1's among them), 12 to each past year — to 2023 from organisations that
 * apply again in 2026 and were fellows of no other past year; receipts in the outbox (not for 2023).
 * Does nothing if the 2026 cohort already has applications.
 */
export async function seedCall(db: Db, base: DemoBase): Promise<void> {
  const rnd = seededRandom(2026);
  const orgs = await db.selectFrom('organisations').select(['id', 'name', 'email']).orderBy('id').execute();
  if (!orgs.length) return;
  const cohorts: Array<Awaited<ReturnType<typeof ensureCohort>>> = [];
  for (const c of COHORTS) cohorts.push(await ensureCohort(db, c));
  const current = cohorts[2];
  const already = await db.selectFrom('applications').select('id').where('cohort_id', '=', current.id).limit(1).executeTakeFirst();
  if (already) return;

  const plan: Array<{ cohort: (typeof cohorts)[number]; org: (typeof orgs)[number]; status: string; i: number }> = [];
  orgs.slice(0, 60).forEach((org, i) => {
    const status = i >= 50 && i < 56 ? 'draft' : i >= 56 ? 'ineligible' : i % 7 === 3 ? 'submitted' : 'eligible';
    plan.push({ cohort: current, org, status, i });
  });
  orgs.slice(60, 72).forEach((org, i) => plan.push({ cohort: cohorts[0], org, status: 'submitted', i: i + 3 }));
  [...orgs.slice(50, 60), ...orgs.slice(60, 62)].forEach((org, i) => plan.push({ cohort: cohorts[1], org, status: 'eligible', i: i + 5 }));
  orgs.slice(38, 50).forEach((org, i) => plan.push({ cohort: cohorts[3], org, status: 'eligible', i: i + 7 }));

  for (const { cohort, org, status, i } of plan) {
    const closes = new Date(cohort.application_closes_at).getTime();
    // Most arrive in the last two weeks, a good share in the final day.
    const submittedAt = status === 'draft' ? null : new Date(closes - (i % 4 === 0 ? rnd.int(60, 20 * 3600) : rnd.int(1, 14) * 86400) * 1000);
    const text = applicationText(org.name, i, rnd);
    const partial = status === 'draft' ? { ...text, impact_evidence: null, budget_plan: null, motivation: null, funding_requested_cents: null } : text;
    const app = await db
      .insertInto('applications')
      .values({
        cohort_id: cohort.id, organisation_id: org.id, ...partial, status: status as any, submitted_at: submittedAt,
        eligibility_note: status === 'ineligible' ? 'Freistellungsbescheid fehlt bzw. ist abgelaufen.' : status === 'eligible' ? 'Formal vollständig, gemeinnützig.' : null,
        created_at: new Date(closes - 40 * 86400_000),
      } as any)
      .returning(['id', 'project_name'])
      .executeTakeFirstOrThrow();
    // 2023, added to the demo last, has no receipts in the outbox: its letters come after the other years' (ids unchanged).
    if (!submittedAt || !org.email || cohort.year === 2023) continue;
    const receipt = applicationReceipt({ organisationName: org.name, projectName: app.project_name ?? '', cohortName: cohort.name, submittedAt, applicationId: app.id, publicUrl: base.publicUrl });
    await db
      .insertInto('emails')
      .values({
        to: org.email, ...receipt, template: 'application_receipt', organisation_id: org.id, dedupe_key: `application_receipt:${app.id}`,
        status: 'sent', attempts: 1, sent_at: new Date(submittedAt.getTime() + 30_000), next_attempt_at: submittedAt, created_at: submittedAt,
      })
      .execute();
  }
}
