/**
 * The German decision letters. Pure: data in, letter out — the staff preview and the release use
 * the same function, so what staff read is exactly what is sent.
 */
export type LetterTemplate = 'decision_selected' | 'decision_waitlisted' | 'decision_rejected' | 'decision_offer';

export interface LetterData {
  template: LetterTemplate;
  organisation_name: string;
  project_name: string | null;
  cohort_name: string;
  seats: number;
  grant_cents: number;
  reason: string | null;
  waitlist_position: number | null;
  portal_url: string;
}

export interface Letter {
  subject: string;
  body: string;
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export const formatEuro = (cents: number) => euro.format(cents / 100);

export const formatBerlinDate = (date: Date | string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(date));

export function decisionLetter(d: LetterData): Letter {
  const project = d.project_name ? ` mit dem Vorhaben „${d.project_name}“` : '';
  const programme = /opentransfer/i.test(d.cohort_name) ? `beim ${d.cohort_name}` : `beim openTransfer Accelerator (${d.cohort_name})`;
  const greeting = `Guten Tag,\n\nvielen Dank für die Bewerbung von ${d.organisation_name}${project} ${programme}.`;
  const closing = `\n\nMit herzlichen Grüßen\nIhr Team des openTransfer Accelerators\nStiftung Bürgermut · mit der Bertelsmann Stiftung`;
  switch (d.template) {
    case 'decision_selected':
      return {
        subject: `Zusage: ${d.organisation_name} wird Stipendiat im openTransfer Accelerator`,
        body:
          `${greeting}\n\nWir freuen uns sehr, Ihnen mitteilen zu können: Die Jury hat ${d.organisation_name} als eine von ${d.seats} Organisationen ausgewählt. ` +
          `Sie erhalten ein Skalierungsstipendium in Höhe von ${formatEuro(d.grant_cents)}, dazu Workshops, Webinare und persönliches Coaching über ein Jahr.` +
          (d.reason ? `\n\nAus der Begründung der Jury: ${d.reason}` : '') +
          `\n\nAlle nächsten Schritte finden Sie im Portal: ${d.portal_url}` +
          closing,
      };
    case 'decision_waitlisted':
      return {
        subject: `Ihre Bewerbung beim openTransfer Accelerator: Platz ${d.waitlist_position ?? '–'} der Warteliste`,
        body:
          `${greeting}\n\nDie Entscheidung ist uns nicht leichtgefallen. Für einen der ${d.seats} Plätze hat es diesmal knapp nicht gereicht; ` +
          `${d.organisation_name} steht auf Platz ${d.waitlist_position ?? '–'} unserer Warteliste. ` +
          `Wird ein Platz frei, melden wir uns sofort bei Ihnen.` +
          (d.reason ? `\n\nBegründung: ${d.reason}` : '') +
          closing,
      };
    case 'decision_rejected':
      return {
        subject: 'Ihre Bewerbung beim openTransfer Accelerator',
        body:
          `${greeting}\n\nLeider können wir ${d.organisation_name} in diesem Jahr keinen Platz im Programm anbieten. ` +
          `Damit Sie die Entscheidung nachvollziehen können, hier unsere Begründung:\n\n${d.reason ?? ''}\n\n` +
          `Wir ermutigen Sie ausdrücklich, sich in einer der nächsten Runden erneut zu bewerben.` +
          closing,
      };
    case 'decision_offer':
      return {
        subject: `Ein Platz ist frei geworden: Angebot für ${d.organisation_name}`,
        body:
          `${greeting}\n\nIm openTransfer Accelerator ist ein Platz frei geworden, und ${d.organisation_name} steht als Nächstes auf der Warteliste. ` +
          `Wir bieten Ihnen diesen Platz gern an – mit einem Skalierungsstipendium in Höhe von ${formatEuro(d.grant_cents)}.\n\n` +
          `Bitte nehmen Sie das Angebot im Portal an (oder lehnen Sie es ab), damit wir planen können: ${d.portal_url}` +
          closing,
      };
  }
}
