/** What other features and the demo data use of the jury's reviews. */
export { juryApplicationView } from './jury-view.ts';
export { planAssignment } from './assignment.ts';
export { ASSIGNABLE_STATUSES } from './reviews.service.ts';
