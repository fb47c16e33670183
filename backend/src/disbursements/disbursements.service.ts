import { isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.ts';
import { setActor } from '../db/actor.ts';
import type { Existing, NewRow, Patch, Rec } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { berlinDate, buildBookkeepingCsv, buildPain001, summariseExport, type ExportLine } from './disbursement-files.ts';
import {
  committedCents, exportLines, findMilestone, shareGranteeReport, lockDisbursement, lockFellowship, selectDisbursements, selectExportable, shareMilestone, sharePayee,
  type ExportFilter,
} from './disbursements.queries.ts';
import type { DisbursementInput, DisbursementUpdateInput, ExportInput } from './disbursements.schema.ts';
import type { Kysely } from 'kysely';
import { date, money } from '../shared/format.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { composeEmail, trancheValues } from '../email-templates/index.ts';

type Trx = Transaction<Database>;

const euro = (cents: number) => money(cents);

/**
 * The grant budget: Σ non-cancelled tranches ≤ grant. Callers hold the fellowship's row lock, so
 * two parallel plans for the same fellowship are checked one after the other, never both against
 * the same old sum.
 */
async function assertWithinGrant(trx: Trx, fellowship: { id: number; grant_cents: number }, amountCents: number, exceptId?: number) {
  const grant = Number(fellowship.grant_cents);
  const committed = await committedCents(trx, fellowship.id, exceptId);
  if (committed + amountCents > grant) {
    const left = Math.max(grant - committed, 0);
    throw conflict(
      `Das Budget der Förderung ist überschritten: bewilligt ${euro(grant)}, bereits verplant ${euro(committed)}, frei ${euro(left)}.`,
      'budget_exceeded',
      { amount_cents: `Höchstens ${euro(left)} sind noch frei.` },
    );
  }
}

async function assertMilestoneOfFellowship(trx: Trx, milestoneId: number | null | undefined, fellowshipId: number) {
  if (milestoneId == null) return;
  const milestone = await findMilestone(trx, milestoneId);
  if (!milestone || milestone.fellowship_id !== fellowshipId) {
    throw badRequest('Der Meilenstein gehört nicht zu dieser Förderung.', { milestone_id: 'Meilenstein dieser Förderung wählen.' });
  }
}

async function assertReportOfFellowship(trx: Trx, reportId: number | null | undefined, fellowshipId: number) {
  if (reportId == null) return;
  const report = await trx.selectFrom('grantee_reports').select('fellowship_id').where('id', '=', reportId).executeTakeFirst();
  if (!report || report.fellowship_id !== fellowshipId) {
    throw badRequest('Der Bericht gehört nicht zu dieser Förderung.', { grantee_report_id: 'Bericht dieser Förderung wählen.' });
  }
}

/** A tranche tied to a grantee report is released only once that report is accepted (issue 19). */
async function assertReportAccepted(trx: Trx, reportId: number | null) {
  if (reportId == null) return;
  const report = await shareGranteeReport(trx, reportId);
  if (report?.status !== 'accepted') {
    const kind = report?.kind === 'final' ? 'Schlussbericht' : 'Zwischenbericht';
    const state = { requested: 'noch nicht eingereicht', submitted: 'eingereicht, aber noch nicht geprüft', returned: 'zur Überarbeitung zurückgegeben' }[report?.status as 'requested'] ?? 'nicht angenommen';
    throw conflict(`Die Tranche ist an den ${kind} (fällig ${date(report?.due_on)}) gebunden; er ist ${state}. Freigabe erst nach Annahme des Berichts.`, 'report_not_accepted');
  }
}

/** Planning a tranche: the fellowship is locked, the budget checked, the creator recorded. */
export async function prepareCreate(ctx: RequestContext, input: DisbursementInput, trx: Trx): Promise<NewRow<'disbursements'>> {
  await setActor(trx, ctx.user!.id);
  const fellowship = await lockFellowship(trx, input.fellowship_id);
  if (!fellowship) throw badRequest('Diese Förderung gibt es nicht.', { fellowship_id: 'Unbekannte Förderung.' });
  if (fellowship.status === 'withdrawn') throw conflict('Die Förderung wurde beendet (zurückgezogen); es können keine Tranchen mehr geplant werden.', 'wrong_state');
  await assertMilestoneOfFellowship(trx, input.milestone_id, fellowship.id);
  await assertReportOfFellowship(trx, input.grantee_report_id, fellowship.id);
  await assertWithinGrant(trx, fellowship, input.amount_cents);
  return {
    fellowship_id: input.fellowship_id,
    label: input.label,
    amount_cents: input.amount_cents,
    due_on: input.due_on ?? null,
    milestone_id: input.milestone_id ?? null,
    grantee_report_id: input.grantee_report_id ?? null,
    status: 'planned' as const,
    created_by: ctx.user!.id,
  };
}

const EDITABLE = ['label', 'amount_cents', 'due_on', 'milestone_id', 'grantee_report_id'] as const;

/**
 * Only a planned tranche changes. react-admin sends the whole record back, so an unchanged
 * record of another state is a no-op; a real change after approval would bypass the second pair
 * of eyes (cancel and plan anew instead), and a paid tranche is immutable. Whoever changes a
 * planned tranche becomes one of its `money_editors` (the trigger of migration 0010 adds the
 * transaction's actor) and so can no longer approve it.
 */
export async function prepareUpdate(ctx: RequestContext, input: DisbursementUpdateInput, existing: Existing<'disbursements'>, trx: Trx): Promise<Patch<'disbursements'>> {
  if (existing.status === 'paid') throw conflict('Ausgezahlte Tranchen können nicht mehr geändert werden.', 'immutable');
  if (existing.export_id != null) throw exportedConflict('geändert');
  const patch: Partial<DisbursementUpdateInput> = {};
  for (const key of EDITABLE) {
    if (input[key] === undefined) continue;
    const raw = existing[key];
    const before = raw == null ? null : key === 'amount_cents' || key === 'milestone_id' || key === 'grantee_report_id' ? Number(raw) : String(raw);
    if (input[key] !== before) Object.assign(patch, { [key]: input[key] });
  }
  if (!Object.keys(patch).length) return patch;
  if (existing.status !== 'planned') {
    throw conflict(
      existing.status === 'approved'
        ? 'Freigegebene Tranchen können nicht mehr geändert werden. Bitte stornieren und neu planen.'
        : 'Stornierte Tranchen können nicht mehr geändert werden.',
      'wrong_state',
    );
  }
  if ('milestone_id' in patch) await assertMilestoneOfFellowship(trx, patch.milestone_id, existing.fellowship_id);
  if ('grantee_report_id' in patch) await assertReportOfFellowship(trx, patch.grantee_report_id, existing.fellowship_id);
  if (patch.amount_cents !== undefined) {
    const fellowship = await lockFellowship(trx, existing.fellowship_id);
    await assertWithinGrant(trx, fellowship!, patch.amount_cents, existing.id);
  }
  await setActor(trx, ctx.user!.id);
  // Tying a tranche to a report or untying it changes when it may be paid: whoever does it is one of
  // its money editors (as for a milestone), so they cannot approve it themselves.
  if ('grantee_report_id' in patch) return { ...patch, money_editors: [...new Set([...(existing.money_editors ?? []), ctx.user!.id])] };
  return patch;
}

/** An exported tranche is with the bank: read-only, also for an unchanged PUT (the console shows it, it does not edit it). */
const exportedConflict = (verb: string) =>
  conflict(`Die Tranche wurde bereits für die Überweisung exportiert und kann nicht mehr ${verb} werden.`, 'exported');

/** Only a planned tranche disappears; anything further along is history (cancel it instead). */
export function assertDeletable(_ctx: RequestContext, existing: Existing<'disbursements'>) {
  if (existing.status === 'paid') throw conflict('Ausgezahlte Tranchen können nicht gelöscht werden.', 'immutable');
  if (existing.export_id != null) throw exportedConflict('gelöscht');
  if (existing.status !== 'planned') throw conflict('Nur geplante Tranchen können gelöscht werden; freigegebene bitte stornieren.', 'wrong_state');
}

/**
 * Runs one state change of a tranche under its row lock and records it in the audit trail.
 * `lockFirst` takes locks that must come before the tranche's (see `sharePayee`).
 */
async function transition(
  ctx: RequestContext,
  id: number,
  action: string,
  change: (trx: Trx, tranche: Rec) => Promise<Rec>,
  lockFirst?: (trx: Trx, visible: Rec) => Promise<void>,
): Promise<Rec> {
  return ctx.db.transaction().execute(async (trx) => {
    await setActor(trx, ctx.user!.id);
    const visible = await selectDisbursements(trx, ctx).where('t.id', '=', id).executeTakeFirst();
    if (!visible) throw notFound();
    await lockFirst?.(trx, visible);
    const tranche = (await lockDisbursement(trx, id))!;
    const patch = await change(trx, tranche);
    const updated = await trx
      .updateTable('disbursements')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, action, 'disbursements', id, tranche, updated);
    return (await selectDisbursements(trx, ctx).where('t.id', '=', id).executeTakeFirstOrThrow()) as Rec;
  });
}

