/** What the programme overview uses of the attendances. */
export { fellowshipAttendance, organisationStatusByWorkshop, type FellowshipAttendance } from './attendances.queries.ts';
