/**
 * The e-mail templates: what senders use to write a message in the recipient's language from the
 * stored (staff-edited) text, and the value builders shared by senders and the preview.
 */
export { composeEmail, shippedEmail } from './email-templates.service.ts';
export type { EmailTemplateKey } from '../shared/email-catalogue.ts';
export * from './email-templates.values.ts';
