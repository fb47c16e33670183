/** What other features use of the follow-ups: the answer mark (indicator values, transfer sites) and the response rate (dashboard). */
export { markFollowUpAnswered, followUpRates } from './follow-ups.queries.ts';
