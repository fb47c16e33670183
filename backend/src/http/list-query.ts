import { sql, type Expression } from 'kysely';
import { z } from 'zod';
import { badRequest } from './errors.ts';
import type { RequestContext } from './context.ts';
import { CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE } from '../shared/fields.ts';

/** How a filterable field's values are checked before they reach SQL. */
type FilterType = 'int' | 'number' | 'text' | 'bool' | 'date' | 'datetime' | readonly string[];

/** Who is asking: enough to decide what they may see. */
export type Viewer = Pick<RequestContext, 'user'>;

/**
 * What a caller sees of a field, as declared by `FieldSpec.hidden`:
 * - `true`: nothing, on any row;
 * - an SQL expression: the value as this caller sees it, where some rows hide it (NULL or a
 *   stand-in there, e.g. a draft review's recommendation for staff);
 * - `false`: the column as it is.
 */
export type FieldView = boolean | Expression<unknown>;

export interface FieldSpec {
  /** Whitelisted SQL column expression, e.g. `t.organisation_id`. */
  column: string;
  /** Sort by this column instead (e.g. a German-folded sort key). */
  sortColumn?: string;
  type: FilterType;
  sortable?: boolean;
  filterable?: boolean;
  /**
   * Who may not see this field — the one place a list's blindness is declared. Sort and filter
   * on a field hidden from the caller answer 400 `hidden_field`; for a field hidden on some rows
   * they run on the value the caller sees, so they can only tell apart what the answer shows.
   * `registerResource` also drops a field hidden from the caller from its answers.
   */
  hidden?: (viewer: Viewer) => FieldView;
}

/** The field is hidden from these roles on every row. */
export const hiddenFrom =
  (...roles: string[]) =>
  (viewer: Viewer): FieldView =>
    !!viewer.user && roles.includes(viewer.user.role);

/** What a list accepts in `sort`, `range` and `filter`; declared on the route, parsed by the router. */
export interface ListSpec {
  /** Sortable/filterable keys (`null` prototype not required: lookups check own keys only). */
  fields: Record<string, FieldSpec>;
  /** `filter.q` is a full-text search. */
  search?: boolean;
  /** Filter keys the handler applies itself (not plain columns), e.g. `to_approve`. */
  customFilters?: readonly string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** False for exports: every matching row, no `range` parameter. */
  paged?: boolean;
}

type Operator = '=' | '<>' | '>=' | '<=' | '>' | '<' | 'in';

interface FilterClause {
  /** The filter key's field name (without operator suffix). */
  key: string;
  /** The field as the caller sees it. */
  ref: Expression<unknown>;
  op: Operator;
  value: unknown;
}

export interface ListQuery {
  sort: { key: string; ref: Expression<unknown>; direction: 'asc' | 'desc' };
  range: { start: number; end: number };
  filters: FilterClause[];
  q?: string;
  /** Filter keys the resource handles itself (not plain columns), e.g. `stage_gate`. */
  custom: Record<string, unknown>;
}

const MAX_PAGE = 1000;

const SUFFIXES: Array<[string, Operator]> = [
  ['_gte', '>='],
  ['_lte', '<='],
  ['_gt', '>'],
  ['_lt', '<'],
  ['_neq', '<>'],
];

/** Text that can reach SQL: no NUL (PostgreSQL refuses it) and no lone surrogate (it would be altered). */
const cleanText = (max: number) => z.string().max(max).regex(CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE);

const valueSchemas: Record<string, z.ZodType> = {
  int: z.union([z.number().int(), z.string().regex(/^-?\d{1,15}$/).transform(Number)]).refine((n) => Math.abs(n) <= 2 ** 53),
  number: z.union([z.number(), z.string().regex(/^-?\d{1,15}(\.\d+)?$/).transform(Number)]),
  text: cleanText(500),
  bool: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  datetime: z.iso.datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
};

const searchText = cleanText(200);

/** A client's key in an error message: short, and without characters that would need explaining. */
const shown = (key: string) => {
  const printable = key.replace(/[^\p{L}\p{N}_.-]/gu, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
};

function parseJson(raw: unknown, name: string): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(`Parameter ${name} muss JSON sein.`, { [name]: 'ungültig' }, 'malformed_query');
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`Parameter ${name} ist kein gültiges JSON.`, { [name]: 'ungültiges JSON' }, 'malformed_query');
  }
}

interface VisibleField {
  spec: FieldSpec;
  filter: Expression<unknown>;
  sort: Expression<unknown>;
}

/**
 * The field behind a client's key as this caller sees it; `undefined` for unknown keys (own keys
 * only: `toString` or `__proto__` name no field), `'hidden'` for a field hidden from the caller.
 */
function visibleField(fields: Record<string, FieldSpec>, key: string, viewer: Viewer): VisibleField | 'hidden' | undefined {
  if (!Object.hasOwn(fields, key)) return undefined;
  const spec = fields[key];
  const view = spec.hidden?.(viewer) ?? false;
  if (view === true) return 'hidden';
  if (view === false) return { spec, filter: sql.ref(spec.column), sort: sql.ref(spec.sortColumn ?? spec.column) };
  return { spec, filter: view, sort: view };
}

