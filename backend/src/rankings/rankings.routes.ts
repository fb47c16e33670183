import { sql } from 'kysely';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { csvDecimal, csvLabel } from '../http/csv.ts';
import type { ListQuery, ListSpec } from '../http/list-query.ts';
import { applyListQuery, listPage, registerCsvExport, setContentRange, type CsvExport, type Rec } from '../http/resource.ts';
import { juryProgress, RANKING_FIELDS, rankingTable } from './rankings.queries.ts';

const RANKING_LIST: ListSpec = { fields: RANKING_FIELDS, defaultSort: ['rank', 'ASC'] };

/** Every ranking list names its cohort: ranks and z-scores only mean something within one. */
function rankingCohort(list: ListQuery): number {
  const cohortFilter = list.filters.find((f) => f.key === 'cohort_id');
  if (!cohortFilter || cohortFilter.op !== '=' || typeof cohortFilter.value !== 'number') {
    throw badRequest('Bitte den Jahrgang angeben: filter={"cohort_id":…}.', { cohort_id: 'Pflichtfilter.' }, 'cohort_required');
  }
  return cohortFilter.value;
}

async function rankingPage(ctx: RequestContext, list: ListQuery, cohortId: number) {
  const qb = applyListQuery(rankingTable(ctx.db, sql<number>`${cohortId}::int`), list, {}, ctx);
  return listPage(ctx.db, qb, list);
}

/** A cohort's whole ranking fits (a cohort has a few hundred applications). */
const MAX_RANKED = 50_000;

const CSV_COLUMNS: CsvExport<Rec>['columns'] = [
  ['Rang', (r) => r.rank], ['Bewerbung', (r) => r.application_id], ['Organisation', (r) => r.organisation_name], ['Projekt', (r) => r.project_name],
  ['Status', (r) => csvLabel('application_status', r.status)], ['Bewertungen', (r) => r.review_count], ['Zugewiesen', (r) => r.assigned_count], ['Unvollständig', (r) => r.partial],
  ['Normalisierter Score (z)', (r) => csvDecimal(r.normalised_score, 3)], ['Gewichteter Score (0–100)', (r) => csvDecimal(r.weighted_score, 2)],
  ['Spannweite', (r) => csvDecimal(r.spread, 2)], ['Uneinigkeit', (r) => r.disagreement],
];

export function registerRankingRoutes(api: ApiRouter): void {
  registerCsvExport(api, {
    path: '/rankings/export.csv',
    tag: 'rankings',
    summary: 'Rankings of one cohort as CSV (semicolon-separated, German decimal comma, UTF-8 with BOM)',
    access: STAFF,
    list: RANKING_LIST,
    select: (db, _ctx, list) => rankingTable(db, sql<number>`${rankingCohort(list)}::int`),
    limit: MAX_RANKED,
    filename: (list) => `ranking-jahrgang-${rankingCohort(list)}.csv`,
    columns: CSV_COLUMNS,
  });

  api.add({
    method: 'get',
    path: '/rankings',
    tag: 'rankings',
    summary: 'Rankings of one cohort (filter cohort_id required): weighted and normalised score, spread, disagreement, rank',
    access: STAFF,
    list: RANKING_LIST,
    handler: async (ctx, _req, res, { list }) => {
      const cohortId = rankingCohort(list);
      const { rows, total } = await rankingPage(ctx, list, cohortId);
      setContentRange(res, 'rankings', list.range.start, rows.length, total);
      return rows;
    },
  });

  api.add({
    method: 'get',
    path: '/rankings/:id',
    tag: 'rankings',
    summary: "One application's ranking with the per-juror breakdown of its submitted reviews",
    access: STAFF,
    handler: async (ctx, _req, _res, { id }) => {
      const row = await rankingTable(ctx.db, sql<number>`select cohort_id from applications where id = ${id}`, true)
        .where('t.id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return row as Rec;
    },
  });

  api.add({
    method: 'get',
    path: '/cohorts/:id/jury-progress',
    tag: 'rankings',
    summary: 'Jury progress per juror in one cohort (assigned, started, submitted, conflicts)',
    access: STAFF,
    handler: async (ctx, _req, res, { id }) => {
      const cohortId = id;
      const cohort = await ctx.db.selectFrom('cohorts').select('id').where('id', '=', cohortId).executeTakeFirst();
      if (!cohort) throw notFound();
      const rows = await juryProgress(ctx.db, cohortId).execute();
      setContentRange(res, 'jury-progress', 0, rows.length, rows.length);
      return rows;
    },
  });
}
