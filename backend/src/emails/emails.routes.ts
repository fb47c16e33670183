import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { registerResource } from '../http/resource.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

/**
 * The outbox for staff: what the system sent, will send, or gave up on; a message given up on can
 * be queued again (`resend`).
 */
export function registerEmailRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'emails',
    table: 'emails',
    select: (db) =>
      db
        .selectFrom('emails as t')
        .select(['t.id', 't.to', 't.subject', 't.body', 't.html', 't.template', 't.status', 't.attempts', 't.last_error', 't.next_attempt_at', 't.sent_at', 't.organisation_id', 't.user_id', 't.mailing_id', 't.locale', 't.created_at']),
    fields: {
      id: { column: 't.id', type: 'int' },
      to: { column: 't.to', type: 'text' },
      subject: { column: 't.subject', type: 'text' },
      template: { column: 't.template', type: 'text' },
      status: { column: 't.status', type: EMAIL_STATUSES },
      attempts: { column: 't.attempts', type: 'int' },
      organisation_id: { column: 't.organisation_id', type: 'int' },
      user_id: { column: 't.user_id', type: 'int' },
      mailing_id: { column: 't.mailing_id', type: 'int' },
      locale: { column: 't.locale', type: ['de', 'en'] },
      next_attempt_at: { column: 't.next_attempt_at', type: 'datetime' },
      sent_at: { column: 't.sent_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (_tsquery, raw) => {
      const like = `%${raw.replace(/[%_\\]/g, '')}%`;
      return sql<boolean>`(t.subject ILIKE ${like} OR t."to" ILIKE ${like})`;
    },
    defaultSort: ['id', 'DESC'],
    access: { read: STAFF },
  });

  api.add({
    method: 'post',
    path: '/emails/:id/resend',
    tag: 'emails',
    summary: 'Queue a failed message again: the same outbox row back to queued, attempts reset (audited); 409 unless failed',
    access: STAFF,
    handler: async (ctx, _req, _res, { id }) =>
      ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('emails').select(['id', 'status', 'attempts', 'last_error']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!existing) throw notFound('Diese E-Mail gibt es nicht.');
        // The row lock and the status condition make it exactly once: of two parallel resends, the
        // second sees `queued` and is refused; the worker only ever sends a queued row once.
        if (existing.status !== 'failed') throw conflict('Nur eine fehlgeschlagene E-Mail kann erneut gesendet werden.');
        const updated = await trx
          .updateTable('emails')
          .set({ status: 'queued', attempts: 0, next_attempt_at: sql<Date>`now()` })
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .returning(['id', 'status', 'attempts', 'last_error', 'next_attempt_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx.user, 'resend', 'emails', id, existing, updated);
        return updated;
      }),
  });
}