const hiddenField = (key: string, what: 'sort' | 'filter') =>
  badRequest(
    `Nach ${shown(key)} kann nicht ${what === 'sort' ? 'sortiert' : 'gefiltert'} werden: Sie sehen dieses Feld nicht.`,
    { [what === 'sort' ? 'sort' : key]: 'nicht sichtbar' },
    'hidden_field',
  );

/** A filter key of a list: the field it names and the comparison its suffix asks for. */
interface FilterKey {
  name: string;
  op: Operator;
}

/**
 * A list's query as one zod schema, derived from its spec: `sort` (a sortable key and a direction),
 * `range` (paged lists) and `filter` (each filterable key with the operator suffixes its type
 * allows and its value type, `q` with search, the custom filter keys). The router validates every
 * list request with it, `/api/openapi.json` documents the parameters from it, and the security
 * tests draw their keys from it. Values are the parameters' JSON, decoded.
 */
export interface ListQuerySchema {
  schema: z.ZodObject<{ sort: z.ZodOptional<z.ZodType>; range?: z.ZodOptional<z.ZodType>; filter: z.ZodOptional<z.ZodObject> }>;
  /** Sort keys (the `sort` enum). */
  sortKeys: string[];
  /** Filter key → field and operator (`cohort_id_gte` → cohort_id, >=). */
  filterKeys: Map<string, FilterKey>;
}

const DIRECTIONS = ['ASC', 'DESC', 'asc', 'desc'] as const;
const COMPARABLE: ReadonlyArray<[string, Operator]> = SUFFIXES.filter(([suffix]) => suffix !== '_neq');

const valueSchema = (type: FilterType): z.ZodType => (Array.isArray(type) ? z.enum(type as [string, ...string[]]) : valueSchemas[type as string]);

function buildListQuerySchema(list: ListSpec): ListQuerySchema {
  const sortKeys = Object.keys(list.fields).filter((key) => list.fields[key].sortable !== false);
  const filterKeys = new Map<string, FilterKey>();
  const filterShape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(list.fields)) {
    if (spec.filterable === false) continue;
    const value = valueSchema(spec.type);
    // `=` and `<>` take one value, null (IS [NOT] NULL) or a list (IN, NOT IN).
    const equality = z.union([value, z.null(), z.array(z.union([value, z.null()])).max(MAX_PAGE, 'Zu viele Werte.')]).optional();
    filterShape[name] = equality;
    filterKeys.set(name, { name, op: '=' });
    filterShape[`${name}_neq`] = equality;
    filterKeys.set(`${name}_neq`, { name, op: '<>' });
    // Ordering comparisons only where the type has an order.
    if (spec.type === 'bool' || Array.isArray(spec.type)) continue;
    for (const [suffix, op] of COMPARABLE) {
      filterShape[`${name}${suffix}`] = z.union([value, z.null()]).optional();
      filterKeys.set(`${name}${suffix}`, { name, op });
    }
  }
  if (list.search) filterShape.q = z.union([searchText, z.null()]).optional();
  // The resource checks these values itself (its CustomFilter throws a 400 for a bad one).
  for (const key of list.customFilters ?? []) filterShape[key] = z.unknown().optional();
  const range = z
    .tuple([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)])
    .refine(([start, end]) => end >= start, 'range muss [start,ende] mit ganzen Zahlen sein.')
    .refine(([start, end]) => end - start + 1 <= MAX_PAGE, { message: `Höchstens ${MAX_PAGE} Einträge je Seite.`, params: { code: 'range_too_large' } });
  const schema = z
    .object({
      sort: z.tuple([z.enum(sortKeys as [string, ...string[]]), z.enum(DIRECTIONS)]).optional(),
      ...(list.paged !== false ? { range: range.optional() } : {}),
      filter: z.object(filterShape).strict().optional(),
    })
    .strict();
  return { schema, sortKeys, filterKeys };
}

const schemas = new WeakMap<ListSpec, ListQuerySchema>();

/** The list's query schema (built once per list). */
export function listQuerySchema(list: ListSpec): ListQuerySchema {
  let built = schemas.get(list);
  if (!built) schemas.set(list, (built = buildListQuerySchema(list)));
  return built;
}

