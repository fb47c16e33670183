/** What other features and the demo data use of the reports. */
export { loadApplicationStats, loadFellows } from './reports.queries.ts';
export { REPORT_TITLES, type ReportKind } from './reports.pdf.ts';
