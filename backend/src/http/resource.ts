import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import { z, type ZodType } from 'zod';
import type { Database, TableName } from '../db/schema.ts';
import type { Access, ApiRouter } from './api-router.ts';
import type { RequestContext } from './context.ts';
import { conflict, notFound } from './errors.ts';
import { hiddenKeys, toPrefixTsquery, type FieldSpec, type ListQuery } from './list-query.ts';
import { recordAudit } from '../audit/audit.service.ts';

type AnyQuery = SelectQueryBuilder<any, any, any>;
type Trx = Transaction<Database>;
export type Rec = Record<string, any>;
type Search = (tsquery: string, raw: string, ctx: RequestContext) => Expression<SqlBool>;

export interface ResourceSpec {
  /** URL name (`coaching-sessions`); also the audit resource name. */
  name: string;
  table: TableName;
  tag?: string;
  /**
   * The records this caller may see: `FROM <table> AS t` (plus joins), selecting the wire fields.
   * Row-level scoping lives here, so list, get, update and delete all answer 404 outside it.
   */
  select: (db: Kysely<Database>, ctx: RequestContext) => AnyQuery;
  /** Sortable/filterable keys → columns, each declaring who may not see it (`FieldSpec.hidden`). */
  fields: Record<string, FieldSpec>;
  /**
   * Full-text search for `filter.q`; receives a sanitised prefix tsquery string, the raw text and
   * the caller. It may only match text this caller sees in the answer (or elsewhere): a search hit
   * on hidden text tells the hidden text.
   */
  search?: Search;
  /** Filter keys that are not plain columns. */
  customFilters?: Record<string, (qb: AnyQuery, value: unknown, ctx: RequestContext) => AnyQuery>;
  defaultSort?: [string, 'ASC' | 'DESC'];
  access: { read: Access; create?: Access; update?: Access; delete?: Access };
  createSchema?: ZodType;
  /** Defaults to createSchema.partial(): PUT receives the whole record and ignores read-only fields. */
  updateSchema?: ZodType;
  /** Turns validated input into the row to insert; throws for rule violations. */
  beforeCreate?: (ctx: RequestContext, input: Rec, trx: Trx) => Promise<Rec> | Rec;
  /** Turns validated input into the patch; `existing` is the row, locked FOR UPDATE. */
  beforeUpdate?: (ctx: RequestContext, input: Rec, existing: Rec, trx: Trx) => Promise<Rec> | Rec;
  /** Throws if this record may not be deleted by this caller. */
  beforeDelete?: (ctx: RequestContext, existing: Rec, trx: Trx) => Promise<void> | void;
  afterWrite?: (ctx: RequestContext, action: 'create' | 'update' | 'delete', record: Rec, trx: Trx) => Promise<void> | void;
  /** Last chance to hide fields from a role (runs on every record this resource answers with). */
  present?: (record: Rec, ctx: RequestContext) => Rec;
  /**
   * Optimistic concurrency: the table has an integer `version` column that a trigger increments on
   * every UPDATE. `PUT` takes the `version` the client based its edit on (the record's own field
   * round-trips); the UPDATE matches only that version, so a save based on an older one answers
   * 409 `stale_version`.
   */
  versioned?: { message: string };
}

const staleVersion = (message: string) => conflict(message, 'stale_version');

/** Applies the parsed filters, search, sort and page to a scoped select. */
export function applyListQuery(qb: AnyQuery, list: ListQuery, spec: Pick<ResourceSpec, 'search' | 'customFilters'>, ctx: RequestContext): AnyQuery {
  for (const f of list.filters) {
    const ref = f.ref;
    if (f.value === null) {
      qb = qb.where(ref, f.op === '<>' ? 'is not' : 'is', null);
    } else if (f.op === 'in') {
      qb = (f.value as unknown[]).length === 0 ? qb.where(sql<boolean>`false`) : qb.where(ref, 'in', f.value as any[]);
    } else if (f.op === '<>' && Array.isArray(f.value)) {
      if ((f.value as unknown[]).length) qb = qb.where(ref, 'not in', f.value as any[]);
    } else {
      qb = qb.where(ref, f.op, f.value as any);
    }
  }
  if (list.q && spec.search) {
    const tsquery = toPrefixTsquery(list.q);
    qb = tsquery ? qb.where(spec.search(tsquery, list.q, ctx)) : qb.where(sql<boolean>`false`);
  }
  for (const [key, value] of Object.entries(list.custom)) {
    if (!spec.customFilters || !Object.hasOwn(spec.customFilters, key)) continue;
    qb = spec.customFilters[key](qb, value, ctx);
  }
  return qb;
}

