import { TZDate } from '@date-fns/tz';
import type { Db } from '../backend/src/db/database.ts';
import { berlinToday } from '../backend/src/coaching-sessions/coaching-sessions.schema.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

const DAY = 86_400_000;

/** A Berlin wall-clock time `days` from `from` (so the demo's 10:00 is 10:00 in Berlin). */
function berlinAt(from: Date, days: number, hour: number, minute = 0): Date {
  const d = new TZDate(from.getTime() + days * DAY, 'Europe/Berlin');
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute, 'Europe/Berlin').getTime());
}

const isoDay = (d: Date) => berlinToday(d);

/** Facilitators who are coaches in the demo (coach1…3@example.org). */
const FACILITATOR_COACH: Record<string, number> = { 'Katrin Übel': 0, 'Martin Groß': 1, 'Leyla Demir': 2 };

interface Plan {
  title: string;
  kind: 'workshop' | 'webinar' | 'barcamp' | 'networking';
  day: number;
  from: number;
  to: number;
  location?: string;
  online?: boolean;
  facilitator: string;
  mandatory?: boolean;
  description: string;
}

/** The current cohort's year, relative to today: five events behind us, four ahead. */
const CURRENT: Plan[] = [
  { title: 'Auftaktworkshop: Euer Transfervorhaben', kind: 'workshop', day: -120, from: 10, to: 17, location: 'Berlin, Stiftung Bürgermut, Greifswalder Str. 4', facilitator: 'Sabine Schäfer', description: 'Kennenlernen, Ziele der Fellowship, Arbeitsplan für das Jahr.' },
  { title: 'Webinar: Wirkungslogik & Wirkungsmessung', kind: 'webinar', day: -95, from: 14, to: 16, online: true, facilitator: 'Leyla Demir', description: 'Von der Wirkungstreppe zu messbaren Indikatoren.' },
  { title: 'Workshop: Das Transferkonzept schreiben', kind: 'workshop', day: -70, from: 10, to: 16, location: 'Hamburg, Körber-Forum', facilitator: 'Katrin Übel', description: 'Social Franchise, Affiliation oder Lizenz? Das passende Transfermodell.' },
  { title: 'Webinar: Finanzierungsmix für die Skalierung', kind: 'webinar', day: -40, from: 15, to: 17, online: true, facilitator: 'Martin Groß', description: 'Stiftungen, öffentliche Mittel, Social Investors.' },
  { title: 'Barcamp „Wirkung skalieren“', kind: 'barcamp', day: -12, from: 9, to: 18, location: 'Leipzig, Westwerk', facilitator: 'Programmteam', description: 'Offene Sessions der Fellows und Alumni.' },
  { title: 'Netzwerktreffen mit Alumni und Förderern', kind: 'networking', day: 16, from: 18, to: 21, location: 'Köln, Impact Hub', facilitator: 'Tobias Groß', mandatory: false, description: 'Abendveranstaltung – freiwillig, aber empfohlen.' },
  { title: 'Webinar: Partner gewinnen und binden', kind: 'webinar', day: 40, from: 14, to: 16, online: true, facilitator: 'Leyla Demir', description: 'Partnerakquise für neue Standorte.' },
  { title: 'Workshop: Pitch-Training für den Demo Day', kind: 'workshop', day: 85, from: 10, to: 16, location: 'Frankfurt am Main, Haus am Dom', facilitator: 'Katrin Übel', description: 'Die Geschichte des Transfervorhabens in fünf Minuten.' },
  { title: 'Demo Day vor Social Investors', kind: 'networking', day: 190, from: 13, to: 19, location: 'Berlin, Allianz Forum', facilitator: 'Programmteam', description: 'Abschluss des Jahrgangs.' },
];

