/**
 * Renders the authorization matrix (backend/test/security/matrix.table.ts) into docs/security.md,
 * between the `<!-- matrix:start -->` and `<!-- matrix:end -->` markers. `npm run docs:matrix`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiRouter } from '../backend/src/http/api-router.ts';
import { registerRoutes } from '../backend/src/routes.ts';
import type { AppContext } from '../backend/src/http/context.ts';
import { MATRIX, parseEntry } from '../backend/test/security/matrix.table.ts';
import { MATRIX_ROLES, ROLE_DESCRIPTIONS } from '../backend/test/security/world.ts';

const DOC = resolve(import.meta.dirname, '../docs/security.md');
const START = '<!-- matrix:start -->';
const END = '<!-- matrix:end -->';

// Registering routes touches no database; the context is only captured for later requests.
const api = new ApiRouter({} as AppContext);
registerRoutes(api);

const SHORT: Record<string, string> = {
  anonymous: 'anon', applicantA: 'appl. A', applicantB: 'appl. B', jury: 'jury', conflictedJury: 'jury (conflict)',
  coach: 'coach', otherCoach: 'other coach', staff: 'staff', admin: 'admin', funder: 'funder', otherFunder: 'other funder',
};
const SYMBOL: Record<string, string> = { ok: '✅', in: '✅¹', '401': '401', '403': '403', '404': '404' };

const lines: string[] = [];
lines.push('Callers: ' + MATRIX_ROLES.map((r) => `**${SHORT[r]}** = ${ROLE_DESCRIPTIONS[r]}`).join('; ') + '.');
lines.push('');
lines.push('✅ allowed (2xx) · ✅¹ allowed past the gate; the test’s empty input is refused (400/409) · 404 hidden (outside the caller’s view) · 403 role not allowed · 401 login required. Every `:id` is organisation A’s record.');
lines.push('');
lines.push(`| Route | ${MATRIX_ROLES.map((r) => SHORT[r]).join(' | ')} |`);
lines.push(`|---|${MATRIX_ROLES.map(() => ':-:').join('|')}|`);
let missing = 0;
for (const route of api.routes) {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  const raw = MATRIX[key];
  if (!raw) missing++;
  const cells = raw ? parseEntry(raw).expect.map((o) => SYMBOL[o] ?? o) : MATRIX_ROLES.map(() => '**?**');
  lines.push(`| \`${key}\` | ${cells.join(' | ')} |`);
}
lines.push('');
lines.push(`${api.routes.length} routes × ${MATRIX_ROLES.length} callers, checked by \`backend/test/security/matrix.test.ts\`${missing ? ` (${missing} without an entry — the suite fails until they get one)` : ''}.`);

const doc = readFileSync(DOC, 'utf8');
const from = doc.indexOf(START);
const to = doc.indexOf(END);
if (from < 0 || to < from) throw new Error(`${DOC} lacks the ${START} … ${END} markers`);
writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${lines.join('\n')}\n${doc.slice(to)}`);
console.log(`docs/security.md: ${api.routes.length} routes rendered${missing ? `, ${missing} without an entry` : ''}.`);
