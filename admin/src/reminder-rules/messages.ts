import type { FeatureMessages } from '../i18n/types.ts';

/** Reminders (Erinnerungen), German first. */
export const reminderRuleMessages: FeatureMessages = {
  de: {
    resources: {
      'reminder-rules': {
        name: 'Erinnerung |||| Erinnerungen',
        fields: { active: 'Aktiv', event: 'Ereignis', offset_days: 'Versatz (Tage)', template_key: 'Vorlage' },
        events: {
          application_deadline: 'Bewerbungsschluss (an Bewerbende mit Entwurf)',
          review_due: 'Gutachten fällig (an die Jury, noch nicht abgegeben)',
          milestone_due: 'Meilenstein fällig (an Geförderte, offen)',
          report_due: 'Verwendungsnachweis fällig (an Geförderte, nicht eingereicht)',
          workshop_start: 'Workshop beginnt (an Geförderte des Jahrgangs)',
          tranche_due: 'Tranche fällig (an das Team, nicht ausgezahlt)',
        },
        offset: '%{smart_count} Tag |||| %{smart_count} Tage',
        before: '%{smart_count} Tag vorher |||| %{smart_count} Tage vorher',
        after: '%{smart_count} Tag danach |||| %{smart_count} Tage danach',
        on_the_day: 'am Tag',
        offset_help: 'Negativ = vor dem Termin, positiv = danach (%{min} bis %{max}). Verschickt wird höchstens 7 Tage später.',
      },
    },
  },
  en: {
    resources: {
      'reminder-rules': {
        name: 'Reminder |||| Reminders',
        fields: { active: 'Active', event: 'Event', offset_days: 'Offset (days)', template_key: 'Template' },
        events: {
          application_deadline: 'Application deadline (to applicants with a draft)',
          review_due: 'Review due (to jurors, not yet submitted)',
          milestone_due: 'Milestone due (to fellows, open)',
          report_due: 'Grant report due (to fellows, not submitted)',
          workshop_start: 'Workshop starts (to the cohort\'s fellows)',
          tranche_due: 'Tranche due (to staff, not paid)',
        },
        offset: '%{smart_count} day |||| %{smart_count} days',
        before: '%{smart_count} day before |||| %{smart_count} days before',
        after: '%{smart_count} day after |||| %{smart_count} days after',
        on_the_day: 'on the day',
        offset_help: 'Negative = before the date, positive = after (%{min} to %{max}). Sent at most 7 days late.',
      },
    },
  },
};