const fourEyes = (message: string) => new HttpError(403, 'four_eyes', `Vier-Augen-Prinzip: ${message}`);

/**
 * Second pair of eyes: someone who neither planned the tranche nor changed its money fields (nor
 * the payee's bank details while it was open) approves; a tranche tied to a milestone only once
 * the milestone is achieved (held with a share lock until this commits); no tranche before the
 * grant agreement is signed. The approval copies the
 * payee onto the tranche (trigger, migration 0010); the export pays that copy.
 */
export function approve(ctx: RequestContext, id: number, shownIban?: string | null): Promise<Rec> {
  const lockPayee = async (trx: Trx, visible: Rec) => {
    await sharePayee(trx, visible.organisation_id);
    if (shownIban === undefined) return;
    // Read under the share lock: the account the approval copies is the one the approver saw.
    const org = await trx.selectFrom('organisations').select('iban').where('id', '=', visible.organisation_id).executeTakeFirstOrThrow();
    const normal = (iban: string | null | undefined) => (iban ?? '').replace(/\s+/g, '').toUpperCase();
    if (normal(org.iban) !== normal(shownIban)) {
      throw conflict('Die Bankverbindung der Organisation hat sich geändert, seit Sie die Freigabe geöffnet haben. Bitte neu laden und prüfen.', 'payee_changed');
    }
  };
  return transition(ctx, id, 'approve', async (trx, tranche) => {
    if (tranche.status !== 'planned') {
      throw conflict(tranche.status === 'paid' ? 'Die Tranche ist bereits ausgezahlt.' : `Nur geplante Tranchen können freigegeben werden (Status: ${tranche.status}).`, 'wrong_state');
    }
    const me = ctx.user!.id;
    if (tranche.created_by === me) {
      throw fourEyes('Eine Tranche muss von einer anderen Person freigegeben werden, als sie geplant hat.');
    }
    if ((tranche.money_editors as number[]).includes(me)) {
      throw fourEyes('Sie haben Betrag, Bezeichnung, Fälligkeit oder Meilenstein dieser Tranche oder die Bankverbindung der Organisation geändert; freigeben muss eine andere Person.');
    }
    const fellowship = (await lockFellowship(trx, tranche.fellowship_id))!;
    if (fellowship.status === 'withdrawn') throw conflict('Die Förderung wurde zurückgezogen; die Tranche kann nicht freigegeben werden.', 'wrong_state');
    // Read under the fellowship's row lock, which removing the date takes too (fellowships/agreement.ts).
    if (!fellowship.agreement_signed_on) {
      throw conflict('Der Fördervertrag ist noch nicht unterschrieben: Bitte erst das Datum der Unterschrift in der Förderung eintragen, dann die Tranche freigeben.', 'agreement_unsigned');
    }
    // The grant may have been lowered since planning: never approve beyond it.
    await assertWithinGrant(trx, fellowship, Number(tranche.amount_cents), tranche.id);
    if (tranche.milestone_id != null) {
      const milestone = await shareMilestone(trx, tranche.milestone_id);
      if (milestone?.status !== 'achieved') {
        throw conflict(`Die Tranche ist an den Meilenstein „${milestone?.title ?? ''}“ gebunden, der noch nicht erreicht ist.`, 'milestone_open');
      }
    }
    await assertReportAccepted(trx, tranche.grantee_report_id as number | null);
    return { status: 'approved', approved_by: me, approved_at: new Date() };
  }, lockPayee);
}

