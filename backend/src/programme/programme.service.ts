import type { ReviewScore } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { isStaff } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { fellowshipAttendance, organisationStatusByWorkshop, type FellowshipAttendance } from '../attendances/index.ts';
import { attendanceSummary } from '../attendances/attendances.schema.ts';
import { coachingSessionsQuery, usedMinutesByFellowship } from '../coaching-sessions/index.ts';
import { coachingBudget } from '../coaching-sessions/coaching-sessions.schema.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { fundingOverview } from '../disbursements/index.ts';
import { weightedScoreOf } from '../rankings/index.ts';
import { scoresSummary } from './scores.ts';

/** One line per fellowship the caller may see: coach, hours vs budget, attendance rule. */
export async function fellowSummaries(ctx: RequestContext, filter: { cohortId?: number; status?: 'active' | 'completed' | 'withdrawn' }) {
  const db = ctx.db;
  let qb = db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('users as u', 'u.id', 'f.coach_id')
    .select([
      'f.id', 'f.cohort_id', 'c.name as cohort_name', 'c.phase as cohort_phase', 'f.organisation_id', 'o.name as organisation_name',
      'f.status', 'f.stage', 'f.coach_id', 'u.name as coach_name', 'f.coaching_hours_budget', 'f.grant_cents',
    ])
    .where('f.id', 'in', visibleFellowshipIds(db, ctx.user))
    .orderBy('c.year', 'desc')
    .orderBy('o.name')
    .orderBy('f.id');
  if (filter.cohortId !== undefined) qb = qb.where('f.cohort_id', '=', filter.cohortId);
  if (filter.status !== undefined) qb = qb.where('f.status', '=', filter.status);
  const rows = await qb.execute();
  const ids = rows.map((r) => r.id);
  const [minutes, attendance, nextMilestones] = await Promise.all([
    usedMinutesByFellowship(db, ids),
    fellowshipAttendance(db, { fellowshipIds: ids }),
    ids.length
      ? db
          .selectFrom('milestones')
          .select(['fellowship_id', 'id', 'title', 'due_on', 'status'])
          .where('fellowship_id', 'in', ids)
          .where('status', '=', 'open')
          .orderBy('due_on')
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const att = attendance.find((a) => a.fellowship_id === r.id);
    return {
      ...r,
      coaching: coachingBudget(minutes.get(r.id) ?? 0, r.coaching_hours_budget),
      attendance: att ? { ...stripIds(att) } : null,
      next_milestone: nextMilestones.find((m) => m.fellowship_id === r.id) ?? null,
    };
  });
}

function stripIds(att: FellowshipAttendance) {
  const { fellowship_id, organisation_id, organisation_name, cohort_id, status, ...rest } = att;
  return rest;
}

type TimelineEvent = { at: string; kind: string; title: string; ref?: { resource: string; id: number } };

const iso = (v: Date | string | null | undefined) => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

/**
 * The whole story of one fellow in one place: application, scores summary, milestones,
 * attendance, coaching hours, tranches and a timeline. Read-only; scoped like the fellowship
 * (404 outside the caller's view). Confidential coaching content stays redacted exactly as on
 * the coaching-sessions resource (the same query); juror identities only for staff.
 */
