import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { ADMIN } from '../http/api-router.ts';
import { registerResource } from '../http/resource.ts';
import { changesRedacted, visibleChanges } from './audit-events.visibility.ts';

/**
 * The audit trail, read-only and for admins only. There is no create, update or delete route:
 * such requests reach no handler and answer 404 like any unknown endpoint.
 */
export function registerAuditRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'audit-events',
    table: 'audit_events',
    tag: 'audit',
    // `changes` as this reader may see it: features keep some of it back for a while (audit.visibility.ts).
    select: (db, ctx) =>
      db
        .selectFrom('audit_events as t')
        .leftJoin('users as u', 'u.id', 't.actor_id')
        .select(['t.id', 't.actor_id', 't.action', 't.resource', 't.record_id', 't.at', 'u.name as actor_name', 'u.email as actor_email'])
        .select([sql`${visibleChanges(ctx)}`.as('changes'), sql<boolean>`${changesRedacted(ctx)}`.as('changes_redacted')]),
    fields: {
      id: { column: 't.id', type: 'int' },
      actor_id: { column: 't.actor_id', type: 'int' },
      action: { column: 't.action', type: 'text' },
      resource: { column: 't.resource', type: 'text' },
      record_id: { column: 't.record_id', type: 'int' },
      at: { column: 't.at', type: 'datetime' },
    },
    search: (_tsquery, raw) =>
      sql<boolean>`(t.action ILIKE ${raw.replace(/[%_\\]/g, '') + '%'} OR t.resource ILIKE ${raw.replace(/[%_\\]/g, '') + '%'} OR u.name ILIKE ${'%' + raw.replace(/[%_\\]/g, '') + '%'})`,
    defaultSort: ['at', 'DESC'],
    access: { read: ADMIN },
  });
}
