import { sql, type Expression } from 'kysely';
import { isStaff } from '../http/context.ts';
import type { FieldView, Viewer } from '../http/list-query.ts';
import { auditRedactions } from '../audit-events/index.ts';

/**
 * A juror's scores, recommendation and comments are theirs alone until they submit (DESIGN.md):
 * staff and admins see a draft only as "in progress", in the list, in its sort and filters and in
 * the audit trail. `score` is the weighted total the database keeps on the row.
 */
export const DRAFT_CONTENT = ['scores', 'recommendation', 'overall_comment', 'score'] as const;

/** A review column as staff see it: its value once submitted, NULL while a draft. */
const submittedOnly = (column: string): Expression<unknown> => sql`(case when t.submitted_at is not null then ${sql.ref(column)} end)`;

/** `FieldSpec.hidden` for draft content: jurors list only their own reviews, staff only submitted values. */
export const draftContentView = (column: string) => (viewer: Viewer): FieldView => (isStaff(viewer.user) ? submittedOnly(column) : false);

// Every save of a draft is audited with its scores; they stay out of the trail's answers until the
// review is submitted (a deleted draft never is). Its own juror could see them.
auditRedactions.push({
  resource: 'reviews',
  keys: DRAFT_CONTENT,
  hiddenWhen: (viewer) =>
    sql`not exists (select 1 from reviews r where r.id = t.record_id and (r.submitted_at is not null or r.juror_id = ${viewer.user?.id ?? null}))`,
});
