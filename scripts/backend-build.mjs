// The backend compiled to JavaScript: one esbuild bundle of the server (backend/src and the demo
// seeds it loads on demand) in dist/backend/server.js, with the packages left in node_modules. `npm start` runs it, so
// the server does not carry a TypeScript compiler (tsx) in memory, and starts faster.
//
// Plain JavaScript on purpose: it runs before anything is compiled. `node scripts/backend-build.mjs`
// builds; the launcher (scripts/start.mjs) and the tests import `ensureBackendBuild()`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
// Two levels below the root, like backend/src: the code finds admin/dist and the root from
// `import.meta.dirname` ('../..'), which must mean the same in the bundle as in the sources.
export const BACKEND_DIST = join(ROOT, 'dist/backend');
export const BACKEND_ENTRY = join(BACKEND_DIST, 'server.js');
const INPUTS_FILE = 'inputs.json';

/** One digest over the content of every file the bundle was made from (and this build script). */
function digestOf(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

/** True when dist/backend exists and was built from exactly the sources there are now. */
export function backendBuildIsCurrent() {
  const inputsFile = join(BACKEND_DIST, INPUTS_FILE);
  if (!existsSync(BACKEND_ENTRY) || !existsSync(inputsFile)) return false;
  try {
    const { inputs, digest } = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return digestOf(inputs) === digest;
  } catch {
    return false; // a source file was deleted or renamed, or the record is damaged
  }
}

/**
 * Builds into a directory of its own and swaps it in, so a server starting meanwhile never reads
 * half a build. About a second; esbuild is loaded only here.
 */
export async function buildBackend() {
  const { build } = await import('esbuild');
  const staging = `${BACKEND_DIST}-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['backend/src/server.ts'],
    outdir: staging,
    // One file: the demo seeds are inside, evaluated only when imported, so no chunk can go missing
    // when a rebuild replaces the directory under a running server.
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    // Linked maps: stack traces point at the TypeScript with NODE_OPTIONS=--enable-source-maps; by
    // default Node does not load them (they cost ~15 MB of memory), and the bundle is not minified.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(result.metafile.inputs), relative(ROOT, import.meta.filename)].sort();
  writeFileSync(join(staging, INPUTS_FILE), JSON.stringify({ digest: digestOf(inputs), inputs }, null, 1));
  rmSync(BACKEND_DIST, { recursive: true, force: true });
  try {
    renameSync(staging, BACKEND_DIST);
  } catch (error) {
    // Another process built the same sources at the same moment and swapped its build in first.
    rmSync(staging, { recursive: true, force: true });
    if (!backendBuildIsCurrent()) throw error;
  }
}

/** Builds unless the build on disk is current; answers whether it built. */
export async function ensureBackendBuild() {
  if (backendBuildIsCurrent()) return false;
  await buildBackend();
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  await buildBackend();
  console.log(`Backend gebaut: ${relative(process.cwd(), BACKEND_DIST)} (${Date.now() - started} ms)`);
}
