/** What other features use of the workshops: which workshops a caller sees. */
export { PUBLIC_KINDS, workshopsQuery, workshopVisibility } from './workshops.queries.ts';