/**
 * Records the payment exactly once: the row lock queues parallel calls, the state check refuses all
 * but the first. The organisation gets the `tranche_paid` letter in the same transaction.
 */
export function pay(ctx: RequestContext, id: number, paymentReference: string): Promise<Rec> {
  return transition(ctx, id, 'pay', async (trx, tranche) => {
    if (tranche.status === 'paid') throw conflict('Die Tranche ist bereits ausgezahlt.', 'already_paid');
    if (tranche.status !== 'approved') throw conflict('Nur freigegebene Tranchen können als ausgezahlt erfasst werden.', 'wrong_state');
    const paid = { status: 'paid' as const, paid_at: new Date(), payment_reference: paymentReference };
    const organisation = await trx.selectFrom('fellowships as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.id', 'o.name']).where('f.id', '=', tranche.fellowship_id).executeTakeFirstOrThrow();
    const address = await letterAddress(trx, organisation.id);
    if (address) {
      const letter = await composeEmail(trx, 'tranche_paid', address.locale, trancheValues(ctx.config.PUBLIC_URL, {
        organisation_name: organisation.name, label: tranche.label, amount_cents: Number(tranche.amount_cents), paid_at: paid.paid_at, payment_reference: paymentReference,
      }, address.locale));
      await queueEmail(trx, { to: address.email, ...letter, organisation_id: organisation.id, dedupe_key: `tranche-paid:${id}` });
    }
    return paid;
  });
}

