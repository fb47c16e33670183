import { z } from 'zod';

/**
 * The paths of a zod schema's leaves (`name`, `scores.0.comment`): what a body can carry. Wrappers
 * (optional, nullable, default, preprocess, pipe, transform) are looked through.
 */
export function leafPaths(schema: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 12 || !schema) return [prefix];
  const s = schema as z.ZodType & { _zod: { def: any } };
  const def = s._zod?.def;
  if (!def) return [prefix];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => leafPaths(child, [...prefix, key], depth + 1));
    case 'array':
      return leafPaths(def.element, [...prefix, '0'], depth + 1);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return leafPaths(def.innerType, prefix, depth + 1);
    case 'pipe':
      // preprocess/transform: the shape lives on the side that is a schema with structure.
      return def.in?._zod?.def?.type === 'transform' ? leafPaths(def.out, prefix, depth + 1) : leafPaths(def.in, prefix, depth + 1);
    case 'union':
      return [...new Map((def.options as unknown[]).flatMap((o) => leafPaths(o, prefix, depth + 1)).map((p) => [p.join('.'), p])).values()];
    default:
      return [prefix];
  }
}

/** An object holding `value` at `path` (arrays for numeric segments), nothing else. */
export function objectAt(path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const inner = objectAt(rest, value);
  return /^\d+$/.test(head) ? [inner] : { [head]: inner };
}
