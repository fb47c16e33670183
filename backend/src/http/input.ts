import type { ZodType } from 'zod';
import { badRequest, fromZod, notFound, type FieldErrors } from './errors.ts';
import { CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE } from '../shared/fields.ts';

/** A record id from the URL: a positive integer, or 404 (a malformed id names no record). */
export function parseId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

/**
 * Strings anywhere in a body that hold NUL or a lone surrogate (see CLEAN_TEXT), by path (`a.b`,
 * `scores.0.comment`). Walked without recursion: a body may nest thousands of levels deep.
 */
function uncleanStrings(input: object, limit = 100): FieldErrors {
  const errors: FieldErrors = Object.create(null);
  const stack: Array<[unknown, string]> = [[input, '']];
  let found = 0;
  while (stack.length && found < limit) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!CLEAN_TEXT.test(value)) {
        errors[path || '_'] = UNCLEAN_TEXT_MESSAGE;
        found++;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return errors;
}

/** What a zod schema's definition looks like to the walk below (zod 4 keeps it on `_zod.def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  catchall?: { _zod: { def: { type: string } } };
  element?: unknown;
  innerType?: unknown;
  in?: { _zod?: { def?: { type?: string } } };
  out?: unknown;
  options?: unknown[];
  getter?: () => unknown;
}

const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/**
 * The keys of a body (paths `a.b`, `entries.0.note`) that its schema names nowhere: at the top and
 * in every nested object and array element the schema describes. An object declared `.loose()`
 * leaves its own keys to the route (registerResource checks them against the record the caller
 * reads); keys it names are still walked. A union accepts a key any of its options names.
 */
function unknownFields(schema: unknown, input: unknown, path = '', found: string[] = [], limit = 100): string[] {
  const def = defOf(schema);
  if (!def || found.length >= limit || input === null || typeof input !== 'object') return found;
  switch (def.type) {
    case 'object': {
      if (Array.isArray(input)) return found;
      const shape = def.shape ?? {};
      const open = def.catchall !== undefined && def.catchall._zod.def.type !== 'never';
      for (const [key, value] of Object.entries(input)) {
        const at = path ? `${path}.${key}` : key;
        if (Object.hasOwn(shape, key)) unknownFields(shape[key], value, at, found, limit);
        else if (!open && found.length < limit) found.push(at);
      }
      return found;
    }
    case 'array':
      if (Array.isArray(input)) input.forEach((item, i) => unknownFields(def.element, item, `${path ? `${path}.` : ''}${i}`, found, limit));
      return found;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unknownFields(def.innerType, input, path, found, limit);
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe from a transform: the structure is on its `out` side.
      return unknownFields(def.in?._zod?.def?.type === 'transform' ? def.out : def.in, input, path, found, limit);
    case 'lazy':
      return unknownFields(def.getter?.(), input, path, found, limit);
    case 'union': {
      // The option that names the most of the body decides (a key no option names is unknown).
      let fewest: string[] | undefined;
      for (const option of def.options ?? []) {
        const unknown = unknownFields(option, input, path, [], limit - found.length);
        if (!fewest || unknown.length < fewest.length) fewest = unknown;
        if (!fewest.length) break;
      }
      found.push(...(fewest ?? []));
      return found;
    }
    default:
      return found;
  }
}

/**
 * 400 `unknown_field` naming body keys the route does not take: a key a client sends is written or
 * refused, never silently dropped. Used by the router for every body and by registerResource for
 * the keys of its loose create/update bodies.
 */
export function refuseUnknownFields(keys: readonly string[]): void {
  if (!keys.length) return;
  const errors: FieldErrors = Object.create(null);
  for (const key of keys) errors[key] = 'Unbekanntes Feld.';
  const named = keys.slice(0, 10).map((k) => (k.length > 60 ? `${k.slice(0, 60)}…` : k));
  const more = keys.length > named.length ? ` (und ${keys.length - named.length} weitere)` : '';
  throw badRequest(`Unbekannte Felder: ${named.join(', ')}${more}.`, errors, 'unknown_field');
}

/**
 * A JSON object checked against its schema: the parsed value, or 400 with per-field errors. No
 * text with NUL or lone surrogates gets past, whichever field it is in (the field builders refuse
 * them too, with the same message, so the console's forms say so before sending), and no key the
 * schema does not name (400 `unknown_field`, see unknownFields).
 */
export function validate<T>(schema: ZodType<T>, input: unknown): T {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('Erwartet wird ein JSON-Objekt.', undefined, 'invalid_body');
  }
  const unclean = uncleanStrings(input);
  if (Object.keys(unclean).length) throw badRequest(`Bitte prüfen Sie die markierten Felder: ${UNCLEAN_TEXT_MESSAGE}`, unclean, 'invalid_characters');
  refuseUnknownFields(unknownFields(schema, input));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
