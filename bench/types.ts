/** One line of `npm run bench`'s table. */
export interface BenchRow {
  scenario: string;
  metric: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export interface BenchEnv {
  /** A PostgreSQL server URL; each scenario creates (and drops) its own database on it. */
  serverUrl: string;
}

/** A scenario module's default export. */
export type BenchScenario = (env: BenchEnv) => Promise<BenchRow[]>;
