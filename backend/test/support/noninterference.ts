import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../src/db/database.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';

/**
 * Tools for noninterference tests: change data a caller cannot see and prove that no answer the
 * caller can get — a list filtered, sorted or searched any way — changes with it.
 */

/**
 * Which tables a request's queries read under which alias, and where the columns of a derived table
 * (`select … from (select f.organisation_id …) as t`) come from: `t.organisation_id` → `f.organisation_id`.
 */
export interface Reads {
  aliases: Map<string, Set<string>>;
  derived: Map<string, Set<string>>;
}

export const noReads = (): Reads => ({ aliases: new Map(), derived: new Map() });

export function mergeReads(into: Reads, from: Reads): void {
  for (const key of ['aliases', 'derived'] as const) {
    for (const [k, values] of from[key]) for (const v of values) add(into[key], k, v);
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string) {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
}

/** A Kysely plugin that notes, while active, what the app's queries read. */
export class ReadCapture implements KyselyPlugin {
  private reads: Reads | undefined;

  async during<T>(work: () => Promise<T>): Promise<{ result: T; reads: Reads }> {
    const reads = noReads();
    this.reads = reads;
    try {
      return { result: await work(), reads };
    } finally {
      this.reads = undefined;
    }
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.reads) collectReads(args.node, this.reads);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const refOf = (node: any): string | undefined =>
  node?.kind === 'ReferenceNode' && node.table ? `${node.table.table.identifier.name}.${node.column.column.name}` : undefined;

/** Walks a Kysely operation tree: tables (aliased or not), derived tables' columns, FROM/JOIN in raw SQL. */
function collectReads(node: unknown, out: Reads): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectReads(n, out);
    return;
  }
  const n = node as Record<string, any>;
  if (n.kind === 'ReferenceNode') return;
  if (n.kind === 'AliasNode' && n.node?.kind === 'TableNode') add(out.aliases, n.alias.name, n.node.table.identifier.name);
  else if (n.kind === 'TableNode') add(out.aliases, n.table.identifier.name, n.table.identifier.name);
  else if (n.kind === 'AliasNode' && n.node?.kind === 'SelectQueryNode') {
    for (const { selection } of (n.node.selections ?? []) as Array<{ selection: any }>) {
      const direct = refOf(selection);
      if (direct) add(out.derived, `${n.alias.name}.${direct.split('.')[1]}`, direct);
      const aliased = selection?.kind === 'AliasNode' ? refOf(selection.node) : undefined;
      if (aliased) add(out.derived, `${n.alias.name}.${selection.alias.name}`, aliased);
    }
  } else if (n.kind === 'RawNode') {
    const text = (n.sqlFragments as string[]).join(' ');
    for (const m of text.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?(?:\s+(?:as\s+)?"?([a-z_]+)"?)?/gi)) {
      const alias = m[2] && !/^(where|on|join|inner|left|order|group|limit|union|cross|lateral|using)$/i.test(m[2]) ? m[2] : m[1];
      add(out.aliases, alias, m[1]);
    }
  }
  for (const value of Object.values(n)) collectReads(value, out);
}

export interface Column {
  table: string;
  column: string;
  type: string;
  generated: boolean;
  nullable: boolean;
}

