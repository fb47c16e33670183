import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { collectFrom, PLACEHOLDER, type FormerIdentity, type Scrubber } from './identifiers.ts';

/**
 * The database side of forgetting: the audit trail of an organisation's records, and every mention
 * of its former identifiers in any text, JSON or array column of any table. Tables and columns come
 * from the catalogue, so a table added later is covered without touching this file.
 */

type Trx = Transaction<Database>;

export interface TextColumn {
  table: string;
  column: string;
  /** The column's SQL type as the catalogue spells it (`text`, `character varying(200)`, `jsonb`, `text[]`). */
  sqlType: string;
  kind: 'text' | 'json' | 'text[]' | 'json[]';
  nullable: boolean;
}

const TEXT_TYPES = ['text', 'varchar', 'bpchar'];
const JSON_TYPES = ['json', 'jsonb'];

/**
 * Every column that can hold text: text, varchar, char, json, jsonb and arrays of them. Not
 * primary keys, hashes (`*_hash`) or generated columns (search vectors and sort keys follow
 * their source by themselves).
 */
export async function textColumns(db: Kysely<Database> | Trx): Promise<TextColumn[]> {
  const { rows } = await sql<{ table: string; column: string; sql_type: string; type: string; element: string | null; nullable: boolean }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as sql_type,
           t.typname as type, e.typname as element, not a.attnotnull as nullable
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p')
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_type t on t.oid = a.atttypid
    left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
    where a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      and c.relname not like 'kysely\\_%' and a.attname not like '%\\_hash'
      and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary and a.attnum = any(i.indkey))
    order by c.relname, a.attnum`.execute(db);
  return rows.flatMap((r): TextColumn[] => {
    const kind = TEXT_TYPES.includes(r.type) ? 'text'
      : JSON_TYPES.includes(r.type) ? 'json'
      : r.element && TEXT_TYPES.includes(r.element) ? 'text[]'
      : r.element && JSON_TYPES.includes(r.element) ? 'json[]'
      : undefined;
    return kind ? [{ table: r.table, column: r.column, sqlType: r.sql_type, kind, nullable: r.nullable }] : [];
  });
}

/** The organisation's records the audit trail and the outbox can refer to. */
export interface Owner {
  organisationId: number;
  applicationIds: number[];
  personIds: number[];
  /** Audit resource → ids of the organisation's records that still exist. */
  records: Record<string, number[]>;
}

export interface AuditRow {
  id: number | string;
  resource: string;
  record_id: number | null;
  changes: unknown;
}

const OWNER_CONDITION =
  '(@.organisation_id == $org || @.from_organisation_id == $org || @.to_organisation_id == $org || @.application_id == $apps || @.person_id == $people)';

/**
 * The audit events about the organisation's records: those of its records that exist, those whose
 * before/after copy names it (the create or delete of a record long gone: a deleted attachment,
 * person or conflict), and every other event of such a record (updates carry only the diff).
 */
export async function ownedAuditEvents(trx: Trx, owner: Owner): Promise<AuditRow[]> {
  const vars = JSON.stringify({ org: owner.organisationId, apps: owner.applicationIds, people: owner.personIds });
  const named = await trx
    .selectFrom('audit_events')
    .select(['id', 'resource', 'record_id'])
    .where(sql<boolean>`(jsonb_path_exists(changes, ${`$.before ? ${OWNER_CONDITION}`}::jsonpath, ${vars}::jsonb)
      or jsonb_path_exists(changes, ${`$.after ? ${OWNER_CONDITION}`}::jsonpath, ${vars}::jsonb))`)
    .execute();
  const records = new Map<string, Set<number>>(Object.entries(owner.records).map(([r, ids]) => [r, new Set(ids)]));
  for (const e of named) if (e.record_id != null) records.set(e.resource, (records.get(e.resource) ?? new Set()).add(Number(e.record_id)));
  const byRecord = [...records].filter(([, ids]) => ids.size);
  return trx
    .selectFrom('audit_events')
    .select(['id', 'resource', 'record_id', 'changes'])
    .where((eb) => eb.or([
      ...byRecord.map(([resource, ids]) => eb.and([eb('resource', '=', resource), eb('record_id', 'in', [...ids])])),
      ...(named.length ? [eb('id', 'in', named.map((e) => e.id))] : []),
    ]))
    .orderBy('id')
    .forUpdate()
    .execute() as Promise<AuditRow[]>;
}

/** What the before/after copies in those events said about people and the organisation. */
export function collectFromAudit(identity: FormerIdentity, events: AuditRow[]): void {
  for (const event of events) {
    const changes = (event.changes ?? {}) as Record<string, unknown>;
    for (const side of [changes.before, changes.after]) {
      if (!side || typeof side !== 'object') continue;
      collectFrom(identity, side as Record<string, unknown>, { nameIsPerson: event.resource === 'users', nameIsPhrase: event.resource === 'organisations' });
    }
  }
}

/**
 * Keys whose text is an enumeration, not something a person wrote or is called: kept so the
 * trail still says what happened (submitted → rejected, recommendation no).
 */
const KEEP_KEYS = new Set(['status', 'recommendation', 'decision', 'phase', 'transfer_model', 'legal_form', 'field', 'state', 'role', 'locale', 'content_type', 'kind', 'format', 'template', 'via']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An audit copy with its shape, numbers (scores, amounts, ids), booleans, timestamps and
 * enumerations kept, and every other text replaced: redaction by default, so a new free-text field
 * is forgotten too.
 */
export function redactChanges(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return (key !== undefined && KEEP_KEYS.has(key)) || TIMESTAMP.test(value) ? value : PLACEHOLDER;
  if (Array.isArray(value)) return value.map((v) => redactChanges(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactChanges(v, k)]));
  return value;
}

/** The one sanctioned rewrite of the audit trail (its `changes` are otherwise never updated). */
export async function redactAuditEvents(trx: Trx, events: AuditRow[]): Promise<void> {
  for (const event of events) {
    await sql`update audit_events set changes = ${JSON.stringify(redactChanges(event.changes))}::jsonb where id = ${event.id}`.execute(trx);
  }
}

/**
 * Sets every nullable free-text column of the given rows to NULL except `keep` (from the catalogue:
 * a text column added to the table later is cleared too).
 */
export async function clearFreeText(trx: Trx, catalogue: TextColumn[], table: string, ids: number[], keep: readonly string[]): Promise<void> {
  const columns = catalogue.filter((c) => c.table === table && c.nullable && !keep.includes(c.column));
  if (!ids.length || !columns.length) return;
  await sql`update ${sql.table(table)} set ${sql.join(columns.map((c) => sql`${sql.id(c.column)} = null`))} where id in (${sql.join(ids)})`.execute(trx);
}

/**
 * Identity columns of *other* parties: a namesake in another organisation, or the same address
 * kept by another organisation for its own contact, is that party's record and stays.
 */
const OTHER_PARTIES: Record<string, { owner: string; columns: readonly string[] }> = {
  organisations: { owner: 'id', columns: ['name', 'email', 'phone', 'website', 'iban', 'bic', 'account_holder'] },
  people: { owner: 'organisation_id', columns: ['first_name', 'last_name', 'email', 'phone'] },
  users: { owner: 'organisation_id', columns: ['name', 'email'] },
};

/**
 * The names, addresses, phone numbers and IBANs other parties use (people also by full name), as
 * far as they can match the identity at all (`prefilter`).
 */
export async function otherPartyValues(trx: Trx, organisationId: number, prefilter: string | undefined): Promise<string[]> {
  if (!prefilter) return [];
  const values: string[] = [];
  for (const [table, { owner, columns }] of Object.entries(OTHER_PARTIES)) {
    const { rows } = await sql<Record<string, unknown>>`
      select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
      where ${sql.ref(owner)} is distinct from ${organisationId}
        and (${sql.join(columns.map((c) => sql`lower(${sql.ref(c)}) ~ ${prefilter}`), sql` or `)})`.execute(trx);
    for (const row of rows) {
      if (typeof row.first_name === 'string' && typeof row.last_name === 'string') values.push(`${row.first_name} ${row.last_name}`);
      for (const v of Object.values(row)) if (typeof v === 'string' && v.trim()) values.push(v);
    }
  }
  return values;
}

function writeBack(column: TextColumn, value: unknown): RawBuilder<unknown> {
  const type = sql.raw(column.sqlType);
  const json = JSON.stringify(value);
  switch (column.kind) {
    case 'text': return sql`cast(${value as string} as ${type})`;
    case 'json': return sql`cast(${json}::jsonb as ${type})`;
    case 'text[]': return sql`cast(array(select jsonb_array_elements_text(${json}::jsonb)) as ${type})`;
    case 'json[]': return sql`cast(array(select jsonb_array_elements(${json}::jsonb)) as ${type})`;
  }
}

/**
 * Replaces every mention of the former identity in every text, JSON and array column of every
 * table: a review comment, a coaching note, an e-mail to a juror, an audit entry of another record.
 * Returns the number of rows changed.
 */
export async function scrubMentions(trx: Trx, catalogue: TextColumn[], scrubber: Scrubber, organisationId: number): Promise<number> {
  const prefilter = scrubber.prefilter;
  if (!prefilter) return 0;
  const tables = new Map<string, TextColumn[]>();
  for (const c of catalogue) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  const matches = (columns: TextColumn[]) => sql.join(columns.map((c) => sql`lower(${sql.id(c.column)}::text) ~ ${sql.ref('p.re')}`), sql` or `);
  // One round trip finds the tables with a candidate row; only those are read and locked row by row.
  const { rows: hit } = await sql<{ t: string }>`
    with p as (select ${prefilter}::text as re)
    ${sql.join([...tables].map(([table, columns]) => sql`select ${table}::text as t where exists (select 1 from ${sql.table(table)}, p where ${matches(columns)})`), sql` union all `)}`.execute(trx);
  let changed = 0;
  for (const { t: table } of hit) {
    const columns = tables.get(table)!;
    const party = OTHER_PARTIES[table];
    const { rows } = await sql<Record<string, unknown>>`
      with p as (select ${prefilter}::text as re)
      select ctid::text as "_row", ${party ? sql.ref(party.owner) : sql`null`} as "_owner",
        ${sql.join(columns.map((c, i) => sql`to_jsonb(${sql.id(c.column)}) as ${sql.id(`v${i}`)}`))}
      from ${sql.table(table)}
      where exists (select 1 from p where ${matches(columns)})
      for update of ${sql.table(table)}`.execute(trx);
    for (const row of rows) {
      const otherParty = party && Number(row._owner) !== organisationId;
      const sets = columns.flatMap((c, i) => {
        if (otherParty && party.columns.includes(c.column)) return [];
        const before = row[`v${i}`];
        if (before === null || before === undefined) return [];
        const after = scrubber.value(before);
        return JSON.stringify(after) === JSON.stringify(before) ? [] : [sql`${sql.id(c.column)} = ${writeBack(c, after)}`];
      });
      if (!sets.length) continue;
      await sql`update ${sql.table(table)} set ${sql.join(sets)} where ctid = ${row._row}::tid`.execute(trx);
      changed++;
    }
  }
  return changed;
}
