/** What other features use of the transfer sites: the counts by Bundesland and status (the funder report). */
export { transferSiteSummary } from './transfer-sites.queries.ts';
