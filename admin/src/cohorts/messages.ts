import type { FeatureMessages } from '../i18n/types.ts';

/** The cohort's phase stepper (German first). Numbers come from the server's transition check. */
export const cohortMessages: FeatureMessages = {
  de: {
    resources: {
      cohorts: {
        transition: {
          title: 'Das Jahr dieses Jahrgangs',
          next: 'Nächster Schritt: %{phase}',
          requires: 'Voraussetzungen',
          button: 'Weiter zu „%{phase}“',
          last: 'Der Jahrgang hat die letzte Phase erreicht.',
          confirm_title: '„%{name}“ in die Phase „%{phase}“ bringen?',
          not_ready: 'Noch ist nicht alles erledigt: Der Server wird den Schritt ablehnen und sagen, was fehlt.',
          irreversible: 'Phasen gehen nur vorwärts: Dieser Schritt lässt sich nicht zurücknehmen.',
          refused: 'Der Schritt ist nicht möglich: %{reason}',
          done: 'Der Jahrgang ist jetzt in der Phase „%{phase}“.',
          status: {
            draft: 'Bewertungskriterien: %{criteria} · Bewerbungsschluss: %{deadline}',
            call_open: 'Bewerbungsschluss: %{deadline} · eingereicht: %{submitted} · Entwürfe: %{drafts}',
            review: '%{submitted} eingereicht, %{unchecked} noch ohne Eignungsprüfung · offene Jury-Bewertungen: %{reviews_open}',
            selection: 'Plätze vergeben: %{selected} von %{seats} · Warteliste: %{waitlisted} · noch ohne Entscheidung: %{eligible}',
            programme: 'Aktive Förderungen: %{active} · offene Nachrück-Angebote: %{offers} · Warteliste: %{waitlisted}',
            alumni: 'Der Jahrgang ist abgeschlossen; seine Organisationen gehören zu den Alumni.',
          },
          requirements: {
            deadline_in_future: { met: 'Bewerbungsschluss liegt in der Zukunft (%{deadline})', open: 'Bewerbungsschluss %{deadline} ist vorbei – bitte eine neue Frist setzen' },
            criteria: { met: 'Bewertungskriterien angelegt: %{criteria}', open: 'Noch keine Bewertungskriterien angelegt' },
            call_closed: { met: 'Bewerbungsschluss erreicht (%{deadline})', open: 'Die Ausschreibung läuft noch bis %{deadline}' },
            eligibility_checked: { met: 'Alle eingereichten Bewerbungen sind auf Förderfähigkeit geprüft', open: '%{smart_count} Bewerbung noch ohne Eignungsprüfung |||| %{smart_count} Bewerbungen noch ohne Eignungsprüfung' },
            reviews_submitted: { met: 'Alle Jury-Bewertungen sind abgegeben (%{reviews_done})', open: '%{smart_count} Jury-Bewertung noch nicht abgegeben |||| %{smart_count} Jury-Bewertungen noch nicht abgegeben' },
            selection_released: { met: 'Auswahl freigegeben am %{released}', open: 'Die Auswahl ist noch nicht freigegeben (Auswahl → „Auswahl freigeben“)' },
            offers_answered: { met: 'Keine offenen Nachrück-Angebote', open: '%{smart_count} Nachrück-Angebot noch ohne Antwort |||| %{smart_count} Nachrück-Angebote noch ohne Antwort' },
          },
          consequences: {
            call_open: 'Die Ausschreibung wird geöffnet: Organisationen können sich bis %{deadline} bewerben. Für die Jury gelten die angelegten Bewertungskriterien (%{criteria}).',
            review: 'Die Begutachtung beginnt: Die eingereichten Bewerbungen (%{submitted}) werden auf Förderfähigkeit geprüft und von der Jury bewertet; nicht eingereichte Entwürfe (%{drafts}) bleiben außen vor.',
            selection: 'Die Auswahl beginnt: Die Bewertungskriterien werden eingefroren, die förderfähigen Bewerbungen (%{eligible}, davon %{shortlisted} in der engeren Wahl) warten auf eine Entscheidung.',
            programme: 'Das Programmjahr beginnt mit %{smart_count} Fellow; die Entscheidungen sind abgeschlossen. |||| Das Programmjahr beginnt mit %{smart_count} Fellows; die Entscheidungen sind abgeschlossen.',
            alumni: 'Das Programmjahr endet: %{smart_count} aktive Förderung wird abgeschlossen, die Organisation gehört danach zu den Alumni. |||| Das Programmjahr endet: %{smart_count} aktive Förderungen werden abgeschlossen, die Organisationen gehören danach zu den Alumni.',
          },
        },
      },
    },
  },
  en: {
    resources: {
      cohorts: {
        transition: {
          title: "This cohort's year",
          next: 'Next step: %{phase}',
          requires: 'Requirements',
          button: 'Move on to “%{phase}”',
          last: 'The cohort has reached its last phase.',
          confirm_title: 'Move “%{name}” to the phase “%{phase}”?',
          not_ready: 'Not everything is done yet: the server will refuse the step and say what is missing.',
          irreversible: 'Phases only move forward: this step cannot be undone.',
          refused: 'This step is not possible: %{reason}',
          done: 'The cohort is now in the phase “%{phase}”.',
          status: {
            draft: 'Review criteria: %{criteria} · deadline: %{deadline}',
            call_open: 'Deadline: %{deadline} · submitted: %{submitted} · drafts: %{drafts}',
            review: '%{submitted} submitted, %{unchecked} without eligibility check · open jury reviews: %{reviews_open}',
            selection: 'Seats taken: %{selected} of %{seats} · waitlist: %{waitlisted} · without a decision: %{eligible}',
            programme: 'Active fellowships: %{active} · open waitlist offers: %{offers} · waitlist: %{waitlisted}',
            alumni: 'The cohort is complete; its organisations are alumni.',
          },
          requirements: {
            deadline_in_future: { met: 'The deadline is in the future (%{deadline})', open: 'The deadline %{deadline} has passed – set a new one first' },
            criteria: { met: 'Review criteria in place: %{criteria}', open: 'No review criteria yet' },
            call_closed: { met: 'Deadline reached (%{deadline})', open: 'The call is open until %{deadline}' },
            eligibility_checked: { met: 'Every submitted application has had its eligibility check', open: '%{smart_count} application without eligibility check |||| %{smart_count} applications without eligibility check' },
            reviews_submitted: { met: 'Every jury review is submitted (%{reviews_done})', open: '%{smart_count} jury review not yet submitted |||| %{smart_count} jury reviews not yet submitted' },
            selection_released: { met: 'Selection released on %{released}', open: 'The selection has not been released yet (Selection → “Release selection”)' },
            offers_answered: { met: 'No open waitlist offers', open: '%{smart_count} waitlist offer without an answer |||| %{smart_count} waitlist offers without an answer' },
          },
          consequences: {
            call_open: 'The call opens: organisations can apply until %{deadline}. The jury scores against the review criteria in place (%{criteria}).',
            review: 'The review begins: %{submitted} submitted applications are checked for eligibility and scored by the jury; %{drafts} drafts that were never submitted stay out.',
            selection: 'The selection begins: the review criteria are frozen, %{eligible} eligible applications (%{shortlisted} of them shortlisted) await a decision.',
            programme: 'The programme year begins with %{smart_count} fellow; the decisions are final. |||| The programme year begins with %{smart_count} fellows; the decisions are final.',
            alumni: 'The programme year ends: %{smart_count} active fellowship is completed and the organisation becomes an alumnus. |||| The programme year ends: %{smart_count} active fellowships are completed and the organisations become alumni.',
          },
        },
      },
    },
  },
};
