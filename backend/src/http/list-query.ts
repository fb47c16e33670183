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

function checkValue(key: string, spec: FieldSpec, value: unknown): unknown {
  if (value === null) return null;
  const schema = Array.isArray(spec.type) ? z.enum(spec.type as [string, ...string[]]) : valueSchemas[spec.type as string];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const unclean = typeof value === 'string' && !CLEAN_TEXT.test(value);
    const reason = unclean ? UNCLEAN_TEXT_MESSAGE : 'ungültiger Wert';
    throw badRequest(`Ungültiger Filterwert für ${shown(key)}${unclean ? `: ${UNCLEAN_TEXT_MESSAGE}` : '.'}`, { [key]: reason }, 'invalid_filter');
  }
  return parsed.data;
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

/**
 * Parses react-admin's `sort`, `range` and `filter` query parameters against a list's whitelist,
 * as this caller may use it. Unknown keys, keys of fields hidden from the caller, malformed JSON,
 * hostile characters and pages over MAX_PAGE rows are 400s.
 */
export function parseListQuery(query: Record<string, unknown>, list: ListSpec, viewer: Viewer): ListQuery {
  const { fields } = list;
  const paged = list.paged !== false;
  for (const key of Object.keys(query)) {
    if (!(key === 'sort' || key === 'filter' || (paged && key === 'range'))) {
      throw badRequest(`Unbekannter Parameter ${shown(key)}.`, { [key]: 'unbekannt' }, 'unknown_parameter');
    }
  }
  const sortRaw = parseJson(query.sort, 'sort') ?? list.defaultSort ?? ['id', 'ASC'];
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
    throw badRequest('sort muss ["feld","ASC|DESC"] sein.', { sort: 'ungültig' }, 'malformed_query');
  }
  const sortField = visibleField(fields, sortRaw[0], viewer);
  if (sortField === 'hidden') throw hiddenField(sortRaw[0], 'sort');
  if (!sortField || sortField.spec.sortable === false) throw badRequest(`Nach ${shown(sortRaw[0])} kann nicht sortiert werden.`, { sort: 'unbekanntes Feld' }, 'unknown_sort');
  const direction = sortRaw[1].toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw badRequest('Sortierrichtung muss ASC oder DESC sein.', { sort: 'ungültige Richtung' }, 'malformed_query');

  const rangeRaw = parseJson(query.range, 'range') ?? [0, 24];
  if (
    !Array.isArray(rangeRaw) || rangeRaw.length !== 2 ||
    !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]
  ) {
    throw badRequest('range muss [start,ende] mit ganzen Zahlen sein.', { range: 'ungültig' }, 'malformed_query');
  }
  if (rangeRaw[1] - rangeRaw[0] + 1 > MAX_PAGE) throw badRequest(`Höchstens ${MAX_PAGE} Einträge je Seite.`, { range: 'zu groß' }, 'range_too_large');

  const filterRaw = parseJson(query.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw badRequest('filter muss ein JSON-Objekt sein.', { filter: 'ungültig' }, 'malformed_query');
  }
  const filters: FilterClause[] = [];
  const custom: Record<string, unknown> = Object.create(null);
  let q: string | undefined;
  for (const [key, value] of Object.entries(filterRaw as Record<string, unknown>)) {
    if (key === 'q' && list.search) {
      if (value === '' || value === null || value === undefined) continue;
      const parsed = searchText.safeParse(value);
      if (!parsed.success) {
        const unclean = typeof value === 'string' && !CLEAN_TEXT.test(value);
        throw badRequest(unclean ? `Suchbegriff ungültig: ${UNCLEAN_TEXT_MESSAGE}` : 'Suchbegriff ungültig.', { q: unclean ? UNCLEAN_TEXT_MESSAGE : 'ungültig' }, 'invalid_filter');
      }
      q = parsed.data;
      continue;
    }
    if (list.customFilters?.includes(key)) {
      custom[key] = value;
      continue;
    }
    let name = key;
    let op: Operator = '=';
    if (!Object.hasOwn(fields, key)) {
      const suffix = SUFFIXES.find(([s]) => key.endsWith(s) && Object.hasOwn(fields, key.slice(0, -s.length)));
      if (suffix) {
        name = key.slice(0, -suffix[0].length);
        op = suffix[1];
      }
    }
    const field = visibleField(fields, name, viewer);
    if (field === 'hidden') throw hiddenField(key, 'filter');
    if (!field || field.spec.filterable === false) throw badRequest(`Nach ${shown(key)} kann nicht gefiltert werden.`, { [key]: 'unbekannter Filter' }, 'unknown_filter');
    const { spec } = field;
    if (Array.isArray(value)) {
      if (op !== '=' && op !== '<>') throw badRequest(`Liste nicht erlaubt für ${shown(key)}.`, { [key]: 'ungültig' }, 'invalid_filter');
      if (value.length > MAX_PAGE) throw badRequest('Zu viele Werte.', { [key]: 'zu viele Werte' }, 'invalid_filter');
      const values = value.map((v) => checkValue(key, spec, v));
      filters.push({ key: name, ref: field.filter, op: op === '=' ? 'in' : '<>', value: values });
      continue;
    }
    if (typeof value === 'object' && value !== null) throw badRequest(`Ungültiger Filterwert für ${shown(key)}.`, { [key]: 'ungültiger Wert' }, 'invalid_filter');
    if (op !== '=' && op !== '<>' && (spec.type === 'bool' || Array.isArray(spec.type))) {
      throw badRequest(`Vergleich nicht möglich für ${shown(key)}.`, { [key]: 'ungültig' }, 'invalid_filter');
    }
    filters.push({ key: name, ref: field.filter, op, value: checkValue(key, spec, value) });
  }
  return {
    sort: { key: sortRaw[0], ref: sortField.sort, direction: direction.toLowerCase() as 'asc' | 'desc' },
    range: { start: rangeRaw[0], end: rangeRaw[1] },
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