/**
 * One round trip for page + total: `count(*) over ()` rides along with the page. Only a page past
 * the end (no rows to carry it) needs a second query for the total.
 *
 * Sort and limit sit outside the filtered subquery on purpose: inline, PostgreSQL's planner believes
 * LIMIT stops a scan of the sort index early, which the window count never lets happen, and so it
 * walks the whole table in index order (3 ms instead of 0.9 ms on 10,000 organisations filtered
 * to 500). Planned apart, the filter picks the index and the page is a top-N sort.
 *
 * With `records` (the caller's visible rows of a plain table, `t.id` unique), the count and the
 * sort run over narrow keys only (id, sort value) and just the page's rows are read in full: the
 * window no longer copies every matching row whole (45 % less database time on that list).
 */
export async function listPage(db: Kysely<Database>, qb: AnyQuery, list: ListQuery, records?: AnyQuery): Promise<{ rows: Rec[]; total: number }> {
  const direction = list.sort.direction;
  const sorted = (query: AnyQuery, alias: string) =>
    query.orderBy(sql.ref(`${alias}.__sort`), direction).orderBy(sql.ref(`${alias}.id`), direction);
  const paged = (query: AnyQuery, alias: string) => sorted(query, alias).offset(list.range.start).limit(pageSize);
  const helpers = [sql`${list.sort.ref}`.as('__sort'), sql<number>`count(*) over ()`.as('__total')];
  // The page size is written into the statement (a whole number from parseListQuery), the offset
  // stays a parameter: with a known LIMIT, PostgreSQL settles on a generic plan for the prepared
  // statement after five runs and stops planning it on every request (a quarter of its time).
  const pageSize = sql.lit(list.range.end - list.range.start + 1);
  let page: Rec[];
  if (records) {
    const keys = qb.clearSelect().select([sql.ref('t.id').as('id'), ...helpers]);
    const keyPage = paged(db.selectFrom(keys.as('__keys')).selectAll(), '__keys');
    // `__page`, not a short alias: the caller's query may already join a table as `p`.
    page = await sorted(records.innerJoin(keyPage.as('__page'), '__page.id', 't.id').select(['__page.__sort', '__page.__total']), '__page').execute();
  } else {
    page = await paged(db.selectFrom(qb.select(helpers).as('p')).selectAll(), 'p').execute();
  }
  let total = page.length ? Number(page[0].__total) : 0;
  if (!page.length && list.range.start > 0) {
    const counted = await db.selectFrom(qb.as('x')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  // The two helper columns come last, so deleting them keeps the rows' fast shape (no copies).
  for (const row of page) {
    delete row.__total;
    delete row.__sort;
  }
  return { rows: page, total };
}

export function setContentRange(res: { setHeader(name: string, value: string): unknown }, name: string, start: number, count: number, total: number) {
  const end = count ? start + count - 1 : start;
  res.setHeader('Content-Range', `${name} ${start}-${end}/${total}`);
}

/** Registers list/get/create/update/delete for one table as a ra-data-simple-rest resource. */
export function registerResource(api: ApiRouter, spec: ResourceSpec): void {
  const tag = spec.tag ?? spec.name;
  // The resource's own `present`, then the fields declared hidden from this caller go.
  const presenter = (ctx: RequestContext) => {
    const hidden = hiddenKeys(spec.fields, ctx);
    return (record: Rec): Rec => {
      const out = spec.present ? spec.present(record, ctx) : record;
      if (!hidden.some((key) => key in out)) return out;
      const visible = { ...out };
      for (const key of hidden) delete visible[key];
      return visible;
    };
  };
  const present = (record: Rec, ctx: RequestContext) => presenter(ctx)(record);
  const fetchOne = async (db: Kysely<Database>, ctx: RequestContext, id: number) => {
    const row = await spec.select(db, ctx).where(sql.ref('t.id'), '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row as Rec;
  };
  const lockRow = async (trx: Trx, id: number) =>
    (await trx.selectFrom(spec.table as any).selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as Rec;

  api.add({
    method: 'get',
    path: `/${spec.name}`,
    tag,
    summary: `List ${spec.name} (sort, range, filter)`,
    access: spec.access.read,
    list: { fields: spec.fields, search: !!spec.search, customFilters: Object.keys(spec.customFilters ?? {}), defaultSort: spec.defaultSort },
    handler: async (ctx, _req, res, { list }) => {
      const visible = spec.select(ctx.db, ctx);
      const { rows, total } = await listPage(ctx.db, applyListQuery(visible, list, spec, ctx), list, visible);
      setContentRange(res, spec.name, list.range.start, rows.length, total);
      return rows.map(presenter(ctx));
    },
  });

  api.add({
    method: 'get',
    path: `/${spec.name}/:id`,
    tag,
    summary: `Get one ${spec.name} record`,
    access: spec.access.read,
    handler: async (ctx, _req, _res, { id }) => present(await fetchOne(ctx.db, ctx, id), ctx),
  });

  if (spec.access.create && spec.createSchema) {
    const schema = spec.createSchema;
    api.add({
      method: 'post',
      path: `/${spec.name}`,
      tag,
      summary: `Create a ${spec.name} record`,
      access: spec.access.create,
      body: schema,
      status: 201,
      handler: async (ctx, _req, _res, { body }) => {
        const input = body as Rec;
        const record = await ctx.db.transaction().execute(async (trx) => {
          const values = spec.beforeCreate ? await spec.beforeCreate(ctx, input, trx) : input;
          const inserted = (await trx.insertInto(spec.table as any).values(values).returningAll().executeTakeFirstOrThrow()) as Rec;
          await recordAudit(trx, ctx.user, 'create', spec.name, inserted.id, null, inserted);
          await spec.afterWrite?.(ctx, 'create', inserted, trx);
          return fetchOne(trx, ctx, inserted.id);
        });
        return present(record, ctx);
      },
    });
  }

  if (spec.access.update && (spec.updateSchema || spec.createSchema)) {
    const schema = spec.updateSchema ?? (spec.createSchema as z.ZodObject<any>).partial();
    api.add({
      method: 'put',
      path: `/${spec.name}/:id`,
      tag,
      summary: `Update a ${spec.name} record`,
      access: spec.access.update,
      body: schema,
      handler: async (ctx, _req, _res, { id, body }) => {
        const input = { ...(body as Rec) };
        const baseVersion = spec.versioned ? input.version : undefined;
        if (spec.versioned) delete input.version;
        const record = await ctx.db.transaction().execute(async (trx) => {
          await fetchOne(trx, ctx, id);
          const existing = await lockRow(trx, id);
          const patch = spec.beforeUpdate ? await spec.beforeUpdate(ctx, input, existing, trx) : input;
          if (Object.keys(patch).length || (spec.versioned && baseVersion != null)) {
            let update = trx
              .updateTable(spec.table as any)
              .set({ ...patch, updated_at: new Date() })
              .where('id', '=', id);
            // Checked in the UPDATE itself, not by comparing with what was read.
            if (spec.versioned && baseVersion != null) update = update.where('version', '=', baseVersion as number);
            const updated = (await update.returningAll().executeTakeFirst()) as Rec | undefined;
            if (!updated) throw staleVersion(spec.versioned!.message);
            await recordAudit(trx, ctx.user, 'update', spec.name, id, existing, updated);
            await spec.afterWrite?.(ctx, 'update', updated, trx);
          }
          return fetchOne(trx, ctx, id);
        });
        return present(record, ctx);
      },
    });
  }

  if (spec.access.delete) {
    api.add({
      method: 'delete',
      path: `/${spec.name}/:id`,
      tag,
      summary: `Delete a ${spec.name} record`,
      access: spec.access.delete,
      handler: async (ctx, _req, _res, { id }) => {
        const record = await ctx.db.transaction().execute(async (trx) => {
          const visible = await fetchOne(trx, ctx, id);
          const existing = await lockRow(trx, id);
          if (spec.beforeDelete) await spec.beforeDelete(ctx, existing, trx);
          await trx.deleteFrom(spec.table as any).where('id', '=', id).execute();
          await recordAudit(trx, ctx.user, 'delete', spec.name, id, existing, null);
          await spec.afterWrite?.(ctx, 'delete', existing, trx);
          return visible;
        });
        return present(record, ctx);
      },
    });
  }
}
