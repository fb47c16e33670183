import type { Db } from '../backend/src/db/database.ts';
import type { DemoBase } from './base.ts';
import { REPORT_TITLES, type ReportKind } from '../backend/src/reports/index.ts';

/**
 * Reports step: prepared (draft) reports, ready to be issued in the console — the final funder
 * report of every past cohort, and the selection and funding reports of the current one. They stay
 * drafts: issuing renders the PDF, and no PDF is rendered inside the seed's transaction. Without
 * cohorts it does nothing.
 */
export async function seedReports(db: Db, base: DemoBase): Promise<void> {
  const cohorts = await db.selectFrom('cohorts').select(['id', 'name', 'phase']).orderBy('id').execute();
  if (!cohorts.length) return;
  const current = cohorts.filter((c) => c.phase !== 'alumni').at(-1);
  const drafts: Array<{ cohort_id: number; kind: ReportKind; title: string; created_by: number }> = [];
  for (const cohort of cohorts) {
    const kinds: ReportKind[] = cohort.phase === 'alumni' ? ['funder'] : cohort === current ? ['selection', 'funding'] : [];
    for (const kind of kinds) drafts.push({ cohort_id: cohort.id, kind, title: `${REPORT_TITLES[kind]} – ${cohort.name}`, created_by: base.staff.id });
  }
  if (drafts.length) await db.insertInto('reports').values(drafts).execute();
}
