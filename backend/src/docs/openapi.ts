import { z } from 'zod';
import type { RouteDef } from '../http/api-router.ts';
import { listQuerySchema, type ListSpec } from '../http/list-query.ts';

const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  } catch {
    return { type: 'object' };
  }
};

/**
 * Marks every object of a body's JSON Schema that the router closes (see `unknownFields`): a key it
 * does not name answers 400 `unknown_field`. Objects declared `.loose()` keep `additionalProperties: {}`
 * (registerResource checks those keys against the record the caller reads).
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'additionalProperties' ? value : closeObjects(value)]));
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const bodySchema = (route: RouteDef): Record<string, unknown> | undefined => (route.body ? (closeObjects(jsonSchema(route.body)) as Record<string, unknown>) : undefined);

const LIST_PARAMETERS: Record<string, string> = {
  sort: '["field","ASC|DESC"]',
  range: '[start,end], inclusive, at most 1000 rows',
  filter: 'field: value (an array means IN, null IS NULL), suffixes _gte, _lte, _gt, _lt (ordered types), _neq; q: full text where the list searches',
};

type JsonSchema = Record<string, unknown>;
const ref = (kind: 'schemas' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/**
 * The schemas many parameters share (a filter's value per type and operator, the sort direction,
 * the range), each named once in `components/schemas` and referred to by `$ref` from every use.
 * A component holds exactly the JSON Schema the use had inline, so the document validates each
 * parameter as before; one JSON text is one component, whatever name it was first offered under.
 */
class SharedSchemas {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly byText = new Map<string, string>();

  ref(name: string, schema: JsonSchema): { $ref: string } {
    const text = JSON.stringify(schema);
    let key = this.byText.get(text);
    if (!key) {
      key = name;
      for (let n = 2; Object.hasOwn(this.schemas, key); n++) key = `${name}.${n}`;
      this.schemas[key] = schema;
      this.byText.set(text, key);
    }
    return ref('schemas', key);
  }
}

/** The component name of a filter key's value schema: by field type and operator (enums by their first field). */
function filterSchemaName(list: ListSpec, key: string, owner: string): string {
  if (key === 'q') return 'Filter.search';
  const filterKey = listQuerySchema(list).filterKeys.get(key);
  if (!filterKey) return `Filter.custom.${owner}.${key}`;
  const { type } = list.fields[filterKey.name];
  const typeName = Array.isArray(type) ? `enum.${owner}.${filterKey.name}` : String(type);
  return `Filter.${typeName}${filterKey.op === '=' || filterKey.op === '<>' ? '' : '.compare'}`;
}

/**
 * A list's `sort`, `range` and `filter` parameters: JSON in the query string, documented with the
 * list's own query schema (the one the router validates with); repeated parts by `$ref`.
 */
function listParameters(list: ListSpec, owner: string, shared: SharedSchemas) {
  const hidden = 'a field hidden from the caller\'s role answers 400 hidden_field';
  const { schema, sortKeys } = listQuerySchema(list);
  const keys: Record<string, string> = {
    sort: `; fields: ${sortKeys.join(', ')}`,
    filter: `; fields: ${Object.keys(list.fields).filter((key) => list.fields[key].filterable !== false).join(', ')}`,
  };
  const share = (name: string, json: JsonSchema): JsonSchema => {
    if (name === 'range') return shared.ref('Range', json);
    if (name === 'sort') {
      // The sort keys are the list's own (shared with its export); the direction is everyone's.
      const items = json.items as { anyOf: JsonSchema[] };
      return shared.ref(`Sort.${owner}`, { ...json, items: { anyOf: [items.anyOf[0], shared.ref('SortDirection', items.anyOf[1])] } });
    }
    const properties = Object.entries(json.properties as Record<string, JsonSchema>).map(([key, value]) => [key, Object.keys(value).length ? shared.ref(filterSchemaName(list, key, owner), value) : value]);
    return shared.ref(`Filter.${owner}`, { ...json, properties: Object.fromEntries(properties) });
  };
  return Object.entries(schema.shape).map(([name, param]) => ({
    name,
    in: 'query',
    required: false,
    description: `JSON ${LIST_PARAMETERS[name]}${keys[name] ?? ''}; ${hidden}`,
    content: { 'application/json': { schema: share(name, jsonSchema((param as z.ZodOptional).unwrap() as z.ZodType)) } },
  }));
}

const accessText = (route: RouteDef) =>
  route.access === 'public' ? 'public' : route.access === 'authenticated' ? 'any logged-in user' : route.access.join(', ');

