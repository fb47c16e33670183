/** Bulk mail. The demo data sends its mailing through the same send as the console (in its own transaction). */
export { sendDraft } from './mailings.service.ts';
