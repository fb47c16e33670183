import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { registerResource } from '../http/resource.ts';

const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

/** The outbox, read-only for staff: what the system sent, will send, or gave up on. */
export function registerEmailRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'emails',
    table: 'emails',
    select: (db) =>
      db
        .selectFrom('emails as t')
        .select(['t.id', 't.to', 't.subject', 't.body', 't.template', 't.status', 't.attempts', 't.last_error', 't.next_attempt_at', 't.sent_at', 't.organisation_id', 't.user_id', 't.mailing_id', 't.locale', 't.created_at']),
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
}
