/** What other features use of the organisations: the columns of an organisation record. */
export { ORGANISATION_COLUMNS } from './organisations.routes.ts';
