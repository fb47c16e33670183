import type { FeatureMessages } from '../i18n/types.ts';

/** Follow-ups 12 and 24 months after the programme year: the staff list, the fellow's card, the dashboard figure (German first). */
export const followUpMessages: FeatureMessages = {
  de: {
    resources: {
      'follow-up-requests': {
        name: 'Nachbefragung |||| Nachbefragungen',
        fields: {
          organisation_name: 'Organisation', cohort_name: 'Jahrgang', cohort_id: 'Jahrgang', months: 'Nachbefragung', due_on: 'Fällig seit',
          requested_at: 'Angefragt am', responded_at: 'Beantwortet am', responded: 'Beantwortet', fellowship_id: 'Förderung',
        },
        months_value: '%{months} Monate',
        answered: 'beantwortet',
        open: 'offen',
        card: {
          title: 'Bitte aktualisieren Sie Ihre Wirkung — %{months} Monate nach dem Programmjahr',
          text: 'Das Programmjahr von „%{cohort}“ ist seit %{months} Monaten vorbei. Tragen Sie die aktuellen Werte Ihrer Indikatoren als Nachbefragung ein und bringen Sie Ihre Transferstandorte auf den neuesten Stand.',
          action: 'Wirkung aktualisieren',
        },
      },
    },
    dashboard: {
      follow_ups: 'Rücklauf Nachbefragung',
      follow_ups_row: '%{months} Monate: %{answered} von %{sent} (%{rate})',
      follow_ups_none: 'Noch keine Nachbefragung verschickt',
    },
  },
  en: {
    resources: {
      'follow-up-requests': {
        name: 'Follow-up |||| Follow-ups',
        fields: {
          organisation_name: 'Organisation', cohort_name: 'Cohort', cohort_id: 'Cohort', months: 'Follow-up', due_on: 'Due since',
          requested_at: 'Requested on', responded_at: 'Answered on', responded: 'Answered', fellowship_id: 'Fellowship',
        },
        months_value: '%{months} months',
        answered: 'answered',
        open: 'open',
        card: {
          title: 'Please update your impact — %{months} months after the programme year',
          text: 'The programme year of “%{cohort}” ended %{months} months ago. Enter the current values of your indicators as a follow-up and bring your transfer sites up to date.',
          action: 'Update impact',
        },
      },
    },
    dashboard: {
      follow_ups: 'Follow-up response rate',
      follow_ups_row: '%{months} months: %{answered} of %{sent} (%{rate})',
      follow_ups_none: 'No follow-up sent yet',
    },
  },
};
