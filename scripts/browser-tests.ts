/**
 * `npm run test:browser`: the browser tests in two lanes side by side (the build machine has two
 * cores). Each job is one mocha process with its own system — server, in-memory PGlite with the
 * demo data, Chromium (`sharedEnv()` is per process). The screen walk is most of the time, so it is
 * split by language into two jobs; the other files make two more, alternating in name order. A lane
 * takes the next job when its last one ends. Each job's output is printed whole when it ends; the
 * run fails when any job fails.
 * `npm run test:browser -- admin/test/x.browser.ts …` runs just those files in one process.
 */
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';
import { ensureConsoleBuild } from '../admin/test/support/console-build.ts';

interface Job {
  name: string;
  args: string[];
}

const WALK = 'admin/test/screens.browser.ts';
const LANES = 2;

function run(job: Job): Promise<number> {
  const started = Date.now();
  return new Promise((done) => {
    const out: Buffer[] = [];
    const child = spawn(process.execPath, ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.browser.json', ...job.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => out.push(d));
    child.on('close', (code) => {
      const minutes = ((Date.now() - started) / 60_000).toFixed(1);
      process.stdout.write(`\n--- ${job.name}: ${minutes} min, exit ${code}\n${Buffer.concat(out).toString()}`);
      done(code ?? 1);
    });
  });
}

async function lane(queue: Job[]): Promise<number> {
  let worst = 0;
  for (let job = queue.shift(); job; job = queue.shift()) worst = Math.max(worst, await run(job));
  return worst;
}

// Built once here: two processes building into the same directory at once would empty it under each other.
ensureConsoleBuild();
const chosen = process.argv.slice(2);
const others = globSync('admin/test/*.browser.ts').sort().filter((f) => f !== WALK);
const queue: Job[] = chosen.length
  ? [{ name: 'browser tests', args: chosen }]
  : [
      // --grep is a regular expression over the full title; the walk's suite title names both languages.
      { name: 'screen walk, German', args: ['--grep', String.raw`\(German\)`, WALK] },
      { name: 'screen walk, English', args: ['--grep', String.raw`\(English\)`, WALK] },
      { name: 'other browser tests (1 of 2)', args: others.filter((_, i) => i % 2 === 0) },
      { name: 'other browser tests (2 of 2)', args: others.filter((_, i) => i % 2 === 1) },
    ];
const codes = await Promise.all(Array.from({ length: LANES }, () => lane(queue)));
process.exit(Math.max(...codes));
