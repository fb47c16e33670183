import type { FeatureMessages } from '../i18n/types.ts';

/** E-mail templates (E-Mail-Vorlagen) and the account's language choice (German first). */
export const emailTemplateMessages: FeatureMessages = {
  de: {
    resources: {
      'email-templates': {
        name: 'E-Mail-Vorlage |||| E-Mail-Vorlagen',
        fields: { key: 'Nachricht', locale: 'Sprache', subject: 'Betreff', body: 'Text', updated_at: 'Geändert', updated_by: 'Geändert von' },
        locales: { de: 'Deutsch', en: 'Englisch' },
        keys: {
          registration_confirm: 'Registrierung bestätigen', register_taken: 'Registrierung: Konto existiert bereits', password_reset: 'Passwort zurücksetzen',
          application_received: 'Eingangsbestätigung der Bewerbung', application_withdrawn: 'Bewerbung zurückgezogen',
          application_ineligible: 'Formale Prüfung nicht bestanden', decision_selected: 'Zusage', decision_waitlisted: 'Warteliste',
          decision_rejected: 'Absage', waitlist_offer: 'Nachrück-Angebot', stage_gate_approved: 'Stufe 2 freigegeben',
          report_requested: 'Bericht angefordert', report_submitted: 'Bericht eingegangen', report_accepted: 'Bericht angenommen',
          report_returned: 'Bericht zurückgegeben', follow_up_request: 'Nachbefragung (12/24 Monate)', tranche_paid: 'Tranche ausgezahlt', reminder: 'Erinnerung an einen fälligen Bericht', event_reminder: 'Erinnerung (allgemein)', alumni_consent_request: 'Alumni-Netzwerk: Zustimmung',
          introduction_requested: 'Vorstellungsanfrage', introduction_accepted: 'Vorstellung angenommen', introduction_declined: 'Vorstellung abgelehnt',
        },
        edited: 'bearbeitet',
        merge_fields: 'Platzhalter (Klick fügt ihn am Ende ein; hervorgehoben: Pflicht)',
        required: 'Pflichtfeld: muss im Text vorkommen',
        body_help: 'Markdown: Leerzeile = neuer Absatz, „- “ Liste, **fett**, [Text](https://…). {{#feld}}…{{/feld}} erscheint nur, wenn das Feld einen Wert hat.',
        reset: 'Auf Auslieferungstext zurücksetzen',
        reset_confirm: 'Betreff und Text dieser Vorlage durch den ausgelieferten Text ersetzen? Ihre Änderungen gehen verloren.',
        reset_done: 'Die Vorlage ist zurückgesetzt.',
        preview: {
          title: 'Vorschau',
          record_help: 'Ohne Auswahl: Beispielwerte.',
          record: {
            applications: 'Mit einer Bewerbung füllen', users: 'Mit einem Konto füllen', 'grantee-reports': 'Mit einem Bericht füllen',
            fellowships: 'Mit einer Förderung füllen', introductions: 'Mit einer Vorstellungsanfrage füllen', 'alumni-profiles': 'Mit einem Alumni-Profil füllen', disbursements: 'Mit einer Tranche füllen',
          },
        },
      },
    },
    app: {
      account: {
        title: 'Mein Konto', language: 'Sprache', language_help: 'In dieser Sprache erscheinen die Konsole und alle E-Mails an Sie.',
        saved: 'Gespeichert.',
      },
    },
  },
  en: {
    resources: {
      'email-templates': {
        name: 'E-mail template |||| E-mail templates',
        fields: { key: 'Message', locale: 'Language', subject: 'Subject', body: 'Text', updated_at: 'Updated', updated_by: 'Updated by' },
        locales: { de: 'German', en: 'English' },
        keys: {
          registration_confirm: 'Confirm registration', register_taken: 'Registration: account exists', password_reset: 'Reset password',
          application_received: 'Application received', application_withdrawn: 'Application withdrawn',
          application_ineligible: 'Formal check failed', decision_selected: 'Acceptance', decision_waitlisted: 'Waiting list',
          decision_rejected: 'Rejection', waitlist_offer: 'Offer from the waiting list', stage_gate_approved: 'Stage 2 approved',
          report_requested: 'Report requested', report_submitted: 'Report received', report_accepted: 'Report accepted',
          report_returned: 'Report returned', follow_up_request: 'Follow-up (12/24 months)', tranche_paid: 'Tranche paid', reminder: 'Reminder of a due report', event_reminder: 'Reminder (general)', alumni_consent_request: 'Alumni network: consent',
          introduction_requested: 'Introduction request', introduction_accepted: 'Introduction accepted', introduction_declined: 'Introduction declined',
        },
        edited: 'edited',
        merge_fields: 'Merge fields (a click adds one at the end; highlighted: required)',
        required: 'Required: must appear in the text',
        body_help: 'Markdown: blank line = new paragraph, "- " list, **bold**, [text](https://…). {{#field}}…{{/field}} only appears when the field has a value.',
        reset: 'Reset to the shipped text',
        reset_confirm: 'Replace subject and text of this template with the shipped text? Your changes will be lost.',
        reset_done: 'The template has been reset.',
        preview: {
          title: 'Preview',
          record_help: 'Without a choice: sample values.',
          record: {
            applications: 'Fill from an application', users: 'Fill from an account', 'grantee-reports': 'Fill from a report',
            fellowships: 'Fill from a fellowship', introductions: 'Fill from an introduction request', 'alumni-profiles': 'Fill from an alumni profile', disbursements: 'Fill from a tranche',
          },
        },
      },
    },
    app: {
      account: {
        title: 'My account', language: 'Language', language_help: 'The console and every e-mail to you appear in this language.',
        saved: 'Saved.',
      },
    },
  },
};
