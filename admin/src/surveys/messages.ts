import type { FeatureMessages } from '../i18n/types.ts';

/** Surveys (Umfragen): staff list, form with questions editor, results with quotes; the respondent's form (German first). */
export const surveyMessages: FeatureMessages = {
  de: {
    resources: {
      surveys: {
        name: 'Umfrage |||| Umfragen',
        fields: {
          cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', workshop_id: 'Workshop', workshop_title: 'Workshop', title: 'Titel', kind: 'Art',
          questions: 'Fragen', opens_at: 'Öffnet am', closes_at: 'Endet am', anonymous: 'Anonym', state: 'Stand', response_count: 'Antworten',
          answered: 'Beantwortet', created_at: 'Angelegt', updated_at: 'Geändert',
        },
        question: { key: 'Schlüssel', label: 'Frage', type: 'Typ', options: 'Antwortmöglichkeiten (eine pro Zeile)', key_helper: 'z. B. nutzen – Kleinbuchstaben, Ziffern, _' },
        anonymous_helper: 'Gespeichert wird nur ein verschlüsselter Vermerk gegen doppelte Antworten, nie die Person.',
        workshop_helper: 'Feedback öffnet frühestens zum Ende des Workshops; beantworten dürfen die Organisationen, die teilgenommen haben.',
        locked: 'Die Umfrage wurde schon beantwortet: Fragen, Workshop und Anonymität bleiben, wie sie sind.',
        results: {
          title: 'Ergebnisse', count: '%{count} Antworten', hidden: 'Die Ergebnisse sind erst ab 3 Antworten sichtbar, damit niemand an seinen Antworten erkennbar ist (bisher %{count}).',
          mean: 'Mittelwert %{mean}', nps: 'NPS %{nps}', nps_help: '% Förderer (9–10) minus % Kritiker (0–6)', answered: '%{count} beantwortet',
          no_texts: 'Keine Freitexte.', pick: 'Als Zitat wählen', picked: 'Zitat gewählt', remove: 'Zitat entfernen', removed: 'Zitat entfernt',
          quotes: 'Gewählte Zitate für den Förderbericht', no_quotes: 'Noch keine Zitate gewählt.',
        },
        respond: {
          open: 'Offene Umfragen', none: 'Gerade ist keine Umfrage für Sie offen.', answer: 'Antworten', done: 'Beantwortet', until: 'bis %{date}',
          anonymous: 'Anonym: Ihre Antworten werden ohne Ihren Namen gespeichert und erst ab 3 Antworten zusammengefasst gezeigt.',
          named: 'Diese Umfrage ist nicht anonym.', send: 'Antworten absenden', sent: 'Danke! Ihre Antworten sind gespeichert.',
          already: 'Sie haben diese Umfrage schon beantwortet.', optional: 'freiwillig', low: 'gar nicht', high: 'sehr',
          nps_low: 'unwahrscheinlich', nps_high: 'äußerst wahrscheinlich', back: 'Zurück zu meinem Programm',
        },
      },
    },
  },
  en: {
    resources: {
      surveys: {
        name: 'Survey |||| Surveys',
        fields: {
          cohort_id: 'Cohort', cohort_name: 'Cohort', workshop_id: 'Workshop', workshop_title: 'Workshop', title: 'Title', kind: 'Kind',
          questions: 'Questions', opens_at: 'Opens', closes_at: 'Closes', anonymous: 'Anonymous', state: 'State', response_count: 'Answers',
          answered: 'Answered', created_at: 'Created', updated_at: 'Updated',
        },
        question: { key: 'Key', label: 'Question', type: 'Type', options: 'Options (one per line)', key_helper: 'e.g. usefulness – lower case, digits, _' },
        anonymous_helper: 'Only an encrypted mark against double answers is stored, never the person.',
        workshop_helper: 'Feedback opens at the end of the workshop at the earliest; the organisations that attended may answer.',
        locked: 'The survey has been answered: questions, workshop and anonymity stay as they are.',
        results: {
          title: 'Results', count: '%{count} answers', hidden: 'Results show from 3 answers on, so nobody can be recognised by their answers (%{count} so far).',
          mean: 'Mean %{mean}', nps: 'NPS %{nps}', nps_help: '% promoters (9–10) minus % detractors (0–6)', answered: '%{count} answered',
          no_texts: 'No free texts.', pick: 'Pick as quote', picked: 'Quote picked', remove: 'Remove quote', removed: 'Quote removed',
          quotes: 'Quotes picked for the funder report', no_quotes: 'No quotes picked yet.',
        },
        respond: {
          open: 'Open surveys', none: 'No survey is open for you right now.', answer: 'Answer', done: 'Answered', until: 'until %{date}',
          anonymous: 'Anonymous: your answers are stored without your name and shown only summarised, from 3 answers on.',
          named: 'This survey is not anonymous.', send: 'Send answers', sent: 'Thank you! Your answers are saved.',
          already: 'You have already answered this survey.', optional: 'optional', low: 'not at all', high: 'very',
          nps_low: 'not likely', nps_high: 'extremely likely', back: 'Back to my programme',
        },
      },
    },
  },
};
