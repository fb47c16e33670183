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

const bodySchema = (route: RouteDef): Record<string, unknown> | undefined => (route.body ? jsonSchema(route.body) : undefined);

const LIST_PARAMETERS: Record<string, string> = {
  sort: '["field","ASC|DESC"]',
  range: '[start,end], inclusive, at most 1000 rows',
  filter: 'field: value (an array means IN, null IS NULL), suffixes _gte, _lte, _gt, _lt (ordered types), _neq; q: full text where the list searches',
};

/**
 * A list's `sort`, `range` and `filter` parameters: JSON in the query string, documented with the
 * list's own query schema (the one the router validates with).
 */
function listParameters(list: ListSpec) {
  const hidden = 'a field hidden from the caller\'s role answers 400 hidden_field';
  const { schema, sortKeys } = listQuerySchema(list);
  const keys: Record<string, string> = {
    sort: `; fields: ${sortKeys.join(', ')}`,
    filter: `; fields: ${Object.keys(list.fields).filter((key) => list.fields[key].filterable !== false).join(', ')}`,
  };
  return Object.entries(schema.shape).map(([name, param]) => ({
    name,
    in: 'query',
    required: false,
    description: `JSON ${LIST_PARAMETERS[name]}${keys[name] ?? ''}; ${hidden}`,
    content: { 'application/json': { schema: jsonSchema((param as z.ZodOptional).unwrap() as z.ZodType) } },
  }));
}

const accessText = (route: RouteDef) =>
  route.access === 'public' ? 'public' : route.access === 'authenticated' ? 'any logged-in user' : route.access.join(', ');

/** OpenAPI 3.0 document generated from the route table and its zod schemas. */
export function openApiDocument(routes: RouteDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = '/api' + route.path.replace(/:([a-z_]+)/g, '{$1}');
    const parameters: object[] = [...route.path.matchAll(/:([a-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'integer' } }));
    if (route.list) parameters.push(...listParameters(route.list));
    const body = bodySchema(route);
    paths[path] ??= {};
    paths[path][route.method] = {
      tags: [route.tag],
      summary: route.summary,
      description: `Access: ${accessText(route)}`,
      parameters,
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'OK' },
        400: { description: 'Invalid input: { message, code, errors: { field: message } }' },
        401: { description: 'Not logged in' },
        403: { description: 'Not allowed for this role' },
        404: { description: 'Not found (or not visible to this role)' },
        409: { description: 'Rule or state conflict' },
        503: { description: 'Database unavailable, busy or timed out: try again after Retry-After seconds' },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Fellowship CRM API', version: '1.0.0', description: 'REST API in the shape of react-admin ra-data-simple-rest. Errors are JSON { message, code, errors }.' },
    servers: [{ url: '/' }],
    paths,
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
