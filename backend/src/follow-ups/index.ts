/**
 * What other features and the demo data use of the follow-ups: the answer mark (indicator values,
 * transfer sites), the response rate (dashboard), and who is asked when (the demo's history).
 */
export { markFollowUpAnswered, followUpRates, alumniFellowships, followUpKey } from './follow-ups.queries.ts';
export { followUpDueDates } from './follow-ups.due.ts';
