import type { FeatureMessages } from '../i18n/types.ts';

/** The funder's home (issue 20, role `funder`) and the funder picker of the cohort form, German first. */
export const funderMessages: FeatureMessages = {
  de: {
    app: {
      home: {
        funder: {
          intro: 'Die Jahrgänge, die Sie fördern: ihre Zahlen auf einen Blick und die ausgestellten Berichte zum Herunterladen.',
          reports: 'Ausgestellte Berichte',
          no_reports: 'Für Ihre Jahrgänge ist noch kein Bericht ausgestellt.',
          reports_hint: 'Ein ausgestellter Bericht bleibt unverändert: Das PDF ist dasselbe, wann immer Sie es herunterladen.',
          issued_on: '%{cohort} · ausgestellt am %{date}',
          download: 'PDF herunterladen: %{title}',
          outcomes: 'Wirkung', outcomes_cohort: 'Jahrgang',
          surveys: 'Umfragen', no_surveys: 'Für diesen Jahrgang gibt es noch keine Umfrage.',
          survey_answers: '%{count} Antworten', too_few: 'Noch zu wenige Antworten (%{count} von mindestens %{min}).',
          survey_quotes: 'Zitate', no_quotes: 'Noch keine Zitate gewählt.',
        },
      },
    },
    resources: {
      cohorts: {
        fields: { funder_user_ids: 'Förderer' },
        funders_helper: 'Nutzerinnen und Nutzer mit der Rolle Förderer, die diesen Jahrgang, seine Übersicht und ausgestellten Berichte sehen.',
      },
    },
  },
  en: {
    app: {
      home: {
        funder: {
          intro: 'The cohorts you fund: their figures at a glance and the issued reports to download.',
          reports: 'Issued reports',
          no_reports: 'No report has been issued for your cohorts yet.',
          reports_hint: 'An issued report never changes: the PDF is the same whenever you download it.',
          issued_on: '%{cohort} · issued on %{date}',
          download: 'Download PDF: %{title}',
          outcomes: 'Outcomes', outcomes_cohort: 'Cohort',
          surveys: 'Surveys', no_surveys: 'This cohort has no survey yet.',
          survey_answers: '%{count} answers', too_few: 'Not enough answers yet (%{count} of at least %{min}).',
          survey_quotes: 'Quotes', no_quotes: 'No quotes chosen yet.',
        },
      },
    },
    resources: {
      cohorts: {
        fields: { funder_user_ids: 'Funders' },
        funders_helper: 'Users with the role funder who see this cohort, its dashboard and its issued reports.',
      },
    },
  },
};
