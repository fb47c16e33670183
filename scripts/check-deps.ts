/**
 * `npm run check:deps`: the import rules of .dependency-cruiser.cjs over backend/src, admin/src and
 * seeds (no cycles, features only through their public entry points, layers below features, the
 * console on contracts only), and the diagram in docs/architecture.md against the real graph.
 * `npm run check:deps -- --diagram` prints the diagram (paste it between the markers).
 *
 * Runs dependency-cruiser through its API: its command line refuses Node 20, which these machines
 * run, while the API works on it (the whole check runs here).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cruise, format, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[]; options: Record<string, any>; sharedLayers: string[] };
const SCANNED = ['backend/src', 'admin/src', 'seeds'];
const DOC = 'docs/architecture.md';
const BEGIN = '<!-- import-graph:begin (npm run check:deps -- --diagram) -->';
const END = '<!-- import-graph:end -->';

/** Shared layers as the rules name them, plus config.ts and logger.ts at the top of backend/src. */
const LAYERS = config.sharedLayers;
const SETTINGS = ['backend/src/config.ts', 'backend/src/logger.ts'];
const ROOT = /^backend\/src\/(app|server|routes|jobs)\.ts$/;

function unitOf(path: string): string | null {
  if (SETTINGS.includes(path)) return 'settings';
  if (ROOT.test(path)) return 'root';
  const m = /^backend\/src\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

const id = (unit: string) => unit.replace(/-/g, '_');
const node = (unit: string) => (unit === 'settings' ? 'settings["config.ts · logger.ts"]' : id(unit) === unit ? unit : `${id(unit)}["${unit}"]`);

/** Which feature or layer imports which (the composition root left out: it imports everything). */
function unitGraph(result: ICruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = unitOf(module.source);
    if (!from || from === 'root') continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const dep of module.dependencies) {
      const to = unitOf(dep.resolved);
      if (to && to !== from && to !== 'root') graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Features or layers that import each other in a circle (Tarjan's strongly connected components). */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (unit: string) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit)!);
    stack.push(unit);
    for (const next of graph.get(unit) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(next)!));
      }
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== unit);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const unit of [...graph.keys()].sort()) if (!index.has(unit)) visit(unit);
  return cycles;
}

/** Features and shared layers of backend/src with the edges between them, as Mermaid. */
function diagram(graph: Map<string, Set<string>>): string {
  const units = new Set<string>();
  const edges = new Set<string>();
  const isLayer = (unit: string) => LAYERS.includes(unit) || unit === 'settings';
  for (const [from, targets] of graph) {
    units.add(from);
    for (const to of targets) {
      units.add(to);
      // Every feature uses the layers: one edge from the features box says so.
      if (!isLayer(from) && isLayer(to)) continue;
      edges.add(`  ${id(from)} --> ${id(to)}`);
    }
  }
  const layers = [...units].filter((u) => LAYERS.includes(u) || u === 'settings').sort();
  const features = [...units].filter((u) => !layers.includes(u)).sort();
  return [
    '```mermaid',
    'flowchart TD',
    '  root["composition root: app.ts · server.ts · routes.ts · jobs.ts"]',
    '  subgraph features',
    ...features.map((u) => `    ${node(u)}`),
    '  end',
    '  subgraph layers["shared layers"]',
    ...layers.map((u) => `    ${node(u)}`),
    '  end',
    '  root --> features',
    '  features --> layers',
    ...[...edges].sort(),
    '```',
  ].join('\n');
}

const result = await cruise(
  SCANNED,
  { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } } as any,
  undefined,
  { tsConfig: { fileName: config.options.tsConfig.fileName } } as any,
);
const output = result.output as ICruiseResult;
const graph = unitGraph(output);
const generated = diagram(graph);

if (process.argv.includes('--diagram')) {
  console.log(generated);
} else {
  const report = await format(output, { outputType: 'err-long' });
  process.stdout.write(String(report.output));
  const doc = readFileSync(DOC, 'utf8');
  const documented = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END)).trim();
  const docHolds = doc.includes(BEGIN) && doc.includes(END) && documented === generated;
  if (!docHolds) console.error(`\n${DOC}: the import diagram no longer matches the code. Regenerate it with npm run check:deps -- --diagram.`);
  const cycles = folderCycles(graph);
  for (const cycle of cycles) {
    const edges = cycle.flatMap((from) => [...graph.get(from)!].filter((to) => cycle.includes(to)).map((to) => `${from} → ${to}`));
    console.error(`  error no-circular-folders: ${cycle.join(', ')} import each other in a circle (${edges.join('; ')})`);
  }
  const errors = output.summary.error + cycles.length;
  if (errors === 0 && docHolds) console.log(`check:deps: ${output.summary.totalCruised} modules, ${output.summary.totalDependenciesCruised} imports, no rule broken.`);
  process.exitCode = errors > 0 || !docHolds ? 1 : 0;
}
