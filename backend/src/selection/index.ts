/** What the demo data uses of the selection: the release's letters for the decided applications. */
export { buildLetters } from './selection.release.ts';
export { FINAL } from './selection.queries.ts';
