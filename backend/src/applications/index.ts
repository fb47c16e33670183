/** What other features use of the applications. */
export { selectApplications, closeWaitlistGap } from './applications.queries.ts';
export { assertCallOpen, presentApplication } from './applications.service.ts';
