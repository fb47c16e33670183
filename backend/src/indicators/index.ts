/** What other features (the funder report) use of the indicators: the one source of baseline → latest. */
export { indicatorProgress } from './indicators.queries.ts';
