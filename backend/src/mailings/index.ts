/** Bulk mail: nothing here is used by another feature yet; the seeds send a demo mailing through it. */
export { sendMailing } from './mailings.service.ts';
