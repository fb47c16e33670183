import type { FeatureMessages } from '../i18n/types.ts';

/** Bulk mail (Rundschreiben), the communication history and the unsubscribe page (German first). */
export const mailingMessages: FeatureMessages = {
  de: {
    resources: {
      mailings: {
        name: 'Rundschreiben |||| Rundschreiben',
        fields: {
          name: 'Name', subject: 'Betreff', body: 'Text', status: 'Status', recipient_count: 'Empfänger:innen', skipped_count: 'Übersprungen (abgemeldet)',
          sent_at: 'Versandt am', created_by_name: 'Angelegt von', created_at: 'Angelegt', audience: { kind: 'Zielgruppe', cohort_id: 'Jahrgang', status: 'Bewerbungsstatus' },
        },
        all_cohorts: 'Ohne Auswahl: alle Jahrgänge',
        any_status: 'Jeder Status',
        merge_fields: 'Platzhalter (Klick fügt ihn am Ende ein)',
        body_help: 'Markdown: Leerzeile = neuer Absatz, „- “ Liste, **fett**, [Text](https://…). Ein Abmeldelink wird automatisch angefügt.',
        recipients: 'Empfänger:innen',
        recipient: { name: 'Name', email: 'E-Mail', organisation_name: 'Organisation', locale: 'Sprache', mail_opt_out: 'Abgemeldet' },
        preview: { title: 'Vorschau', recipient: 'Vorschau für', first: 'Erste Person der Liste', sample: 'Beispielwerte (niemand in der Zielgruppe)' },
        count: '%{count} Personen erhalten dieses Rundschreiben; %{skipped} haben Rundschreiben abbestellt und werden übersprungen.',
        test: 'Test an mich',
        test_sent: 'Test an %{to} ist im E-Mail-Ausgang.',
        send: 'Versenden',
        send_title: 'Rundschreiben versenden?',
        send_confirm: 'Das Rundschreiben geht an %{count} Personen (%{skipped} abgemeldet, übersprungen). Danach lässt es sich nicht mehr ändern.',
        sent: 'Versandt: %{count} Nachrichten im E-Mail-Ausgang, %{skipped} übersprungen.',
      },
    },
    app: {
      communication: { tab: 'Kommunikation', empty: 'Noch keine E-Mails.' },
      unsubscribe: {
        title: 'Rundschreiben abbestellen', missing: 'Der Link ist unvollständig.', working: 'Einen Moment …',
        done: 'Sie erhalten keine Rundschreiben mehr. Nachrichten zu Ihrer Bewerbung oder Förderung bekommen Sie weiterhin.',
      },
    },
  },
  en: {
    resources: {
      mailings: {
        name: 'Mailing |||| Mailings',
        fields: {
          name: 'Name', subject: 'Subject', body: 'Text', status: 'Status', recipient_count: 'Recipients', skipped_count: 'Skipped (unsubscribed)',
          sent_at: 'Sent at', created_by_name: 'Created by', created_at: 'Created', audience: { kind: 'Audience', cohort_id: 'Cohort', status: 'Application status' },
        },
        all_cohorts: 'None chosen: all cohorts',
        any_status: 'Any status',
        merge_fields: 'Merge fields (a click adds one at the end)',
        body_help: 'Markdown: blank line = new paragraph, "- " list, **bold**, [text](https://…). An unsubscribe link is added automatically.',
        recipients: 'Recipients',
        recipient: { name: 'Name', email: 'E-mail', organisation_name: 'Organisation', locale: 'Language', mail_opt_out: 'Unsubscribed' },
        preview: { title: 'Preview', recipient: 'Preview for', first: 'First person of the list', sample: 'Sample values (nobody in the audience)' },
        count: '%{count} people receive this mailing; %{skipped} have unsubscribed and are skipped.',
        test: 'Test to me',
        test_sent: 'The test to %{to} is in the outbox.',
        send: 'Send',
        send_title: 'Send this mailing?',
        send_confirm: 'The mailing goes to %{count} people (%{skipped} unsubscribed, skipped). It cannot be changed afterwards.',
        sent: 'Sent: %{count} messages in the outbox, %{skipped} skipped.',
      },
    },
    app: {
      communication: { tab: 'Communication', empty: 'No e-mails yet.' },
      unsubscribe: {
        title: 'Unsubscribe from mailings', missing: 'The link is incomplete.', working: 'One moment …',
        done: 'You will receive no more mailings. Messages about your application or grant still reach you.',
      },
    },
  },
};
