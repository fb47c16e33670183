import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { isStaff } from '../http/context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { PUBLIC_KINDS, workshopVisibility } from '../workshops/index.ts';
import { capPerOrganisation } from '../workshops/workshops.schema.ts';
import type { AttendanceStatus } from './attendances.schema.ts';

type Trx = Transaction<Database>;
type LockedWorkshop = { id: number; cohort_id: number; kind: string; location: string | null; starts_at: Date; ends_at: Date };

/**
 * Locks the workshop row: every registration for one workshop goes through this lock, so counting
 * an organisation's seats and inserting the next one cannot interleave (the seat cap holds under
 * concurrent requests). Answers 404 for a workshop outside the caller's view.
 */
export async function lockWorkshop(trx: Trx, ctx: RequestContext, workshopId: number): Promise<LockedWorkshop> {
  let visible = trx.selectFrom('workshops as t').select('t.id').where('t.id', '=', workshopId);
  const condition = workshopVisibility(trx, ctx.user);
  if (condition) visible = visible.where(condition);
  if (!(await visible.executeTakeFirst())) throw notFound('Veranstaltung nicht gefunden.');
  return trx
    .selectFrom('workshops')
    .select(['id', 'cohort_id', 'kind', 'location', 'starts_at', 'ends_at'])
    .where('id', '=', workshopId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The person, checked: an applicant registers only their own organisation's people. */
export async function personFor(trx: Kysely<Database>, ctx: RequestContext, personId: number, field = 'person_id') {
  const person = await trx.selectFrom('people').select(['id', 'organisation_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw badRequest('Person nicht gefunden.', { [field]: 'Person nicht gefunden.' });
  if (ctx.user?.role === 'applicant' && person.organisation_id !== ctx.user.organisation_id) throw notFound('Person nicht gefunden.');
  return person;
}

/**
 * Workshops are for fellows: the organisation holds a (not withdrawn) fellowship in the workshop's
 * cohort — or, for the network's public events (barcamps, networking), it is an alumnus.
 */
export async function checkEligible(trx: Kysely<Database>, workshop: LockedWorkshop, organisationId: number) {
  const fellow = await trx
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .select(['f.cohort_id', 'f.status', 'c.phase'])
    .where('f.organisation_id', '=', organisationId)
    .where('f.status', '<>', 'withdrawn')
    .execute();
  if (fellow.some((f) => f.cohort_id === workshop.cohort_id)) return;
  const alumnus = fellow.some((f) => f.status === 'completed' || f.phase === 'alumni');
  if (alumnus && (PUBLIC_KINDS as readonly string[]).includes(workshop.kind)) return;
  throw conflict('Diese Organisation ist in diesem Jahrgang kein Fellow.', 'not_a_fellow', { person_id: 'Kein Fellow dieses Jahrgangs.' });
}

/** Attended/absent can only be recorded once the workshop has begun. */
export function checkStatusTiming(workshop: LockedWorkshop, status: AttendanceStatus, now = new Date()) {
  if ((status === 'attended' || status === 'absent') && new Date(workshop.starts_at) > now) {
    throw conflict('Anwesenheit kann erst ab Beginn der Veranstaltung erfasst werden.', 'workshop_not_started', { status: 'Veranstaltung hat noch nicht begonnen.' });
  }
}

/** Applicants register and excuse themselves only while the workshop is still ahead. */
export function checkApplicantChange(ctx: RequestContext, workshop: LockedWorkshop, status: AttendanceStatus, now = new Date()) {
  if (ctx.user?.role !== 'applicant') return;
  if (status !== 'registered' && status !== 'excused') {
    throw badRequest('Anwesenheit erfasst das Programmteam.', { status: 'Nur anmelden oder abmelden.' });
  }
  if (new Date(workshop.starts_at) <= now) {
    throw conflict('Die Veranstaltung hat schon begonnen.', 'workshop_started', { workshop_id: 'Anmeldung geschlossen.' });
  }
}

/** Seats taken by an organisation at a workshop (excused people do not hold a seat). */
async function seatsTaken(trx: Kysely<Database>, workshopId: number, organisationId: number, exceptAttendanceId?: number) {
  let qb = trx
    .selectFrom('attendances as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('a.workshop_id', '=', workshopId)
    .where('p.organisation_id', '=', organisationId)
    .where('a.status', '<>', 'excused');
  if (exceptAttendanceId) qb = qb.where('a.id', '<>', exceptAttendanceId);
  return (await qb.executeTakeFirstOrThrow()).n;
}

export async function checkCap(trx: Kysely<Database>, workshop: LockedWorkshop, organisationId: number, exceptAttendanceId?: number) {
  const cap = capPerOrganisation(workshop);
  if ((await seatsTaken(trx, workshop.id, organisationId, exceptAttendanceId)) >= cap) {
    throw conflict(`Höchstens ${cap} Personen je Organisation bei dieser Veranstaltung.`, 'attendance_cap', { person_id: `Höchstens ${cap} Personen je Organisation.` });
  }
}

/**
 * Staff mark one workshop's attendance in one transaction: every entry is upserted, the seat cap
 * is checked per organisation afterwards (under the workshop lock), and any failure rolls all back.
 */
export async function markAttendance(ctx: RequestContext, workshopId: number, entries: Array<{ person_id: number; status: AttendanceStatus }>) {
  if (!isStaff(ctx.user)) throw notFound();
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    if (seen.has(e.person_id)) throw badRequest('Jede Person nur einmal.', { [`entries.${i}.person_id`]: 'doppelt' });
    seen.add(e.person_id);
  });
  await ctx.db.transaction().execute(async (trx) => {
    const workshop = await lockWorkshop(trx, ctx, workshopId);
    const organisations = new Set<number>();
    for (const [i, entry] of entries.entries()) {
      const person = await personFor(trx, ctx, entry.person_id, `entries.${i}.person_id`);
      await checkEligible(trx, workshop, person.organisation_id);
      checkStatusTiming(workshop, entry.status);
      const existing = await trx.selectFrom('attendances').selectAll().where('workshop_id', '=', workshop.id).where('person_id', '=', person.id).forUpdate().executeTakeFirst();
      if (existing?.status === entry.status) continue;
      const row = await trx
        .insertInto('attendances')
        .values({ workshop_id: workshop.id, person_id: person.id, status: entry.status })
        .onConflict((oc) => oc.columns(['workshop_id', 'person_id']).doUpdateSet({ status: entry.status, updated_at: new Date() }))
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx.user, existing ? 'update' : 'create', 'attendances', row.id, existing ?? null, row, { via: 'mark-attendance' });
      organisations.add(person.organisation_id);
    }
    const cap = capPerOrganisation(workshop);
    for (const organisationId of organisations) {
      if ((await seatsTaken(trx, workshop.id, organisationId)) > cap) {
        throw conflict(`Höchstens ${cap} Personen je Organisation bei dieser Veranstaltung.`, 'attendance_cap');
      }
    }
  });
}