/** The public tables' columns (the test database's catalog). */
export async function catalog(db: Db): Promise<Column[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; udt_name: string; is_generated: string; generation_expression: string | null; is_nullable: string }>`
    select table_name, column_name, udt_name, is_generated, generation_expression, is_nullable
    from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(db);
  return rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    type: r.udt_name,
    generated: r.is_generated === 'ALWAYS' || r.generation_expression !== null,
    nullable: r.is_nullable === 'YES',
  }));
}

/** A caller's answer reduced to what can be compared: status and records (JSON elements or CSV lines). */
export interface Answer {
  status: number;
  code?: string;
  records: string[];
}

export function answerOf(res: request.Response, volatile: ReadonlySet<string> = new Set()): Answer {
  if (res.status !== 200) return { status: res.status, code: res.body?.code, records: [] };
  if (Array.isArray(res.body)) {
    return { status: 200, records: res.body.map((r: unknown) => JSON.stringify(stripKeys(r, volatile))) };
  }
  const text = typeof res.text === 'string' ? res.text : '';
  if (/json/.test(String(res.headers['content-type']))) return { status: 200, records: [JSON.stringify(stripKeys(res.body, volatile))] };
  if (/csv/.test(String(res.headers['content-type']))) return { status: 200, records: parseCsv(text).slice(1).map((row) => JSON.stringify(row)) };
  return { status: 200, records: text.split(/\r?\n/).filter((l) => l !== '') };
}

/** RFC 4180 rows (quoted fields may hold the delimiter, quotes and line breaks); `,` or `;` as the header uses. */
function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') field += body[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function stripKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (!keys.size || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.has(k)));
}

/** Keys whose values differ between two reads of the same data (clocks such as `server_now`). */
export function volatileKeys(a: request.Response, b: request.Response): Set<string> {
  const keys = new Set<string>();
  if (!Array.isArray(a.body) || !Array.isArray(b.body)) return keys;
  a.body.forEach((rec: Record<string, unknown>, i: number) => {
    const other = b.body[i] as Record<string, unknown> | undefined;
    if (!rec || typeof rec !== 'object' || !other) return;
    for (const k of Object.keys(rec)) if (JSON.stringify(rec[k]) !== JSON.stringify(other[k])) keys.add(k);
  });
  return keys;
}

export function sender(app: Express, tokens: Record<string, string>) {
  return (path: string, role: string, query: Record<string, string> = {}) => {
    let req = request(app).get(`/api${path}`).query(query);
    if (tokens[role]) req = req.set('Cookie', `${SESSION_COOKIE}=${tokens[role]}`);
    return req;
  };
}

/** GET routes that answer a list (no `:id`, no documentation, not the caller's own account and permissions). */
export const isListRoute = (r: RouteDef) =>
  r.method === 'get' && !r.path.includes(':') && !['/openapi.json', '/docs', '/auth/me', '/permissions'].includes(r.path);

export type JsonValue = string | number | boolean | null;

/** The distinct values of a column as JSON (ISO timestamps, dates, numbers, booleans; NULL last). */
export async function distinctValues(db: Db, table: string, column: string, limit = 12): Promise<JsonValue[]> {
  const { rows } = await sql<{ v: JsonValue }>`
    select distinct coalesce(to_jsonb(${sql.ref(column)}), 'null'::jsonb) as v from ${sql.table(table)} limit ${limit}`.execute(db);
  const byText = (x: JsonValue, y: JsonValue) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
  return [...rows.map((r) => r.v).filter((v) => v !== null).sort(byText), ...(rows.some((r) => r.v === null) ? [null] : [])];
}

/**
 * Rotates a column's values among its rows (each distinct value, NULL included, becomes the next),
 * so every row gets a different value while the set of values stays the same. Returns false when
 * the database refuses (a constraint across columns or rows); nothing changed then.
 */
export async function rotateColumn(db: Db, table: string, column: string, type: string, values: JsonValue[], backwards = false): Promise<boolean> {
  if (values.length < 2) return false;
  const pairs = values.map((v, i) => [v, values[(i + (backwards ? values.length - 1 : 1)) % values.length]] as const);
  const mapping = sql.join(pairs.map(([from, to]) => sql`(${JSON.stringify(from)}::jsonb, ${JSON.stringify(to)}::jsonb)`));
  try {
    await db.transaction().execute(async (trx) => {
      await sql`
        update ${sql.table(table)} as x set ${sql.ref(column)} = (m.to_value #>> '{}')::${sql.raw(castType(type))}
        from (values ${mapping}) as m(from_value, to_value)
        where coalesce(to_jsonb(x.${sql.ref(column)}), 'null'::jsonb) = m.from_value`.execute(trx);
    });
    return true;
  } catch {
    return false;
  }
}

const castType = (udt: string) => (/^[a-z0-9_]+$/.test(udt) ? udt : 'text');
