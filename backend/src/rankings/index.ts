/** The one ranking of a cohort, for every screen, report and the demo data's decisions. */
export { rankingTable, weightedScoreOf } from './rankings.queries.ts';
