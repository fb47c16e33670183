import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { attendanceSummary, type AttendanceSummary } from './attendances.schema.ts';

const attendedAt = sql<boolean>`EXISTS (SELECT 1 FROM attendances a JOIN people p ON p.id = a.person_id
  WHERE a.workshop_id = w.id AND p.organisation_id = f.organisation_id AND a.status = 'attended')`;
const excusedAt = sql<boolean>`EXISTS (SELECT 1 FROM attendances a JOIN people p ON p.id = a.person_id
  WHERE a.workshop_id = w.id AND p.organisation_id = f.organisation_id AND a.status = 'excused')`;

export type FellowshipAttendance = AttendanceSummary & { fellowship_id: number; organisation_id: number; organisation_name: string; cohort_id: number; status: string };

/**
 * Attendance of each fellowship's organisation at its cohort's mandatory workshops that are over.
 * One aggregate query; the rule itself is the pure `attendanceSummary`.
 */
export async function fellowshipAttendance(db: Kysely<Database>, where: { fellowshipIds?: number[]; cohortId?: number }): Promise<FellowshipAttendance[]> {
  let qb = db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('workshops as w', (join) =>
      join.onRef('w.cohort_id', '=', 'f.cohort_id').on('w.mandatory', '=', true).on('w.ends_at', '<', sql<Date>`now()`),
    )
    .select([
      'f.id as fellowship_id', 'f.organisation_id', 'o.name as organisation_name', 'f.cohort_id', 'f.status', 'c.min_attendance_percent',
      sql<number>`count(w.id)::int`.as('mandatory_past'),
      sql<number>`(count(w.id) FILTER (WHERE ${attendedAt}))::int`.as('attended'),
      sql<number>`(count(w.id) FILTER (WHERE NOT ${attendedAt} AND ${excusedAt}))::int`.as('excused'),
    ])
    .groupBy(['f.id', 'f.organisation_id', 'o.name', 'f.cohort_id', 'f.status', 'c.min_attendance_percent'])
    .orderBy('o.name')
    .orderBy('f.id');
  if (where.fellowshipIds) qb = where.fellowshipIds.length ? qb.where('f.id', 'in', where.fellowshipIds) : qb.where(sql<boolean>`false`);
  if (where.cohortId !== undefined) qb = qb.where('f.cohort_id', '=', where.cohortId);
  const rows = await qb.execute();
  return rows.map((r) => ({
    fellowship_id: r.fellowship_id,
    organisation_id: r.organisation_id,
    organisation_name: r.organisation_name,
    cohort_id: r.cohort_id,
    status: r.status,
    ...attendanceSummary({ mandatory_past: r.mandatory_past, attended: r.attended, excused: r.excused }, r.min_attendance_percent),
  }));
}

/** Each organisation's status per workshop: attended beats excused beats registered beats absent. */
export async function organisationStatusByWorkshop(db: Kysely<Database>, workshopIds: number[], organisationIds: number[]) {
  if (!workshopIds.length || !organisationIds.length) return [];
  return db
    .selectFrom('attendances as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .where('a.workshop_id', 'in', workshopIds)
    .where('p.organisation_id', 'in', organisationIds)
    .select([
      'a.workshop_id',
      'p.organisation_id',
      sql<string>`(array_agg(a.status ORDER BY CASE a.status WHEN 'attended' THEN 0 WHEN 'excused' THEN 1 WHEN 'registered' THEN 2 ELSE 3 END))[1]`.as('status'),
      sql<number>`count(*)::int`.as('people'),
    ])
    .groupBy(['a.workshop_id', 'p.organisation_id'])
    .execute();
}