/** The first zod issue of a list query as the 400 it stands for (stable codes, German message). */
function listQueryError(issue: z.core.$ZodIssue, decoded: Record<string, unknown>) {
  const [param, key] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const name = shown(issue.keys[0]);
    if (param === undefined) return badRequest(`Unbekannter Parameter ${name}.`, { [issue.keys[0]]: 'unbekannt' }, 'unknown_parameter');
    return badRequest(`Nach ${name} kann nicht gefiltert werden.`, { [issue.keys[0]]: 'unbekannter Filter' }, 'unknown_filter');
  }
  if (param === 'sort') {
    if (key === 0 && Array.isArray(decoded.sort)) return badRequest(`Nach ${shown(String(decoded.sort[0]))} kann nicht sortiert werden.`, { sort: 'unbekanntes Feld' }, 'unknown_sort');
    return badRequest('sort muss ["feld","ASC|DESC"] sein.', { sort: 'ungültig' }, 'malformed_query');
  }
  if (param === 'range') {
    if ((issue as { params?: { code?: string } }).params?.code === 'range_too_large') return badRequest(issue.message, { range: 'zu groß' }, 'range_too_large');
    return badRequest('range muss [start,ende] mit ganzen Zahlen sein.', { range: 'ungültig' }, 'malformed_query');
  }
  if (key === undefined) return badRequest('filter muss ein JSON-Objekt sein.', { filter: 'ungültig' }, 'malformed_query');
  const name = String(key);
  const value = (decoded.filter as Record<string, unknown>)[name];
  const unclean = typeof value === 'string' && !CLEAN_TEXT.test(value);
  if (name === 'q') return badRequest(unclean ? `Suchbegriff ungültig: ${UNCLEAN_TEXT_MESSAGE}` : 'Suchbegriff ungültig.', { q: unclean ? UNCLEAN_TEXT_MESSAGE : 'ungültig' }, 'invalid_filter');
  return badRequest(`Ungültiger Filterwert für ${shown(name)}${unclean ? `: ${UNCLEAN_TEXT_MESSAGE}` : '.'}`, { [name]: unclean ? UNCLEAN_TEXT_MESSAGE : 'ungültiger Wert' }, 'invalid_filter');
}

/**
 * Parses react-admin's `sort`, `range` and `filter` query parameters against a list's query
 * schema, as this caller may use it. Unknown keys, keys of fields hidden from the caller, malformed
 * JSON, hostile characters and pages over MAX_PAGE rows are 400s.
 */
export function parseListQuery(query: Record<string, unknown>, list: ListSpec, viewer: Viewer): ListQuery {
  const { fields } = list;
  const { schema, filterKeys } = listQuerySchema(list);
  const decoded: Record<string, unknown> = Object.create(null);
  for (const [key, raw] of Object.entries(query)) {
    // JSON `null` stands for the parameter left out (the default sort, first page, no filter).
    decoded[key] = key === 'sort' || key === 'range' || key === 'filter' ? (parseJson(raw, key) ?? undefined) : raw;
  }
  // Hidden before unknown or invalid: a caller learns no more of a hidden field than that it is hidden.
  if (Array.isArray(decoded.sort) && typeof decoded.sort[0] === 'string' && visibleField(fields, decoded.sort[0], viewer) === 'hidden') {
    throw hiddenField(decoded.sort[0], 'sort');
  }
  if (decoded.filter && typeof decoded.filter === 'object' && !Array.isArray(decoded.filter)) {
    for (const key of Object.keys(decoded.filter)) {
      const suffix = SUFFIXES.find(([s]) => key.endsWith(s) && Object.hasOwn(fields, key.slice(0, -s.length)));
      const name = Object.hasOwn(fields, key) ? key : suffix && key.slice(0, -suffix[0].length);
      if (name && visibleField(fields, name, viewer) === 'hidden') throw hiddenField(key, 'filter');
    }
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) throw listQueryError(parsed.error.issues[0], decoded);

  const [sortKey, direction] = (parsed.data.sort as [string, string] | undefined) ?? list.defaultSort ?? ['id', 'ASC'];
  const sortField = visibleField(fields, sortKey, viewer);
  if (!sortField || sortField === 'hidden') throw badRequest(`Nach ${shown(sortKey)} kann nicht sortiert werden.`, { sort: 'unbekanntes Feld' }, 'unknown_sort');
  const [start, end] = (parsed.data.range as [number, number] | undefined) ?? [0, 24];
  const filters: FilterClause[] = [];
  const custom: Record<string, unknown> = Object.create(null);
  let q: string | undefined;
  for (const [key, value] of Object.entries((parsed.data.filter ?? {}) as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key === 'q' && list.search) {
      if (value !== null && value !== '') q = value as string;
      continue;
    }
    if (list.customFilters?.includes(key)) {
      custom[key] = value;
      continue;
    }
    const { name, op } = filterKeys.get(key)!;
    const field = visibleField(fields, name, viewer) as VisibleField;
    if (Array.isArray(value)) filters.push({ key: name, ref: field.filter, op: op === '=' ? 'in' : '<>', value });
    else filters.push({ key: name, ref: field.filter, op, value });
  }
  return {
    sort: { key: sortKey, ref: sortField.sort, direction: direction.toLowerCase() as 'asc' | 'desc' },
    range: { start, end },
    filters,
    q,
    custom,
  };
}

/** The keys of fields hidden from this caller on every row (answers drop them). */
export function hiddenKeys(fields: Record<string, FieldSpec>, viewer: Viewer): string[] {
  return Object.keys(fields).filter((key) => fields[key].hidden?.(viewer) === true);
}

/** Turns free text into a German prefix tsquery (`stift:* & bürger:*`); only letters and digits pass. */
export function toPrefixTsquery(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return undefined;
  return words.map((w) => `${w.toLowerCase()}:*`).join(' & ');
}
