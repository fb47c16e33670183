import type { FeatureMessages } from '../i18n/types.ts';
import { PASSWORD_MIN_LENGTH } from '../../../backend/src/shared/password-policy.ts';

/** Audit trail and account pages (password reset, registration confirmation). German first. */
export const auditMessages: FeatureMessages = {
  de: {
    resources: {
      'audit-events': {
        name: 'Protokolleintrag |||| Protokoll',
        fields: {
          at: 'Zeitpunkt', at_gte: 'Ab', at_lte: 'Bis', actor_id: 'Benutzer-ID', actor_name: 'Wer', actor_email: 'E-Mail',
          action: 'Aktion', resource: 'Bereich', record_id: 'Datensatz-ID', changes: 'Änderungen (vorher/nachher)', q: 'Suche',
        },
        system: 'System',
      },
    },
    account: {
      forgot_title: 'Passwort vergessen',
      forgot_intro: 'Geben Sie Ihre E-Mail-Adresse ein. Wenn es dazu ein Konto gibt, schicken wir Ihnen einen Link zum Zurücksetzen.',
      reset_title: 'Neues Passwort wählen',
      confirm_title: 'Registrierung bestätigen',
      confirming: 'Ihre Registrierung wird bestätigt …',
      confirmed: 'Vielen Dank! Ihr Konto ist aktiv.',
      email: 'E-Mail',
      password: 'Neues Passwort',
      password_hint: `Mindestens ${PASSWORD_MIN_LENGTH} Zeichen, mit einer Ziffer oder einem Sonderzeichen.`,
      send: 'Link anfordern',
      save: 'Passwort speichern',
      saved: 'Ihr Passwort wurde geändert. Bitte melden Sie sich an.',
      to_login: 'Zur Anmeldung',
      to_console: 'Weiter zur Konsole',
      missing_token: 'Der Link ist unvollständig. Bitte fordern Sie einen neuen an.',
    },
  },
  en: {
    resources: {
      'audit-events': {
        name: 'Audit event |||| Audit log',
        fields: {
          at: 'Time', at_gte: 'From', at_lte: 'Until', actor_id: 'User ID', actor_name: 'Who', actor_email: 'E-mail',
          action: 'Action', resource: 'Area', record_id: 'Record ID', changes: 'Changes (before/after)', q: 'Search',
        },
        system: 'System',
      },
    },
    account: {
      forgot_title: 'Forgot password',
      forgot_intro: 'Enter your e-mail address. If there is an account for it, we will send you a link to reset the password.',
      reset_title: 'Choose a new password',
      confirm_title: 'Confirm registration',
      confirming: 'Confirming your registration …',
      confirmed: 'Thank you! Your account is active.',
      email: 'E-mail',
      password: 'New password',
      password_hint: `At least ${PASSWORD_MIN_LENGTH} characters, with a digit or a special character.`,
      send: 'Send link',
      save: 'Save password',
      saved: 'Your password has been changed. Please log in.',
      to_login: 'Go to login',
      to_console: 'Continue to the console',
      missing_token: 'The link is incomplete. Please ask for a new one.',
    },
  },
};