/** The answers every route may give besides its success, named once (`components/responses`). */
const ERROR_RESPONSES = {
  BadRequest: [400, 'Invalid input: { message, code, errors: { field: message } }'],
  Unauthorized: [401, 'Not logged in'],
  Forbidden: [403, 'Not allowed for this role'],
  NotFound: [404, 'Not found (or not visible to this role)'],
  Conflict: [409, 'Rule or state conflict'],
  Unavailable: [503, 'Database unavailable, busy or timed out: try again after Retry-After seconds'],
} as const;

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    message: { type: 'string', description: 'For people, in German' },
    code: { type: 'string', description: 'Stable, for programs (e.g. unknown_field, hidden_field, stale_version)' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Message per field (`a.b` for nested)' },
  },
  required: ['message', 'code'],
};

/** The error answers a route may give: 401 unless public, 403 where only some roles may call it. */
const errorResponses = (route: RouteDef) =>
  Object.fromEntries(
    Object.entries(ERROR_RESPONSES)
      .filter(([name]) => (name !== 'Unauthorized' || route.access !== 'public') && (name !== 'Forbidden' || Array.isArray(route.access)))
      .map(([name, [status]]) => [status, ref('responses', name)]),
  );

/** OpenAPI 3.0 document generated from the route table and its zod schemas. */
export function openApiDocument(routes: RouteDef[]) {
  const shared = new SharedSchemas();
  shared.ref('Error', ERROR_SCHEMA);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = '/api' + route.path.replace(/:([a-z_]+)/g, '{$1}');
    const parameters: object[] = [...route.path.matchAll(/:([a-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'integer' } }));
    // Components are named after the list's path; an export shares its list's (same JSON, one component).
    const owner = route.path.replace(/\/export\.csv$/, '').slice(1).replace(/[^a-zA-Z0-9.-]+/g, '.');
    if (route.list) parameters.push(...listParameters(route.list, owner, shared));
    const body = bodySchema(route);
    paths[path] ??= {};
    paths[path][route.method] = {
      tags: [route.tag],
      summary: route.summary,
      description: `Access: ${accessText(route)}`,
      parameters,
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses: { [String(route.status ?? 200)]: { description: 'OK' }, ...errorResponses(route) },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Fellowship CRM API', version: '1.0.0', description: 'REST API in the shape of react-admin ra-data-simple-rest. Errors are JSON { message, code, errors }.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: shared.schemas,
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, [, description]]) => [name, { description, content: { 'application/json': { schema: ref('schemas', 'Error') } } }]),
      ),
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function propertiesTable(schema: any): string {
  const props = schema?.properties;
  if (!props) return '';
  const required = new Set<string>(schema.required ?? []);
  const rows = Object.entries<any>(props)
    .map(([name, p]) => {
      const type = p.type ?? (p.enum ? 'enum' : p.anyOf ? p.anyOf.map((a: any) => a.type ?? 'value').join(' | ') : 'any');
      const detail = p.enum ? p.enum.join(', ') : p.maxLength ? `max ${p.maxLength}` : '';
      return `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' *' : ''}</td><td>${escape(String(type))}</td><td>${escape(detail)}</td></tr>`;
    })
    .join('');
  return `<table><tr><th>Feld</th><th>Typ</th><th>Details</th></tr>${rows}</table>`;
}

/** Human-readable API reference, served without any external script (CSP-friendly). */
export function apiDocsHtml(routes: RouteDef[]): string {
  const byTag = new Map<string, RouteDef[]>();
  for (const r of routes) byTag.set(r.tag, [...(byTag.get(r.tag) ?? []), r]);
  const sections = [...byTag.entries()]
    .map(([tag, list]) => {
      const items = list
        .map((r) => `<div class="route"><span class="m ${r.method}">${r.method.toUpperCase()}</span> <code>/api${escape(r.path)}</code> — ${escape(r.summary)} <small>(${escape(accessText(r))})</small>${propertiesTable(bodySchema(r))}</div>`)
        .join('');
      return `<h2 id="${escape(tag)}">${escape(tag)}</h2>${items}`;
    })
    .join('');
  const toc = [...byTag.keys()].map((t) => `<a href="#${escape(t)}">${escape(t)}</a>`).join(' · ');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>API-Dokumentation</title>
<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#1d2a36}
code{background:#f2f4f7;padding:1px 4px;border-radius:3px}.route{margin:.6rem 0;padding:.4rem 0;border-bottom:1px solid #eee}
.m{display:inline-block;min-width:4em;font-weight:600}.get{color:#0a7}.post{color:#07c}.put{color:#c70}.delete{color:#c22}
table{border-collapse:collapse;margin:.4rem 0 0 4.5em;font-size:.9em}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}</style></head>
<body><h1>Fellowship CRM — API</h1>
<p>Listen: <code>?sort=["feld","ASC"]&amp;range=[0,24]&amp;filter={"q":"…"}</code>, Antwort-Header <code>Content-Range</code>.
Fehler: <code>{ "message", "code", "errors": { "feld": "…" } }</code>. Maschinenlesbar: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>${toc}</p>${sections}</body></html>`;
}