const PAST_COHORT: Array<Omit<Plan, 'day'> & { dayOfYear: number }> = [
  { title: 'Auftaktworkshop', kind: 'workshop', dayOfYear: 100, from: 10, to: 17, location: 'Berlin', facilitator: 'Programmteam', description: 'Start des Jahrgangs.' },
  { title: 'Webinar: Wirkungsmessung', kind: 'webinar', dayOfYear: 140, from: 14, to: 16, online: true, facilitator: 'Leyla Demir', description: 'Indikatoren und Daten.' },
  { title: 'Workshop: Transferkonzept', kind: 'workshop', dayOfYear: 200, from: 10, to: 16, location: 'Hamburg', facilitator: 'Katrin Übel', description: 'Das passende Transfermodell.' },
  { title: 'Demo Day', kind: 'networking', dayOfYear: 330, from: 13, to: 19, location: 'Berlin', facilitator: 'Programmteam', description: 'Abschluss des Jahrgangs.' },
];

const TOPICS = [
  'Transfermodell schärfen', 'Finanzplanung für neue Standorte', 'Partnerprofil und Partnersuche', 'Wirkungsindikatoren',
  'Rollen im Team beim Wachstum', 'Qualitätssicherung an Standorten', 'Pitch für Stiftungen', 'Lizenzvertrag vorbereiten',
];
const CONFIDENTIAL_TOPICS = ['Konflikt im Vorstand', 'Persönliche Belastung der Geschäftsführung', 'Finanzielle Engpässe im Trägerverein'];

/**
 * Programme step: workshops, webinars and a barcamp for every cohort with fellows; attendance of
 * the past ones (one current fellow falls below the attendance rule); coaching sessions per fellow
 * by their coach (some confidential), with one fellow's hours near and one at the budget limit.
 * Past cohorts get a lighter version (four events, 70 % of the hours). Without fellowships it does nothing.
 */
