/** The audit trail as readers see it: a feature whose records are not for every reader yet registers its redaction here. */
export { auditRedactions } from './audit-events.visibility.ts';
