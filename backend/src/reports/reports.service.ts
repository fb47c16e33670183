import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  loadApplicationStats, loadCohort, loadCriteria, loadFellows, loadFunderTranches, loadFunding, loadJuryProgress, loadMilestones, loadRanking,
  loadTranches, loadWorkshops,
} from './reports.queries.ts';
import { buildFunderReport, buildFundingReport, buildSelectionReport, type ReportKind } from './reports.pdf.ts';
import { toBuffer } from './report-document.ts';
import { loadFellowReports, loadGranteeReport } from './grantee-report.queries.ts';
import { buildGranteeReport } from './grantee-report.pdf.ts';
import { visibleFellowshipIds } from '../fellowships/index.ts';
import { cohortOutcomes, programmeComparison } from '../outcomes/index.ts';
import { cohortSurveyOutcomes } from '../surveys/index.ts';
import { buildProgrammeReport } from './programme.pdf.ts';

type Db = Kysely<Database>;

/**
 * Loads one report's data and returns the finished PDF stream. The queries run outside any
 * transaction and the PDF is laid out after they have returned, so no connection or lock is held
 * while pdfkit works.
 */
export async function renderReport(db: Db, kind: ReportKind, cohortId: number, generatedAt = new Date()): Promise<PDFKit.PDFDocument> {
  const cohort = await loadCohort(db, cohortId);
  if (!cohort) throw notFound('Diesen Jahrgang gibt es nicht.');
  switch (kind) {
    case 'funder': {
      const [stats, fellows, funding, milestones, tranches, workshops, granteeReports, outcomes, surveys] = await Promise.all([
        loadApplicationStats(db, cohortId), loadFellows(db, cohortId), loadFunding(db, cohortId), loadMilestones(db, cohortId),
        loadFunderTranches(db, cohortId), loadWorkshops(db, cohortId), loadFellowReports(db, cohortId), cohortOutcomes(db, cohortId),
        cohortSurveyOutcomes(db, cohortId),
      ]);
      if (!outcomes) throw notFound('Diesen Jahrgang gibt es nicht.');
      return buildFunderReport({ cohort, stats, fellows, funding, milestones, tranches, workshops, granteeReports, outcomes, surveys, generatedAt });
    }
    case 'selection': {
      const [stats, criteria, ranking, jury] = await Promise.all([
        loadApplicationStats(db, cohortId), loadCriteria(db, cohortId), loadRanking(db, cohortId), loadJuryProgress(db, cohortId),
      ]);
      return buildSelectionReport({ cohort, stats, criteria, ranking, jury, generatedAt });
    }
    case 'funding': {
      const [funding, tranches] = await Promise.all([loadFunding(db, cohortId), loadTranches(db, cohortId)]);
      return buildFundingReport({ cohort, funding, tranches, generatedAt });
    }
  }
}

/** programme.pdf: the outcome module's comparison of the cohorts from `fromYear` to `toYear`, laid out once it has returned. */
export async function renderProgrammeReport(db: Db, fromYear: number, toYear: number, generatedAt = new Date()): Promise<PDFKit.PDFDocument> {
  const comparison = await programmeComparison(db, fromYear, toYear);
  return buildProgrammeReport({ comparison, generatedAt });
}

/**
 * The Verwendungsnachweis of one grantee report, for staff, the applicants of the fellowship's
 * organisation and the fellowship's coach; anyone else gets 404 (existence does not leak).
 */
export async function renderGranteeReport(ctx: RequestContext, reportId: number, generatedAt = new Date()): Promise<PDFKit.PDFDocument> {
  const visible = await ctx.db
    .selectFrom('grantee_reports')
    .select('id')
    .where('id', '=', reportId)
    .where('fellowship_id', 'in', visibleFellowshipIds(ctx.db, ctx.user))
    .executeTakeFirst();
  if (!visible) throw notFound('Diesen Bericht gibt es nicht.');
  const data = await loadGranteeReport(ctx.db, reportId);
  if (!data) throw notFound('Diesen Bericht gibt es nicht.');
  return buildGranteeReport(data, generatedAt);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Freezes a draft: generates the PDF now (outside the transaction), then stores its bytes, hash
 * and date in one short transaction that re-checks the state under a row lock. Of two concurrent
 * issue calls exactly one wins; the other gets 409 and the stored bytes never change again.
 */
export async function issueReport(ctx: RequestContext, reportId: number) {
  const draft = await ctx.db.selectFrom('reports').select(['id', 'cohort_id', 'kind', 'status']).where('id', '=', reportId).executeTakeFirst();
  if (!draft) throw notFound();
  if (draft.status === 'issued') throw conflict('Dieser Bericht ist bereits ausgestellt und kann nicht mehr geändert werden.', 'already_issued');
  const issuedAt = new Date();
  const pdf = await toBuffer(await renderReport(ctx.db, draft.kind, draft.cohort_id, issuedAt));
  const hash = sha256(pdf);
  return ctx.db.transaction().execute(async (trx) => {
    // NOWAIT: a concurrent issue call that already holds the row is about to freeze it; waiting for
    // it would only tie up a connection to end in the same 409.
    const locked = await trx.selectFrom('reports').selectAll().where('id', '=', reportId).forUpdate().noWait().executeTakeFirst()
      .catch((error) => {
        if (error?.code === '55P03') throw conflict('Dieser Bericht wird gerade ausgestellt.', 'already_issued');
        throw error;
      });
    if (!locked) throw notFound();
    if (locked.status === 'issued') throw conflict('Dieser Bericht ist bereits ausgestellt und kann nicht mehr geändert werden.', 'already_issued');
    if (locked.cohort_id !== draft.cohort_id || locked.kind !== draft.kind) {
      throw conflict('Der Bericht wurde währenddessen geändert. Bitte erneut ausstellen.', 'concurrent_update');
    }
    const updated = await trx
      .updateTable('reports')
      .set({ status: 'issued', issued_at: issuedAt, issued_by: ctx.user?.id ?? null, pdf, size_bytes: pdf.length, sha256: hash, updated_at: new Date() })
      .where('id', '=', reportId)
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const { pdf: _before, ...beforeRow } = locked;
    await recordAudit(trx, ctx.user, 'issue', 'reports', updated.id, beforeRow, { ...beforeRow, status: 'issued', issued_at: issuedAt, sha256: hash, size_bytes: pdf.length });
    return updated.id;
  });
}
