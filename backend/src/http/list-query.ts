import { z } from 'zod';
import { badRequest } from './errors.ts';

/** How a filterable field's values are checked before they reach SQL. */
export type FilterType = 'int' | 'number' | 'text' | 'bool' | 'date' | 'datetime' | readonly string[];

export interface FieldSpec {
  /** Whitelisted SQL column expression, e.g. `t.organisation_id`. */
  column: string;
  /** Sort by this column instead (e.g. a German-folded sort key). */
  sortColumn?: string;
  type: FilterType;
  sortable?: boolean;
  filterable?: boolean;
}

export type Operator = '=' | '<>' | '>=' | '<=' | '>' | '<' | 'in';

export interface FilterClause {
  column: string;
  op: Operator;
  value: unknown;
}

export interface ListQuery {
  sort: { column: string; direction: 'asc' | 'desc' };
  range: { start: number; end: number };
  filters: FilterClause[];
  q?: string;
  /** Filter keys the resource handles itself (not plain columns), e.g. `stage_gate`. */
  custom: Record<string, unknown>;
}

export const MAX_PAGE = 1000;

const SUFFIXES: Array<[string, Operator]> = [
  ['_gte', '>='],
  ['_lte', '<='],
  ['_gt', '>'],
  ['_lt', '<'],
  ['_neq', '<>'],
];

const valueSchemas: Record<string, z.ZodType> = {
  int: z.union([z.number().int(), z.string().regex(/^-?\d{1,15}$/).transform(Number)]).refine((n) => Math.abs(n) <= 2 ** 53),
  number: z.union([z.number(), z.string().regex(/^-?\d{1,15}(\.\d+)?$/).transform(Number)]),
  text: z.string().max(500),
  bool: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  datetime: z.iso.datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
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
  if (!parsed.success) throw badRequest(`Ungültiger Filterwert für ${key}.`, { [key]: 'ungültiger Wert' }, 'invalid_filter');
  return parsed.data;
}

/**
 * Parses react-admin's `sort`, `range` and `filter` query parameters against a whitelist.
 * Unknown keys, malformed JSON and pages over MAX_PAGE rows are 400s.
 */
export function parseListQuery(
  query: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
  options: { search?: boolean; customFilters?: readonly string[]; defaultSort?: [string, 'ASC' | 'DESC'] } = {},
): ListQuery {
  for (const key of Object.keys(query)) {
    if (!['sort', 'range', 'filter'].includes(key)) throw badRequest(`Unbekannter Parameter ${key}.`, { [key]: 'unbekannt' }, 'unknown_parameter');
  }
  const sortRaw = parseJson(query.sort, 'sort') ?? options.defaultSort ?? ['id', 'ASC'];
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
    throw badRequest('sort muss ["feld","ASC|DESC"] sein.', { sort: 'ungültig' }, 'malformed_query');
  }
  const sortField = fields[sortRaw[0]];
  if (!sortField || sortField.sortable === false) throw badRequest(`Nach ${sortRaw[0]} kann nicht sortiert werden.`, { sort: 'unbekanntes Feld' }, 'unknown_sort');
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
  const custom: Record<string, unknown> = {};
  let q: string | undefined;
  for (const [key, value] of Object.entries(filterRaw as Record<string, unknown>)) {
    if (key === 'q' && options.search) {
      if (value === '' || value === null || value === undefined) continue;
      if (typeof value !== 'string' || value.length > 200) throw badRequest('Suchbegriff ungültig.', { q: 'ungültig' }, 'invalid_filter');
      q = value;
      continue;
    }
    if (options.customFilters?.includes(key)) {
      custom[key] = value;
      continue;
    }
    let name = key;
    let op: Operator = '=';
    const suffix = SUFFIXES.find(([s]) => key.endsWith(s) && fields[key.slice(0, -s.length)]);
    if (suffix && !fields[key]) {
      name = key.slice(0, -suffix[0].length);
      op = suffix[1];
    }
    const spec = fields[name];
    if (!spec || spec.filterable === false) throw badRequest(`Nach ${key} kann nicht gefiltert werden.`, { [key]: 'unbekannter Filter' }, 'unknown_filter');
    if (Array.isArray(value)) {
      if (op !== '=' && op !== '<>') throw badRequest(`Liste nicht erlaubt für ${key}.`, { [key]: 'ungültig' }, 'invalid_filter');
      if (value.length > MAX_PAGE) throw badRequest('Zu viele Werte.', { [key]: 'zu viele Werte' }, 'invalid_filter');
      const values = value.map((v) => checkValue(key, spec, v));
      filters.push({ column: spec.column, op: op === '=' ? 'in' : '<>', value: values });
      continue;
    }
    if (typeof value === 'object' && value !== null) throw badRequest(`Ungültiger Filterwert für ${key}.`, { [key]: 'ungültiger Wert' }, 'invalid_filter');
    if (op !== '=' && op !== '<>' && (spec.type === 'bool' || Array.isArray(spec.type))) {
      throw badRequest(`Vergleich nicht möglich für ${key}.`, { [key]: 'ungültig' }, 'invalid_filter');
    }
    filters.push({ column: spec.column, op, value: checkValue(key, spec, value) });
  }
  return {
    sort: { column: sortField.sortColumn ?? sortField.column, direction: direction.toLowerCase() as 'asc' | 'desc' },
    range: { start: rangeRaw[0], end: rangeRaw[1] },
    filters,
    q,
    custom,
  };
}

/** Turns free text into a German prefix tsquery (`stift:* & bürger:*`); only letters and digits pass. */
export function toPrefixTsquery(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return undefined;
  return words.map((w) => `${w.toLowerCase()}:*`).join(' & ');
}
