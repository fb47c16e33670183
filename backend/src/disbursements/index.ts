/** What other features use of the grant tranches: the money per fellowship of a cohort, the money committed to one. */
export { committedCents, fundingOverview, type FundingRow } from './disbursements.queries.ts';
