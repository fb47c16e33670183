// `npm start`: the compiled server. Builds the backend first when dist/backend is missing or was
// built from other sources (a checkout, an edit), then runs dist/backend/server.js in this very
// process — no TypeScript compiler in memory. The server itself builds the console if missing.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BACKEND_ENTRY, ROOT, backendBuildIsCurrent } from './backend-build.mjs';

if (!backendBuildIsCurrent()) {
  // In a process of its own, so esbuild's service does not stay in the server's memory.
  const build = spawnSync(process.execPath, ['scripts/backend-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Das Backend konnte nicht gebaut werden (node scripts/backend-build.mjs).');
    process.exit(1);
  }
}
await import(pathToFileURL(BACKEND_ENTRY).href);
