import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The console the tests run against: built from the current sources, outside admin/dist. */
// Outside the repository (no dot-directories: the static server refuses those) and apart from
// admin/dist, which `npm start` serves.
export const TEST_CONSOLE_DIR = process.env.CONSOLE_DIR ?? join(tmpdir(), `fellowship-console-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console unless the build under test is newer than every source file. */
export function ensureConsoleBuild(): string {
  const index = join(TEST_CONSOLE_DIR, 'index.html');
  if (process.env.CONSOLE_DIR) return TEST_CONSOLE_DIR;
  const sources = Math.max(newestMtime(join(ROOT, 'admin/src')), statSync(join(ROOT, 'admin/index.html')).mtimeMs, statSync(join(ROOT, 'admin/vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return TEST_CONSOLE_DIR;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--outDir', TEST_CONSOLE_DIR, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('console build failed');
  return TEST_CONSOLE_DIR;
}

