/**
 * Balanced reviewer assignment as a pure function: given what exists, it plans the smallest change
 * that gives every application `perApplication` jurors, never a conflicted one, with every juror's
 * load within one of every other's (where conflicts allow). Existing work is never thrown away:
 * only reviews that are `assigned` and not started (no score saved) are ever moved or removed.
 */

export interface PlanApplication {
  id: number;
  organisation_id: number;
}

export interface PlanReview {
  id: number;
  application_id: number;
  juror_id: number;
  status: 'assigned' | 'submitted' | 'conflict';
  /** A score or comment was saved: the juror's work, never moved. */
  started: boolean;
}

export interface AssignmentPlan {
  /** Existing reviews whose juror is now conflicted: marked `conflict`. */
  conflicted: number[];
  create: Array<{ application_id: number; juror_id: number }>;
  move: Array<{ review_id: number; juror_id: number }>;
  remove: number[];
  /** Applications that could not get enough jurors (too many conflicts or too few jurors). */
  unfilled: number[];
}

interface Slot {
  reviewId: number | null;
  applicationId: number;
  jurorId: number;
  originalJurorId: number | null;
  movable: boolean;
}

export function planAssignment(input: {
  applications: readonly PlanApplication[];
  jurors: readonly number[];
  conflicts: ReadonlyArray<{ juror_id: number; organisation_id: number }>;
  reviews: readonly PlanReview[];
  perApplication: number;
}): AssignmentPlan {
  const { applications, perApplication } = input;
  const jurors = [...input.jurors].sort((a, b) => a - b);
  const active = new Set(jurors);
  const conflicted = new Set(input.conflicts.map((c) => `${c.juror_id}:${c.organisation_id}`));
  const organisationOf = new Map(applications.map((a) => [a.id, a.organisation_id]));
  const isConflicted = (jurorId: number, applicationId: number) => conflicted.has(`${jurorId}:${organisationOf.get(applicationId)}`);

  const plan: AssignmentPlan = { conflicted: [], create: [], move: [], remove: [], unfilled: [] };
  /** Jurors with any review row for an application (the unique key), conflict rows included. */
  const taken = new Map<number, Set<number>>(applications.map((a) => [a.id, new Set<number>()]));
  const slots = new Map<number, Slot[]>(applications.map((a) => [a.id, []]));
  const load = new Map<number, number>(jurors.map((j) => [j, 0]));

  for (const r of input.reviews) {
    if (!taken.has(r.application_id)) continue;
    taken.get(r.application_id)!.add(r.juror_id);
    if (r.status === 'conflict') continue;
    if (isConflicted(r.juror_id, r.application_id)) {
      plan.conflicted.push(r.id);
      continue;
    }
    const movable = r.status === 'assigned' && !r.started;
    if (!active.has(r.juror_id)) {
      // A deactivated juror keeps submitted and started work; untouched assignments go back to the pool.
      if (movable) {
        plan.remove.push(r.id);
        taken.get(r.application_id)!.delete(r.juror_id);
        continue;
      }
    } else {
      load.set(r.juror_id, load.get(r.juror_id)! + 1);
    }
    slots.get(r.application_id)!.push({ reviewId: r.id, applicationId: r.application_id, jurorId: r.juror_id, originalJurorId: r.juror_id, movable });
  }

  const candidates = (applicationId: number) =>
    jurors.filter((j) => !taken.get(applicationId)!.has(j) && !isConflicted(j, applicationId));
  const leastLoaded = (pool: number[]) => pool.reduce((best, j) => (load.get(j)! < load.get(best)! ? j : best));

  // Too many reviewers (per_application was lowered): drop untouched ones from the busiest jurors.
  for (const a of applications) {
    const list = slots.get(a.id)!;
    while (list.length > perApplication) {
      const removable = list.filter((s) => s.movable && active.has(s.jurorId));
      if (!removable.length) break;
      const victim = removable.reduce((best, s) => (load.get(s.jurorId)! > load.get(best.jurorId)! ? s : best));
      list.splice(list.indexOf(victim), 1);
      taken.get(a.id)!.delete(victim.jurorId);
      load.set(victim.jurorId, load.get(victim.jurorId)! - 1);
      plan.remove.push(victim.reviewId!);
    }
  }

  // Fill the gaps, most constrained application first, always with the least-loaded free juror.
  const order = [...applications].sort((a, b) => candidates(a.id).length - candidates(b.id).length || a.id - b.id);
  for (const a of order) {
    const list = slots.get(a.id)!;
    while (list.length < perApplication) {
      const pool = candidates(a.id);
      if (!pool.length) {
        plan.unfilled.push(a.id);
        break;
      }
      const juror = leastLoaded(pool);
      list.push({ reviewId: null, applicationId: a.id, jurorId: juror, originalJurorId: null, movable: true });
      taken.get(a.id)!.add(juror);
      load.set(juror, load.get(juror)! + 1);
    }
  }

  // Even out the load: move untouched assignments from the busiest to the idlest jurors, one at a
  // time, until max − min ≤ 1 or no allowed move is left. Each move lowers the imbalance, so this ends.
  for (let guard = 0; guard < applications.length * perApplication + jurors.length; guard++) {
    if (jurors.length < 2) break;
    const loads = jurors.map((j) => load.get(j)!);
    const max = Math.max(...loads);
    const min = Math.min(...loads);
    if (max - min <= 1) break;
    let moved = false;
    for (const to of jurors.filter((j) => load.get(j) === min)) {
      for (const a of applications) {
        if (taken.get(a.id)!.has(to) || isConflicted(to, a.id)) continue;
        const slot = slots.get(a.id)!.find((s) => s.movable && load.get(s.jurorId) === max);
        if (!slot) continue;
        taken.get(a.id)!.delete(slot.jurorId);
        load.set(slot.jurorId, max - 1);
        slot.jurorId = to;
        taken.get(a.id)!.add(to);
        load.set(to, min + 1);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }

  for (const list of slots.values()) {
    for (const s of list) {
      if (s.reviewId === null) plan.create.push({ application_id: s.applicationId, juror_id: s.jurorId });
      else if (s.jurorId !== s.originalJurorId) plan.move.push({ review_id: s.reviewId, juror_id: s.jurorId });
    }
  }
  return plan;
}
