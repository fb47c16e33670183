import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BACKEND_DIST, BACKEND_ENTRY, backendBuildIsCurrent, ensureBackendBuild } from '../../../scripts/backend-build.mjs';
import { killAll, SERVER_ADMIN, startServer, tempDir } from '../support/server-process.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

describe('runtime: Node 24 and the compiled server', function () {
  this.timeout(180_000);
  afterEach(killAll);

  it('runs on the Node the package declares (the npm scripts take node_modules/.bin/node)', () => {
    const declared = Number(/>=\s*(\d+)/.exec(pkg.engines.node)?.[1]);
    assert.equal(declared, 24);
    const major = Number(process.versions.node.split('.')[0]);
    assert.ok(major >= declared, `Node ${process.version} runs the tests; run them through npm or npx, which put node_modules/.bin/node (Node 24) first`);
  });

  it('npm start runs the compiled backend, not TypeScript through tsx', () => {
    assert.equal(pkg.scripts.start, 'node scripts/start.mjs');
    assert.doesNotMatch(readFileSync(join(ROOT, 'scripts/start.mjs'), 'utf8'), /tsx/);
  });

  it('rebuilds the backend when its sources no longer match the build, and then serves from it', async () => {
    await ensureBackendBuild();
    assert.ok(backendBuildIsCurrent());
    // What a changed source file looks like to the launcher: the recorded digest no longer matches.
    const inputsFile = join(BACKEND_DIST, 'inputs.json');
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as { digest: string; inputs: string[] };
    assert.ok(inputs.inputs.includes('backend/src/server.ts') && inputs.inputs.includes('seeds/demo.ts'));
    writeFileSync(inputsFile, JSON.stringify({ ...inputs, digest: 'stale' }));
    assert.equal(backendBuildIsCurrent(), false);
    const builtBefore = readFileSync(BACKEND_ENTRY, 'utf8');

    const dir = tempDir('crm-runtime-');
    try {
      const server = await startServer({ DATA_DIR: join(dir.path, 'pglite') }, 'read');
      assert.ok(backendBuildIsCurrent(), 'the launcher rebuilt dist/backend');
      assert.equal(readFileSync(BACKEND_ENTRY, 'utf8'), builtBefore, 'same sources, same bundle');
      assert.match(server.output(), /Backend gebaut/);
      const login = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(SERVER_ADMIN),
      });
      assert.equal(login.status, 200);
      // The server process is the launcher itself (one process, no tsx loaded into it).
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
      assert.deepEqual(cmdline.slice(1, 2), ['scripts/start.mjs']);
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
    } finally {
      dir.remove();
    }
  });

  it('starts from the build without rebuilding when nothing changed', async () => {
    await ensureBackendBuild();
    const dir = tempDir('crm-runtime-');
    try {
      const server = await startServer({ DATA_DIR: join(dir.path, 'pglite') }, 'read');
      assert.doesNotMatch(server.output(), /Backend gebaut/);
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
    } finally {
      dir.remove();
    }
  });
});