export async function fellowshipStory(ctx: RequestContext, fellowshipId: number) {
  const db = ctx.db;
  const staff = isStaff(ctx.user);
  const fellowship = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('users as u', 'u.id', 'f.coach_id')
    .select([
      'f.id', 'f.cohort_id', 'c.name as cohort_name', 'c.year as cohort_year', 'c.phase as cohort_phase', 'c.min_attendance_percent',
      'f.organisation_id', 'o.name as organisation_name', 'f.application_id', 'f.coach_id', 'u.name as coach_name',
      'f.grant_cents', 'f.coaching_hours_budget', 'f.status', 'f.stage', 'f.goals', 'f.created_at',
    ])
    .where('f.id', '=', fellowshipId)
    .where('f.id', 'in', visibleFellowshipIds(db, ctx.user))
    .executeTakeFirst();
  if (!fellowship) throw notFound('Fellowship nicht gefunden.');

  const [application, criteria, reviews, milestones, workshops, sessions, tranches, attendanceRows] = await Promise.all([
    db
      .selectFrom('applications')
      .select([
        'id', 'project_name', 'summary', 'transfer_model', 'target_regions', 'scaling_goals', 'funding_requested_cents', 'status',
        'submitted_at', 'decided_at', 'decision_released_at', 'decision_reason', 'interview_at',
      ])
      .where('id', '=', fellowship.application_id)
      .executeTakeFirst(),
    db.selectFrom('criteria').select(['id', 'name', 'weight', 'max_score', 'position']).where('cohort_id', '=', fellowship.cohort_id).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('reviews as r')
      .leftJoin('users as j', 'j.id', 'r.juror_id')
      .select(['r.id', 'r.juror_id', 'j.name as juror_name', 'r.status', 'r.scores', 'r.score', 'r.recommendation', 'r.submitted_at'])
      .where('r.application_id', '=', fellowship.application_id)
      .orderBy('r.id')
      .execute(),
    db.selectFrom('milestones').select(['id', 'title', 'kind', 'due_on', 'status', 'note', 'achieved_at']).where('fellowship_id', '=', fellowshipId).orderBy('due_on').orderBy('id').execute(),
    db.selectFrom('workshops').select(['id', 'title', 'kind', 'starts_at', 'ends_at', 'mandatory', 'location']).where('cohort_id', '=', fellowship.cohort_id).orderBy('starts_at').execute(),
    coachingSessionsQuery(db, ctx.user).where('t.fellowship_id', '=', fellowshipId).orderBy('t.held_on').orderBy('t.id').execute(),
    db
      .selectFrom('disbursements')
      .select(['id', 'label', 'amount_cents', 'due_on', 'milestone_id', 'status', 'approved_at', 'paid_at'])
      .where('fellowship_id', '=', fellowshipId)
      .orderBy('due_on')
      .orderBy('id')
      .execute(),
    fellowshipAttendance(db, { fellowshipIds: [fellowshipId] }),
  ]);

  const statuses = await organisationStatusByWorkshop(db, workshops.map((w) => w.id), [fellowship.organisation_id]);
  const now = Date.now();
  const attendance = {
    ...(attendanceRows[0]
      ? stripIds(attendanceRows[0])
      : attendanceSummary({ mandatory_past: 0, attended: 0, excused: 0 }, fellowship.min_attendance_percent)),
    workshops: workshops.map((w) => ({
      ...w,
      past: new Date(w.ends_at).getTime() < now,
      status: statuses.find((s) => s.workshop_id === w.id)?.status ?? null,
    })),
  };

  // Every session counts against the budget, also those this caller sees only as "held".
  const usedMinutes = (await usedMinutesByFellowship(db, [fellowshipId])).get(fellowshipId) ?? 0;
  const coaching = {
    ...coachingBudget(usedMinutes, fellowship.coaching_hours_budget),
    session_count: sessions.length,
    confidential_count: sessions.filter((s: any) => s.confidential).length,
    sessions: sessions.map(({ budget_hours, fellowship_used_minutes, ...s }: any) => s),
  };

  const submitted = reviews.filter((r) => r.status === 'submitted');
  const scores = {
    ...scoresSummary(
      criteria,
      submitted.map((r) => ({ scores: r.scores as ReviewScore[], recommendation: r.recommendation })),
      (await db.selectNoFrom(weightedScoreOf(fellowship.application_id).as('score')).executeTakeFirstOrThrow()).score,
    ),
    ...(staff
      ? {
          in_progress_count: reviews.filter((r) => r.status === 'assigned').length,
          reviews: submitted.map((r) => ({
            id: r.id,
            juror_id: r.juror_id,
            juror_name: r.juror_name,
            recommendation: r.recommendation,
            weighted_score: r.score === null ? null : Math.round(Number(r.score) * 10) / 10,
            submitted_at: r.submitted_at,
          })),
        }
      : {}),
  };

  const money = (await fundingOverview(db, fellowship.cohort_id)).fellowships.find((row) => row.fellowship_id === fellowshipId);
  const trancheTotals = { planned: money?.planned_cents ?? 0, approved: money?.approved_cents ?? 0, paid: money?.paid_cents ?? 0, cancelled: money?.cancelled_cents ?? 0 };

  const timeline: TimelineEvent[] = [];
  const push = (at: Date | string | null | undefined, kind: string, title: string, ref?: TimelineEvent['ref']) => {
    const when = iso(at);
    if (when) timeline.push({ at: when, kind, title, ref });
  };
  if (application) {
    push(application.submitted_at, 'application_submitted', application.project_name ?? '', { resource: 'applications', id: application.id });
    push(application.decision_released_at ?? (staff ? application.decided_at : null), 'selected', fellowship.cohort_name);
  }
  push(fellowship.created_at, 'fellowship_started', fellowship.cohort_name, { resource: 'fellowships', id: fellowship.id });
  for (const m of milestones) {
    if (m.status === 'achieved') push(m.achieved_at ?? m.due_on, 'milestone_achieved', m.title, { resource: 'milestones', id: m.id });
    else push(m.due_on, m.status === 'missed' ? 'milestone_missed' : 'milestone_due', m.title, { resource: 'milestones', id: m.id });
  }
  for (const w of attendance.workshops) {
    if (w.status === 'attended' || (w.past && w.mandatory)) push(w.starts_at, w.status === 'attended' ? 'workshop_attended' : `workshop_${w.status ?? 'missed'}`, w.title, { resource: 'workshops', id: w.id });
    else if (!w.past) push(w.starts_at, 'workshop_upcoming', w.title, { resource: 'workshops', id: w.id });
  }
  for (const s of coaching.sessions) push(s.held_on, 'coaching_session', s.topics ?? '', { resource: 'coaching-sessions', id: s.id });
  for (const t of tranches) {
    if (t.status === 'paid') push(t.paid_at, 'tranche_paid', t.label, { resource: 'disbursements', id: t.id });
    else if (t.status === 'approved') push(t.approved_at, 'tranche_approved', t.label, { resource: 'disbursements', id: t.id });
    else if (t.status === 'planned') push(t.due_on, 'tranche_planned', t.label, { resource: 'disbursements', id: t.id });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  return {
    id: fellowship.id,
    fellowship,
    application: application
      ? {
          ...application,
          decision_reason: staff ? application.decision_reason : undefined,
        }
      : null,
    scores,
    milestones,
    attendance,
    coaching,
    tranches: { items: tranches, totals: trancheTotals, grant_cents: fellowship.grant_cents },
    timeline,
  };
}

