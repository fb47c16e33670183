import { consoleLink } from '../shared/links.ts';
import { money, type Locale } from '../shared/format.ts';

/**
 * The decision letters. Pure: data in, letter out — the staff preview and the release use the same
 * function, so what staff read is exactly what is sent. German, or English for a recipient whose
 * login chose English. Every number in a letter is a field of `LetterData`, filled from the
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

type Texts = (d: LetterData) => Letter;

const PORTAL_ROUTE: Record<LetterTemplate, string> = {
  decision_selected: '',
  decision_waitlisted: 'application',
  decision_rejected: 'application',
  application_ineligible: 'application',
  decision_offer: 'application',
};

function german(d: LetterData): Letter {
  const project = d.project_name ? ` mit dem Vorhaben „${d.project_name}“` : '';
  const programme = /opentransfer/i.test(d.cohort_name) ? `beim ${d.cohort_name}` : `beim openTransfer Accelerator (${d.cohort_name})`;
  const greeting = `Guten Tag,\n\nvielen Dank für die Bewerbung von ${d.organisation_name}${project} ${programme}.`;
  const portal = consoleLink(d.public_url, PORTAL_ROUTE[d.template]);
  const closing = `\n\nMit herzlichen Grüßen\nIhr Team des openTransfer Accelerators\nStiftung Bürgermut · mit der Bertelsmann Stiftung`;
  const place = d.waitlist_position ?? '–';
  switch (d.template) {
    case 'decision_selected':
      return {
        subject: `Zusage: ${d.organisation_name} wird Stipendiat im openTransfer Accelerator`,
        body:
          `${greeting}\n\nWir freuen uns sehr, Ihnen mitteilen zu können: Die Jury hat ${d.organisation_name} ` +
          (d.selected_count > 1 ? `als eine von ${d.selected_count} Organisationen ausgewählt. ` : 'ausgewählt. ') +
          `Sie erhalten ein Skalierungsstipendium in Höhe von ${money(d.grant_cents)}, dazu Workshops, Webinare und persönliches Coaching über ein Jahr.` +
          (d.reason ? `\n\nAus der Begründung der Jury: ${d.reason}` : '') +
          `\n\nAlle nächsten Schritte finden Sie im Portal: ${portal}` +
          closing,
      };
    case 'decision_waitlisted':
      return {
        subject: `Ihre Bewerbung beim openTransfer Accelerator: Platz ${place} der Warteliste`,
        body:
          `${greeting}\n\nDie Entscheidung ist uns nicht leichtgefallen. Für einen der ${d.seats} Plätze hat es diesmal knapp nicht gereicht; ` +
          `${d.organisation_name} steht auf Platz ${place} unserer Warteliste. ` +
          `Wird ein Platz frei, melden wir uns sofort bei Ihnen.` +
          (d.reason ? `\n\nBegründung: ${d.reason}` : '') +
          `\n\nIhre Bewerbung im Portal: ${portal}` +
          closing,
      };
    case 'decision_rejected':
      return {
        subject: 'Ihre Bewerbung beim openTransfer Accelerator',
        body:
          `${greeting}\n\nLeider können wir ${d.organisation_name} in diesem Jahr keinen Platz im Programm anbieten. ` +
          `Damit Sie die Entscheidung nachvollziehen können, hier unsere Begründung:\n\n${d.reason ?? ''}\n\n` +
          `Wir ermutigen Sie ausdrücklich, sich in einer der nächsten Runden erneut zu bewerben.` +
          `\n\nIhre Bewerbung im Portal: ${portal}` +
          closing,
      };
    case 'application_ineligible':
      return {
        subject: 'Ihre Bewerbung beim openTransfer Accelerator: Ergebnis der formalen Prüfung',
        body:
          `${greeting}\n\nBei der formalen Prüfung hat die Bewerbung die Teilnahmevoraussetzungen der Ausschreibung leider nicht erfüllt ` +
          `(etwa die bestätigte Gemeinnützigkeit oder vollständige Unterlagen). Die Jury konnte sie deshalb nicht bewerten, ` +
          `und wir können ${d.organisation_name} in diesem Jahr keinen Platz im Programm anbieten.\n\n` +
          `Wenn Sie wissen möchten, woran es im Einzelnen lag, antworten Sie gern auf diese E-Mail. ` +
          `Über eine erneute Bewerbung in einer der nächsten Runden freuen wir uns.` +
          `\n\nIhre Bewerbung im Portal: ${portal}` +
          closing,
      };
    case 'decision_offer':
      return {
        subject: `Ein Platz ist frei geworden: Angebot für ${d.organisation_name}`,
        body:
          `${greeting}\n\nIm openTransfer Accelerator ist ein Platz frei geworden, und ${d.organisation_name} steht als Nächstes auf der Warteliste. ` +
          `Wir bieten Ihnen diesen Platz gern an – mit einem Skalierungsstipendium in Höhe von ${money(d.grant_cents)}.\n\n` +
          `Bitte nehmen Sie das Angebot im Portal an (oder lehnen Sie es ab), damit wir planen können: ${portal}` +
          closing,
      };
  }
}

function english(d: LetterData): Letter {
  const project = d.project_name ? ` with the project “${d.project_name}”` : '';
  const programme = /opentransfer/i.test(d.cohort_name) ? `to the ${d.cohort_name}` : `to the openTransfer Accelerator (${d.cohort_name})`;
  const greeting = `Dear applicant,\n\nthank you for the application of ${d.organisation_name}${project} ${programme}.`;
  const portal = consoleLink(d.public_url, PORTAL_ROUTE[d.template]);
  const closing = `\n\nKind regards\nThe openTransfer Accelerator team\nStiftung Bürgermut · with the Bertelsmann Stiftung`;
  const place = d.waitlist_position ?? '–';
  switch (d.template) {
    case 'decision_selected':
      return {
        subject: `Congratulations: ${d.organisation_name} joins the openTransfer Accelerator`,
        body:
          `${greeting}\n\nWe are delighted to tell you that the jury has selected ${d.organisation_name}` +
          (d.selected_count > 1 ? ` as one of ${d.selected_count} organisations. ` : '. ') +
          `You receive a scaling grant of ${money(d.grant_cents, 'en')}, together with workshops, webinars and personal coaching for one year.` +
          (d.reason ? `\n\nFrom the jury's reasoning: ${d.reason}` : '') +
          `\n\nYou find all next steps in the portal: ${portal}` +
          closing,
      };
    case 'decision_waitlisted':
      return {
        subject: `Your application to the openTransfer Accelerator: place ${place} on the waiting list`,
        body:
          `${greeting}\n\nThe decision was not easy. This time your application narrowly missed one of the ${d.seats} places; ` +
          `${d.organisation_name} is number ${place} on our waiting list. If a place becomes free, we will contact you at once.` +
          (d.reason ? `\n\nReasoning: ${d.reason}` : '') +
          `\n\nYour application in the portal: ${portal}` +
          closing,
      };
    case 'decision_rejected':
      return {
        subject: 'Your application to the openTransfer Accelerator',
        body:
          `${greeting}\n\nUnfortunately we cannot offer ${d.organisation_name} a place in this year's programme. ` +
          `So that you can follow the decision, here is our reasoning:\n\n${d.reason ?? ''}\n\n` +
          `We warmly encourage you to apply again in one of the next rounds.` +
          `\n\nYour application in the portal: ${portal}` +
          closing,
      };
    case 'application_ineligible':
      return {
        subject: 'Your application to the openTransfer Accelerator: result of the formal check',
        body:
          `${greeting}\n\nIn the formal check the application did not meet the requirements of the call ` +
          `(such as confirmed charitable status or complete documents). The jury could therefore not assess it, ` +
          `and we cannot offer ${d.organisation_name} a place in this year's programme.\n\n` +
          `If you would like to know the details, simply reply to this e-mail. We would be glad to receive a new application in one of the next rounds.` +
          `\n\nYour application in the portal: ${portal}` +
          closing,
      };
    case 'decision_offer':
      return {
        subject: `A place has become free: an offer for ${d.organisation_name}`,
        body:
          `${greeting}\n\nA place in the openTransfer Accelerator has become free, and ${d.organisation_name} is next on the waiting list. ` +
          `We are glad to offer you this place, with a scaling grant of ${money(d.grant_cents, 'en')}.\n\n` +
          `Please accept (or decline) the offer in the portal so that we can plan: ${portal}` +
          closing,
      };
  }
}

const TEXTS: Record<Locale, Texts> = { de: german, en: english };

export function decisionLetter(d: LetterData): Letter {
  return TEXTS[d.locale](d);
}
