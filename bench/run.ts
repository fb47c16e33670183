import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchRow, BenchScenario } from './types.ts';

/**
 * `npm run bench [name…]`: every scenario module in bench/ (or the named ones) against the local
 * PostgreSQL (BENCH_DATABASE_URL), printed as one table.
 */
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const wanted = process.argv.slice(2);
const modules = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts', 'lib.ts', 'cpu-profile.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const rows: Array<BenchRow & { module: string }> = [];
for (const name of modules) {
  const scenario = (await import(`./${name}.ts`)).default as BenchScenario;
  process.stderr.write(`bench: ${name} …\n`);
  const started = Date.now();
  try {
    for (const row of await scenario({ serverUrl })) rows.push({ ...row, module: name });
  } catch (error) {
    rows.push({ module: name, scenario: name, metric: 'error', value: String((error as Error).message).slice(0, 120), ok: false });
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\nBenchmarks ${new Date().toISOString().slice(0, 16)}Z on ${machine}\n`);
console.log('| module | scenario | metric | value | target | ok |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.module} | ${r.scenario} | ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? '✓' : '✗'} |`);
}
const failed = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.filter((r) => r.ok).length} targets met, ${failed} missed`);