/** Cancelling frees the budget; it is refused once paid or once handed to the bank in an export. */
export function cancel(ctx: RequestContext, id: number): Promise<Rec> {
  return transition(ctx, id, 'cancel', async (_trx, tranche) => {
    if (tranche.status === 'paid') throw conflict('Ausgezahlte Tranchen können nicht storniert werden.', 'immutable');
    if (tranche.status === 'cancelled') throw conflict('Die Tranche ist bereits storniert.', 'wrong_state');
    if (tranche.export_id != null) {
      throw conflict('Die Tranche wurde bereits für die Überweisung exportiert und kann nicht mehr storniert werden.', 'exported');
    }
    return { status: 'cancelled', cancelled_at: new Date() };
  });
}

function bankProblems(lines: ExportLine[], format: 'csv' | 'sepa'): string[] {
  const problems = lines.flatMap((l) => {
    if (!l.iban || !isValidIBAN(l.iban)) return [`${l.organisation_name}: IBAN fehlt oder ist ungültig`];
    if (format === 'sepa' && !isSEPACountry(l.iban.slice(0, 2))) return [`${l.organisation_name}: IBAN außerhalb des SEPA-Raums`];
    if (l.bic && !isValidBIC(l.bic)) return [`${l.organisation_name}: BIC ungültig`];
    return [];
  });
  return [...new Set(problems)];
}

function assertBankData(lines: ExportLine[], format: 'csv' | 'sepa') {
  const problems = bankProblems(lines, format);
  if (problems.length) {
    throw conflict(`Export nicht möglich, Bankdaten fehlen oder sind ungültig: ${problems.join('; ')}.`, 'bank_data');
  }
}

const today = () => berlinDate(new Date());

/** The earliest execution date: the one asked for, or today (Europe/Berlin); never in the past. */
function earliestExecutionDate(requested: string | null | undefined): string {
  const date = requested ?? today();
  if (date < today()) throw badRequest('Das Ausführungsdatum liegt in der Vergangenheit.', { execution_date: 'Heute oder später.' });
  return date;
}

async function assertCohort(q: Kysely<Database> | Trx, cohortId: number) {
  const cohort = await q.selectFrom('cohorts').select('id').where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw badRequest('Diese Kohorte gibt es nicht.', { cohort_id: 'Unbekannte Kohorte.' });
}

const exportFilter = (input: { cohort_id: number; disbursement_ids?: number[] }): ExportFilter => ({
  cohortId: input.cohort_id,
  ids: input.disbursement_ids && [...new Set(input.disbursement_ids)],
});

/**
 * What `createExport` would take right now, without taking it: the same selection
 * (`selectExportable`), the same lines and the same summary (`summariseExport`), so the console's
 * confirmation ("N Tranchen, Summe …, werden als exportiert markiert") states exactly what the
 * export does. Bank data problems are listed instead of refused, so the dialog can name them.
 */
export async function previewExport(ctx: RequestContext, input: { format: 'csv' | 'sepa'; cohort_id: number; execution_date?: string | null }) {
  const earliest = earliestExecutionDate(input.execution_date);
  await assertCohort(ctx.db, input.cohort_id);
  const ids = await selectExportable(ctx.db, exportFilter(input), false);
  const lines = await exportLines(ctx.db, { ids });
  return {
    format: input.format,
    cohort_id: input.cohort_id,
    ...summariseExport(lines, earliest),
    bank_problems: bankProblems(lines, input.format),
    disbursement_ids: [...ids],
    tranches: lines.map((l) => ({
      id: l.id, organisation_name: l.organisation_name, label: l.label, amount_cents: l.amount_cents, due_on: l.due_on,
      account_holder: l.account_holder, iban: l.iban, bic: l.bic,
    })),
  };
}

