import { readFileSync } from 'node:fs';

/**
 * `node --import tsx bench/cpu-profile.ts <file.cpuprofile> [top]`: the top frames of a V8 CPU
 * profile (`node --cpu-prof`, e.g. the server of `BENCH_CPU_PROF_DIR=… npm run bench organisations`)
 * by self time, and the busy time grouped by package, as percentages of the samples that were not
 * idle. Not a scenario: `npm run bench` skips this file.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/cpu-profile.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// Self time per node: each sample's time delta goes to the node sampled.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** Where a frame's code lives: a package, our backend, Node itself or V8's pseudo frames. */
function origin(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node';
  if (url.includes('/dist/backend/') || url.includes('/backend/src/')) return 'backend';
  return url.replace(/^.*\//, '');
}

/**
 * Socket writes (the HTTP answer, the statement to PostgreSQL). The profiler samples wall time: a
 * write that wakes PostgreSQL or the load generator on a busy two-core machine is often preempted
 * and shows far more time than the system CPU it takes (/proc: 0.06–0.13 ms per request).
 */
const SOCKET_WRITES = new Set(['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String']);
const frames = new Map<string, number>();
const origins = new Map<string, number>();
let busy = 0;
let idle = 0;
let writes = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') {
    idle += us;
    continue;
  }
  busy += us;
  if (SOCKET_WRITES.has(functionName)) writes += us;
  const place = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(dist|backend)\//, '$1/')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${place}`.trim();
  frames.set(key, (frames.get(key) ?? 0) + us);
  const where = origin(url, functionName);
  origins.set(where, (origins.get(where) ?? 0) + us);
}

// Percentages of the busy time, and of the busy time without the socket writes.
const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
const pctNoWrites = (key: string, us: number) => (key.startsWith('writev') || SOCKET_WRITES.has(key.split(' ')[0]) ? '' : `${((100 * us) / (busy - writes)).toFixed(1)} %`);
console.log(`${file}: busy ${(busy / 1e6).toFixed(2)} s (socket writes ${(writes / 1e6).toFixed(2)} s), idle ${(idle / 1e6).toFixed(2)} s\n`);
console.log('| self | without socket writes | frame |\n|---|---|---|');
for (const [key, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(us)} | ${pctNoWrites(key, us)} | \`${key}\` |`);
console.log('\n| self | where |\n|---|---|');
for (const [key, us] of [...origins].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${pct(us)} | ${key} |`);
