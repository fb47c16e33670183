import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Fields never written into the audit trail: secrets and binary blobs, and bookkeeping that every
 * change moves (`updated_at`, the optimistic-concurrency `version`), which would only repeat the event.
 */
const OMIT = new Set(['password_hash', 'content', 'pdf', 'search_vector', 'total_count', 'updated_at', 'version']);

type Plain = Record<string, unknown> | null | undefined;

function clean(record: Plain): Record<string, unknown> | null {
  if (!record) return null;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !OMIT.has(k)));
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return new Date(a as any).getTime() === new Date(b as any).getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The before/after pair of the fields that actually changed. */
function diff(before: Plain, after: Plain): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const b = clean(before);
  const a = clean(after);
  if (!b || !a) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (!same(b[key], a[key])) {
      changedBefore[key] = b[key];
      changedAfter[key] = a[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}

/** Records one write in the same transaction as the write itself. */
export async function recordAudit(
  trx: Kysely<Database> | Transaction<Database>,
  /** The signed-in user (a SessionUser); null for the system (jobs, seeds). */
  actor: { id: number } | null,
  action: string,
  resource: string,
  recordId: number | null,
  before?: Plain,
  after?: Plain,
  extra?: Record<string, unknown>,
): Promise<void> {
  const changes = { ...diff(before, after), ...(extra ?? {}) };
  await trx
    .insertInto('audit_events')
    .values({
      actor_id: actor?.id ?? null,
      action,
      resource,
      record_id: recordId,
      changes: JSON.stringify(changes),
    })
    .execute();
}
