import { sql, type Expression, type SqlBool } from 'kysely';
import type { Viewer } from '../http/list-query.ts';

/**
 * What a feature keeps out of the audit trail's answers. The trail stores every change in full;
 * a feature whose records are not for every reader yet (a juror's draft review) declares here which
 * keys of `changes` (top level and inside `before`/`after`) readers do not see, and when: an SQL
 * condition on the audited record, `t.record_id`, for this reader.
 */
export interface AuditRedaction {
  resource: string;
  keys: readonly string[];
  hiddenWhen: (viewer: Viewer) => Expression<SqlBool>;
}

/** Filled by the features at import time (as `phaseHooks`), read on every audit query. */
export const auditRedactions: AuditRedaction[] = [];

const keyArray = (keys: readonly string[]) => sql`array[${sql.join(keys.map((k) => sql.lit(k)))}]::text[]`;

/** `t.changes` without the keys, also inside `before` and `after`. */
function withoutKeys(keys: readonly string[]) {
  const drop = keyArray(keys);
  return sql`(select coalesce(jsonb_object_agg(e.key, case when e.key in ('before', 'after') and jsonb_typeof(e.value) = 'object'
    then e.value - ${drop} else e.value end), '{}'::jsonb) from jsonb_each(t.changes - ${drop}) as e)`;
}

/** The condition under which this reader sees a redacted `changes` (false when nothing is redacted). */
export function changesRedacted(viewer: Viewer): Expression<SqlBool> {
  if (!auditRedactions.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(auditRedactions.map((r) => sql`(t.resource = ${sql.lit(r.resource)} and ${r.hiddenWhen(viewer)})`), sql` or `)})`;
}

/** `t.changes` as this reader may see it. */
export function visibleChanges(viewer: Viewer): Expression<unknown> {
  if (!auditRedactions.length) return sql`t.changes`;
  const cases = auditRedactions.map((r) => sql`when t.resource = ${sql.lit(r.resource)} and ${r.hiddenWhen(viewer)} then ${withoutKeys(r.keys)}`);
  return sql`(case ${sql.join(cases, sql` `)} else t.changes end)`;
}
