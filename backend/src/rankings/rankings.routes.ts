import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Request } from 'express';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { parseListQuery, type ListQuery } from '../http/list-query.ts';
import { applyListQuery, listPage, setContentRange, type Rec } from '../http/resource.ts';
import { juryProgress, RANKING_FIELDS, rankingTable } from './rankings.queries.ts';

/** Every ranking list names its cohort: ranks and z-scores only mean something within one. */
function parseRankingQuery(req: Request): { list: ListQuery; cohortId: number } {
  const list = parseListQuery(req.query as Record<string, unknown>, RANKING_FIELDS, { defaultSort: ['rank', 'ASC'] });
  const cohortFilter = list.filters.find((f) => f.column === 't.cohort_id');
  if (!cohortFilter || cohortFilter.op !== '=' || typeof cohortFilter.value !== 'number') {
    throw badRequest('Bitte den Jahrgang angeben: filter={"cohort_id":…}.', { cohort_id: 'Pflichtfilter.' }, 'cohort_required');
  }
  return { list, cohortId: cohortFilter.value };
}

async function rankingPage(ctx: RequestContext, list: ListQuery, cohortId: number) {
  const qb = applyListQuery(rankingTable(ctx.db, sql<number>`${cohortId}::int`), list, {}, ctx);
  return listPage(ctx.db, qb, list);
}

const fmt = (value: number | null, decimals: number) => (value === null ? '' : value.toFixed(decimals).replace('.', ','));

export function registerRankingRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/rankings/export.csv',
    tag: 'rankings',
    summary: 'Rankings of one cohort as CSV (semicolon-separated, German decimal comma, UTF-8 with BOM)',
    access: STAFF,
    handler: async (ctx, req, res) => {
      const { list, cohortId } = parseRankingQuery(req);
      const rows = await applyListQuery(rankingTable(ctx.db, sql<number>`${cohortId}::int`), list, {}, ctx)
        .orderBy(sql.ref(list.sort.column), list.sort.direction)
        .orderBy('t.id')
        .execute();
      const csv = stringify(
        rows.map((r) => [
          r.rank ?? '', r.application_id, r.organisation_name, r.project_name ?? '', r.status, r.review_count, r.assigned_count,
          r.partial ? 'ja' : 'nein', fmt(r.normalised_score, 3), fmt(r.weighted_score, 2), fmt(r.spread, 2), r.disagreement ? 'ja' : 'nein',
        ]),
        {
          delimiter: ';',
          bom: true,
          header: true,
          columns: [
            'Rang', 'Bewerbung', 'Organisation', 'Projekt', 'Status', 'Bewertungen', 'Zugewiesen', 'Unvollständig', 'Normalisierter Score (z)',
            'Gewichteter Score (0–100)', 'Spannweite', 'Uneinigkeit',
          ],
        },
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="ranking-jahrgang-${cohortId}.csv"`);
      res.send(csv);
      return undefined;
    },
  });

  api.add({
    method: 'get',
    path: '/rankings',
    tag: 'rankings',
    summary: 'Rankings of one cohort (filter cohort_id required): weighted and normalised score, spread, disagreement, rank',
    access: STAFF,
    handler: async (ctx, req, res) => {
      const { list, cohortId } = parseRankingQuery(req);
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