export async function seedProgramme(db: Db, base: DemoBase): Promise<void> {
  const cohorts = await db
    .selectFrom('cohorts as c')
    .select(['c.id', 'c.year', 'c.phase', 'c.coaching_hours_per_fellow'])
    .where('c.id', 'in', db.selectFrom('fellowships').select('cohort_id').where('status', '<>', 'withdrawn'))
    .orderBy('c.id')
    .execute();
  if (!cohorts.length) return;
  const already = await db.selectFrom('workshops').select('id').limit(1).executeTakeFirst();
  if (already) return;
  // Its own sequence, so this step does not shift the random choices of the steps after it.
  const rnd = seededRandom(606);
  const now = new Date();
  const current = cohorts.filter((c) => c.phase !== 'alumni').at(-1);

  for (const cohort of cohorts) {
    const isCurrent = cohort.id === current?.id;
    const fellowships = await db
      .selectFrom('fellowships')
      .select(['id', 'organisation_id', 'coach_id', 'coaching_hours_budget'])
      .where('cohort_id', '=', cohort.id)
      .where('status', '<>', 'withdrawn')
      .orderBy('id')
      .execute();
    // Every fellow needs a coach for the year: staff coaches and Transfer-Angels, in turn.
    for (const [i, f] of fellowships.entries()) {
      const updates: Record<string, unknown> = {};
      if (!f.coach_id) updates.coach_id = f.coach_id = base.coaches[i % base.coaches.length].id;
      if (!Number(f.coaching_hours_budget)) updates.coaching_hours_budget = f.coaching_hours_budget = Number(cohort.coaching_hours_per_fellow) || 10;
      if (Object.keys(updates).length) await db.updateTable('fellowships').set(updates).where('id', '=', f.id).execute();
    }

    const plans: Plan[] = isCurrent
      ? CURRENT
      : PAST_COHORT.map((p) => ({ ...p, day: Math.round((Date.UTC(cohort.year, 0, 1) + p.dayOfYear * DAY - now.getTime()) / DAY) }));
    const workshops = [];
    for (const plan of plans) {
      const coach = base.coaches[FACILITATOR_COACH[plan.facilitator] ?? -1];
      workshops.push(
        await db
          .insertInto('workshops')
          .values({
            cohort_id: cohort.id,
            title: plan.title,
            kind: plan.kind,
            starts_at: berlinAt(now, plan.day, plan.from),
            ends_at: berlinAt(now, plan.day, plan.to),
            location: plan.location ?? null,
            online_url: plan.online ? `https://meet.example.org/ota-${cohort.year}-${plan.day < 0 ? 'p' : 'f'}${Math.abs(plan.day)}` : null,
            facilitator: plan.facilitator,
            facilitator_id: coach?.id ?? null,
            recording_url: plan.online && plan.day < 0 ? `https://video.example.org/aufzeichnung-${cohort.year}-${Math.abs(plan.day)}` : null,
            description: plan.description,
            mandatory: plan.mandatory ?? true,
          })
          .returning(['id', 'kind', 'starts_at', 'ends_at', 'mandatory'])
          .executeTakeFirstOrThrow(),
      );
    }

    // Attendance: every fellow organisation sends its people (at most 2 on site, so 2 everywhere
    // here); past events are marked. The fourth current fellow misses most mandatory workshops.
    for (const [i, f] of fellowships.entries()) {
      const people = await db.selectFrom('people').select('id').where('organisation_id', '=', f.organisation_id).orderBy('id').limit(2).execute();
      if (!people.length) continue;
      const weak = isCurrent && i === 3;
      for (const [wi, w] of workshops.entries()) {
        const past = new Date(w.ends_at) < now;
        for (const [pi, p] of people.entries()) {
          if (pi === 1 && w.kind !== 'webinar' && rnd.next() < 0.5) continue;
          let status: 'registered' | 'attended' | 'absent' | 'excused' = 'registered';
          if (past) {
            if (weak) status = wi === 0 ? 'attended' : wi === 2 ? 'excused' : 'absent';
            else status = pi === 0 ? (rnd.next() < 0.9 || wi % 2 === 0 ? 'attended' : 'excused') : rnd.next() < 0.7 ? 'attended' : 'absent';
          } else if (rnd.next() < 0.3) continue;
          await db.insertInto('attendances').values({ workshop_id: w.id, person_id: p.id, status }).execute();
        }
      }
    }

    // Coaching: a session every few weeks, by the fellow's coach. Current cohort: the second
    // fellow is near the budget (≥ 80 %), the third exactly at it.
    for (const [i, f] of fellowships.entries()) {
      const budgetMinutes = Math.round(Number(f.coaching_hours_budget) * 60);
      if (!f.coach_id || budgetMinutes < 60) continue;
      let target = Math.round(budgetMinutes * (isCurrent ? 0.45 + rnd.next() * 0.25 : 0.7));
      if (isCurrent && i === 1) target = Math.round(budgetMinutes * 0.85);
      if (isCurrent && i === 2) target = budgetMinutes;
      const firstDay = isCurrent ? -115 : plans[0].day + 5;
      const lastDay = isCurrent ? -1 : plans[plans.length - 1].day;
      let used = 0;
      let n = 0;
      while (used < target) {
        const minutes = Math.min(target - used, rnd.pick([45, 60, 60, 90, 90, 120]));
        const day = Math.round(firstDay + ((lastDay - firstDay) * n) / 8);
        const confidential = n % 4 === 2;
        await db
          .insertInto('coaching_sessions')
          .values({
            fellowship_id: f.id,
            coach_id: f.coach_id,
            held_on: isoDay(new Date(now.getTime() + Math.min(day, -1) * DAY)),
            duration_minutes: minutes,
            format: rnd.pick(['video', 'video', 'in_person', 'phone'] as const),
            topics: confidential ? rnd.pick(CONFIDENTIAL_TOPICS) : rnd.pick(TOPICS),
            notes: confidential
              ? 'Vertraulich besprochen; Details nur im Coaching. Unterstützungsangebote aufgezeigt.'
              : 'Stand des Vorhabens durchgesprochen, offene Fragen gesammelt und priorisiert.',
            next_steps: confidential ? 'Folgetermin in zwei Wochen.' : rnd.pick(['Entwurf bis zum nächsten Termin', 'Gespräch mit zwei Partnern führen', 'Zahlen für den Finanzplan nachreichen']),
            confidential,
          })
          .execute();
        used += minutes;
        n++;
      }
    }
  }
}
