import { composeEmail, letterValues, shippedEmail, type EmailTemplateKey } from '../email-templates/index.ts';
import type { Locale } from '../shared/format.ts';

/**
 * The decision letters, written from the e-mail templates: the staff preview and the release use
 * the same function, so what staff read is exactly what is sent. German, or English for a recipient
 * whose login chose English. Every number in a letter is a field of `LetterData`, filled from the
 * database by `buildLetters`; nothing is assumed (a cohort that selects fewer organisations than
 * it has seats says so).
 */
export type LetterTemplate = 'decision_selected' | 'decision_waitlisted' | 'decision_rejected' | 'application_ineligible' | 'decision_offer';

/** Which letter an application in a final state receives at the release. */
export const RELEASE_TEMPLATE: Record<string, LetterTemplate> = {
  selected: 'decision_selected',
  waitlisted: 'decision_waitlisted',
  rejected: 'decision_rejected',
  ineligible: 'application_ineligible',
};

export interface LetterData {
  template: LetterTemplate;
  locale: Locale;
  organisation_name: string;
  project_name: string | null;
  cohort_name: string;
  /** The cohort's seats (the waitlist letter names them). */
  seats: number;
  /** How many organisations the cohort selected (the acceptance letter names them). */
  selected_count: number;
  /** The grant this organisation receives (its fellowship's, else the cohort's default). */
  grant_cents: number;
  reason: string | null;
  waitlist_position: number | null;
  /** `PUBLIC_URL`: links are built from it with `consoleLink`. */
  public_url: string;
}

export interface Letter {
  subject: string;
  body: string;
}

/** The e-mail template of each letter (the outbox keeps the letter's name, e.g. `decision_offer`). */
const TEMPLATE_KEY: Record<LetterTemplate, EmailTemplateKey> = {
  decision_selected: 'decision_selected',
  decision_waitlisted: 'decision_waitlisted',
  decision_rejected: 'decision_rejected',
  application_ineligible: 'application_ineligible',
  decision_offer: 'waitlist_offer',
};

const PORTAL_ROUTE: Record<LetterTemplate, string> = {
  decision_selected: '',
  decision_waitlisted: 'application',
  decision_rejected: 'application',
  application_ineligible: 'application',
  decision_offer: 'application',
};

const values = (d: LetterData) => letterValues(d, d.locale, PORTAL_ROUTE[d.template]);

/** The letter in the shipped wording (pure: reviewable and testable without a database). */
export function decisionLetter(d: LetterData): Letter {
  const { subject, body } = shippedEmail(TEMPLATE_KEY[d.template], d.locale, values(d));
  return { subject, body };
}

/** The letter as it is sent: the stored template (staff may have edited it) in the recipient's language. */
export async function storedDecisionLetter(db: Parameters<typeof composeEmail>[0], d: LetterData): Promise<Letter> {
  const { subject, body } = await composeEmail(db, TEMPLATE_KEY[d.template], d.locale, values(d));
  return { subject, body };
}
