import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Role } from '../../src/db/schema.ts';
import type { ScreenRef } from '../../../admin/src/reachability.ts';

/**
 * What the console's sources say about its screens, read statically (the console is a browser
 * bundle and is not imported here): every ResourceDef and PageDef with its roles, the home page of
 * each role, the files each screen is built from, and whether those files call an API route.
 */
const ADMIN_SRC = resolve(import.meta.dirname, '../../../admin/src');
export const ROLES: readonly Role[] = ['admin', 'staff', 'jury', 'coach', 'applicant', 'funder'];
/** A visitor who is not logged in (login, registration, password reset). */
export type Caller = Role | 'anonymous';

export interface Screen {
  ref: ScreenRef;
  /** Who gets the screen. */
  roles: readonly Caller[];
  /** The file that defines it; its import closure is what the screen shows. */
  root: string;
  /** For resources: which of list/show/edit/create it has. */
  views: Set<string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

function literalRoles(node: ts.Expression): readonly Caller[] | undefined {
  if (ts.isStringLiteral(node) && node.text === 'public') return [...ROLES, 'anonymous'];
  if (ts.isArrayLiteralExpression(node) && node.elements.every(ts.isStringLiteral)) return node.elements.map((e) => (e as ts.StringLiteral).text as Role);
  return undefined;
}

/** Every object literal with `roles` and a string `name` (ResourceDef) or `path` (PageDef). */
function definedScreens(): Screen[] {
  const screens: Screen[] = [];
  for (const file of sourceFiles(ADMIN_SRC)) {
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const props = new Map<string, ts.Expression>();
        for (const p of node.properties) {
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.set(p.name.text, p.initializer);
          else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name);
        }
        const roles = props.get('roles') && literalRoles(props.get('roles')!);
        const name = props.get('name');
        const path = props.get('path');
        if (roles && name && ts.isStringLiteral(name)) {
          screens.push({ ref: `resource:${name.text}`, roles, root: file, views: new Set(['list', 'show', 'edit', 'create'].filter((v) => props.has(v))) });
        } else if (roles && path && ts.isStringLiteral(path)) {
          screens.push({ ref: `page:${path.text}`, roles, root: file, views: new Set() });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  return screens;
}

/** The role homes of layout/Dashboard.tsx: `const X = lazy(() => import('…'))` and `homes = { role: X }`. */
function homeScreens(): Screen[] {
  const file = join(ADMIN_SRC, 'layout/Dashboard.tsx');
  const text = readFileSync(file, 'utf8');
  const modules = new Map([...text.matchAll(/const (\w+) = lazy\(\(\) => import\('([^']+)'\)/g)].map((m) => [m[1], resolve(dirname(file), m[2])]));
  const homes = text.match(/const homes[^=]*= \{([^}]+)\}/)?.[1] ?? '';
  return [...homes.matchAll(/(\w+): (\w+)/g)].map((m) => ({ ref: `home:${m[1]}` as ScreenRef, roles: [m[1] as Role], root: modules.get(m[2])!, views: new Set<string>() }));
}

export function consoleScreens(): Map<ScreenRef, Screen> {
  const app: Screen = { ref: 'app', roles: [...ROLES, 'anonymous'], root: join(ADMIN_SRC, 'App.tsx'), views: new Set() };
  return new Map([app, ...definedScreens(), ...homeScreens()].map((s) => [s.ref, s]));
}

/**
 * The files a screen is built from: its root and every relative import, transitively. The frame
 * (`app`) follows static imports only — the screens are a chunk it loads after login.
 */
export function closure(screen: Screen): string[] {
  const seen = new Set<string>();
  const dynamic = screen.ref !== 'app';
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      // Type-only imports bring no code along.
      ...[...text.matchAll(/(?:import|export)\s(?!type\s)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]),
      ...(dynamic ? [...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]) : []),
    ];
    for (const spec of specifiers) {
      const target = resolve(dirname(file), spec);
      if (target.startsWith(ADMIN_SRC) && /\.(ts|tsx)$/.test(target)) walk(target);
    }
  };
  walk(screen.root);
  return [...seen];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quoted = (s: string) => `['"\`]${esc(s)}['"\`]`;

/**
 * How a file of a screen calls `METHOD path`, if it does: `code` when the file itself calls it —
 * an action by its path (`cohorts/${id}/transition`) or by verb and resource named in the same
 * file (`action('introductions', id, verb)` with `'accept'`), CRUD through the data provider
 * (`update('organisations', …)`) — or `edit`/`create` when react-admin's own view of the resource
 * does (an Edit form saves with PUT and offers "Löschen"; a Create form POSTs). Those views exist
 * only for roles the API lets write (App.tsx drops them otherwise), so the test narrows the roles.
 */
export function calls(method: string, path: string, screen: Screen, file: string, text: string): 'code' | 'edit' | 'create' | null {
  const segments = path.split('/').filter(Boolean);
  const resource = segments[0];
  const own = screen.ref === `resource:${resource}`;
  const idAt = segments.indexOf(':id');
  if (idAt >= 0 && idAt < segments.length - 1) {
    const rest = segments.slice(idAt + 1).join('/');
    if (new RegExp(`${esc(segments.slice(0, idAt).join('/'))}/\\$\\{[^}]+\\}/${esc(rest)}(?![\\w-])`).test(text)) return 'code';
    return new RegExp(quoted(rest)).test(text) && new RegExp(quoted(resource)).test(text) ? 'code' : null;
  }
  if (idAt < 0 && segments.length > 1) return new RegExp(`['"\`/]${esc(segments.join('/'))}['"\`?]`).test(text) ? 'code' : null;
  const named = (fn: string) => new RegExp(`\\b${fn}\\(\\s*${quoted(resource)}`).test(text);
  // A delete button inside the resource's own folder acts on that resource.
  const ownFolder = own && dirname(file) === dirname(screen.root);
  if (method === 'POST') {
    if (named('create') || named('post') || new RegExp(`['"\`]/api/${esc(resource)}['"\`]`).test(text)) return 'code';
    return own && screen.views.has('create') ? 'create' : null;
  }
  if (method === 'PUT') {
    if (named('update')) return 'code';
    return own && screen.views.has('edit') ? 'edit' : null;
  }
  if (method === 'DELETE') {
    if (named('delete') || (ownFolder && /\b(DeleteButton|BulkDeleteButton|useDelete)\b/.test(text))) return 'code';
    return own && screen.views.has('edit') ? 'edit' : null;
  }
  return null;
}

export const displayPath = (file: string) => relative(resolve(ADMIN_SRC, '..'), file);