/**
 * One export batch: claims the approved, not yet exported tranches of a cohort (or the chosen ones
 * of it) by setting their export_id, builds the file and keeps it with the batch. The claim is what
 * makes a tranche leave for payment only once. Count, sum and dates come from `summariseExport`,
 * as in the preview.
 */
export async function createExport(ctx: RequestContext, input: ExportInput) {
  const earliest = earliestExecutionDate(input.execution_date);
  return ctx.db.transaction().execute(async (trx) => {
    await assertCohort(trx, input.cohort_id);
    const filter = exportFilter(input);
    const ids = await selectExportable(trx, filter, true);
    if (filter.ids) {
      const missing = filter.ids.filter((id) => !ids.includes(id));
      if (missing.length) {
        throw conflict(`Nicht exportierbar (nicht freigegeben, schon exportiert, aus einer anderen Kohorte oder unbekannt): ${missing.join(', ')}.`, 'not_exportable', {
          disbursement_ids: missing.join(', '),
        });
      }
    }
    if (!ids.length) throw conflict('Es gibt in dieser Kohorte keine freigegebenen, noch nicht exportierten Tranchen.', 'nothing_to_export');

    const createdAt = new Date();
    const batch = await trx
      .insertInto('disbursement_exports')
      .values({
        format: input.format, message_id: `pending-${ctx.user!.id}-${createdAt.getTime()}-${Math.random()}`, tranche_count: 0, total_cents: 0,
        created_by: ctx.user!.id, cohort_id: input.cohort_id, execution_date: earliest, created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // ISO 20022 MsgId: at most 35 characters, unique per sender.
    const messageId = `OTA-${berlinDate(createdAt).replaceAll('-', '')}-${batch.id}`;
    await trx.updateTable('disbursements').set({ export_id: batch.id, updated_at: createdAt }).where('id', 'in', ids).execute();
    const lines = await exportLines(trx, { exportId: batch.id });
    assertBankData(lines, input.format);
    const summary = summariseExport(lines, earliest);

    const header = { id: batch.id, message_id: messageId, created_at: createdAt, execution_date: earliest };
    const content = input.format === 'sepa'
      ? buildPain001(header, { name: ctx.config.PAYER_NAME, iban: ctx.config.PAYER_IBAN, bic: ctx.config.PAYER_BIC }, lines)
      : buildBookkeepingCsv(header, lines);
    const filename = `${messageId}.${input.format === 'sepa' ? 'xml' : 'csv'}`;
    const saved = await trx
      .updateTable('disbursement_exports')
      .set({
        message_id: messageId, tranche_count: summary.tranche_count, total_cents: summary.total_cents,
        execution_date: summary.execution_date, filename, content,
      })
      .where('id', '=', batch.id)
      .returning(EXPORT_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'create', 'disbursement-exports', batch.id, null, saved, { disbursement_ids: ids });
    for (const id of ids) await recordAudit(trx, ctx.user, 'export', 'disbursements', id, { export_id: null }, { export_id: batch.id });
    return presentExport({ ...saved, disbursement_ids: ids, execution_dates: summary.execution_dates });
  });
}

export const EXPORT_COLUMNS = ['id', 'format', 'message_id', 'tranche_count', 'total_cents', 'cohort_id', 'execution_date', 'filename', 'created_by', 'created_at'] as const;

export const presentExport = (row: Rec) => ({
  ...row,
  total_cents: Number(row.total_cents),
  execution_date: row.execution_date == null ? null : String(row.execution_date),
});

/**
 * The stored file of a batch, byte for byte as it was made. `as=csv` on a SEPA batch gives the
 * bookkeeping list of the same tranches (built now, from the batch's lines).
 */
export async function exportFile(ctx: RequestContext, id: number, as?: 'csv' | 'sepa') {
  const batch = await ctx.db.selectFrom('disbursement_exports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw notFound();
  if (!as || as === batch.format) {
    return {
      filename: batch.filename ?? `export-${batch.id}.${batch.format === 'sepa' ? 'xml' : 'csv'}`,
      format: batch.format,
      content: batch.content ?? '',
    };
  }
  if (as === 'sepa') throw conflict('Eine CSV-Liste lässt sich nicht nachträglich als SEPA-Datei ausgeben; bitte einen SEPA-Export erstellen.', 'wrong_format');
  const lines = await exportLines(ctx.db, { exportId: batch.id });
  return { filename: `${batch.message_id}-buchhaltung.csv`, format: 'csv' as const, content: buildBookkeepingCsv(batch, lines) };
}
