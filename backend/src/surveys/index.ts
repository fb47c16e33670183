/**
 * What other features use of the surveys (the outcome reports, the funder's view): a survey's
 * results (404 unknown, 409 `too_few_responses` under the threshold) and a cohort's surveys with
 * enough answers, their means, NPS and chosen quotes (types `SurveyResults`, `CohortSurveyOutcome`
 * and `MIN_RESPONSES` in surveys.schema.ts); the respondent hash for the demo data.
 */
export { cohortSurveyOutcomes, respondentHash, surveyResults } from './surveys.queries.ts';
