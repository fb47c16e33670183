/**
 * The import rules of this repository (docs/architecture.md, "Layers and features").
 * `npm run check:deps` checks them, and on top (scripts/check-deps.ts) that no two features or layers
 * import each other in a circle, and that the diagram in docs/architecture.md is the real graph.
 *
 * Shared layers: the folders below, plus the top-level config.ts and logger.ts. Every other folder
 * of backend/src is a feature. The composition root (app.ts, server.ts, routes.ts, jobs.ts) may
 * import anything; nothing imports it.
 */
const SHARED = ['shared', 'db', 'http', 'audit', 'auth', 'emails', 'email-templates', 'pdf', 'docs', 'ops'];
const shared = `(${SHARED.join('|')})`;
const ROOT = '^backend/src/(app|server|routes|jobs)\\.ts$';
/** A feature's public entry points: its contract (`<feature>.schema.ts`) and its `index.ts`. */
const PUBLIC_ENTRY = '^backend/src/([^/]+)/(\\1\\.schema|index)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle (type-only imports included: they couple the files just as much).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-internals',
      severity: 'error',
      comment: 'Another feature is reached only through its public entry points: <feature>.schema.ts and <feature>/index.ts.',
      from: { path: `^backend/src/([^/]+)/`, pathNot: `^backend/src/${shared}/` },
      to: { path: `^backend/src/(?!${shared}/)[^/]+/`, pathNot: ['^backend/src/$1/', PUBLIC_ENTRY] },
    },
    {
      name: 'layer-imports-feature',
      severity: 'error',
      comment: 'A shared layer is below every feature: it may not import one (a feature plugs in through a registry or an argument).',
      from: { path: `^backend/src/${shared}/` },
      to: { path: '^backend/src/[^/]+/', pathNot: `^backend/src/${shared}/` },
    },
    {
      name: 'nothing-imports-the-root',
      severity: 'error',
      comment: 'app.ts, server.ts, routes.ts and jobs.ts compose the features; a feature or layer that imports them closes a circle.',
      from: { pathNot: ROOT },
      to: { path: ROOT },
    },
    {
      name: 'seeds-use-public-entries',
      severity: 'error',
      comment: 'The demo data uses a feature through its public entry points, like another feature would.',
      from: { path: '^seeds/' },
      to: { path: `^backend/src/(?!${shared}/)([^/]+)/`, pathNot: PUBLIC_ENTRY },
    },
    {
      name: 'console-imports-contracts-only',
      severity: 'error',
      comment: 'The console shares only the zod contracts (<feature>.schema.ts) and shared/ with the backend; the rest is server code.',
      from: { path: '^admin/src/' },
      to: { path: '^backend/', pathNot: ['^backend/src/[^/]+/[^/]+\\.schema\\.ts$', '^backend/src/shared/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
// For scripts/check-deps.ts (the diagram); not enumerable, so dependency-cruiser's own config check never sees it.
Object.defineProperty(module.exports, 'sharedLayers', { value: SHARED });
