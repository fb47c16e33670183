/**
 * Every message the system sends, as shipped: per key the merge fields it may use (and those it
 * must), the outbox name its messages carry (`emails.template`), the kind of record a preview can
 * be filled from, sample values, and the German and English text. Migration 0024 stores one
 * `email_templates` row per key and language from here; `reset` restores a row to this text.
 *
 * Values are strings the sender has already formatted in the recipient's language (dates, money,
 * labels). A field used only as `{{#x}}…{{/x}}` is a condition ("x is not empty").
 */
export const EMAIL_TEMPLATE_LOCALES = ['de', 'en'] as const;
export type TemplateLocale = (typeof EMAIL_TEMPLATE_LOCALES)[number];

/** The kind of record a preview with `record_id` reads its values from. */
export type PreviewRecord = 'users' | 'applications' | 'grantee-reports' | 'fellowships' | 'disbursements' | 'introductions' | 'alumni-profiles';

interface TemplateText {
  subject: string;
  body: string;
}

export interface TemplateDefinition {
  /** `emails.template` of the messages made from it. */
  outbox: string;
  record: PreviewRecord;
  fields: readonly string[];
  required: readonly string[];
  sample: Record<string, string>;
  de: TemplateText;
  en: TemplateText;
}

const SIGN_DE = 'Mit freundlichen Grüßen\nIhr Team des openTransfer Accelerators';
const SIGN_EN = 'Kind regards\nThe openTransfer Accelerator team';
const LETTER_DE = '\n\nMit herzlichen Grüßen\nIhr Team des openTransfer Accelerators\nStiftung Bürgermut · mit der Bertelsmann Stiftung';
const LETTER_EN = '\n\nKind regards\nThe openTransfer Accelerator team\nStiftung Bürgermut · with the Bertelsmann Stiftung';

const SAMPLE_URL = 'https://accelerator.example.org/#/';
const ORG = { organisation_name: 'Lesewelten e. V.', project_name: 'Lesepaten in jeder Stadt', cohort_name: 'openTransfer Accelerator 2026' };

// The decision letters share their opening: the application, the project when it has a name, the programme.
const GREETING_DE = 'Guten Tag,\n\nvielen Dank für die Bewerbung von {{organisation_name}}{{#project_name}} mit dem Vorhaben „{{project_name}}“{{/project_name}} beim {{programme}}.';
const GREETING_EN = 'Dear applicant,\n\nthank you for the application of {{organisation_name}}{{#project_name}} with the project “{{project_name}}”{{/project_name}} to the {{programme}}.';
const LETTER_FIELDS = ['organisation_name', 'project_name', 'cohort_name', 'programme', 'seats', 'selected_count', 'several_selected', 'grant', 'reason', 'waitlist_position', 'portal_link'] as const;
const LETTER_SAMPLE = {
  ...ORG, programme: 'openTransfer Accelerator 2026', seats: '10', selected_count: '10', several_selected: '1', grant: '15.000,00 €',
  reason: 'Ein überzeugendes, gut übertragbares Modell.', waitlist_position: '2', portal_link: `${SAMPLE_URL}application`,
};

const REPORT_FIELDS = ['organisation_name', 'report_kind', 'period', 'due_on', 'report_link'] as const;
const REPORT_SAMPLE = { organisation_name: ORG.organisation_name, report_kind: 'Zwischenbericht', period: '01.01.2026 – 30.06.2026', due_on: '31.07.2026', report_link: `${SAMPLE_URL}grantee-reports/1/show` };

const INTRO_FIELDS = ['from_name', 'to_name', 'note'] as const;

export const EMAIL_TEMPLATES = {
  registration_confirm: {
    outbox: 'register_confirm',
    record: 'users',
    fields: ['name', 'confirm_link'],
    required: ['confirm_link'],
    sample: { name: 'Petra Muster', confirm_link: `${SAMPLE_URL}register/confirm?token=••••••••` },
    de: {
      subject: 'Bitte bestätigen Sie Ihre Registrierung',
      body: 'Hallo {{name}},\n\nvielen Dank für Ihre Registrierung beim openTransfer Accelerator.\nBitte bestätigen Sie Ihre E-Mail-Adresse innerhalb von drei Tagen:\n\n{{confirm_link}}\n',
    },
    en: {
      subject: 'Confirm your registration',
      body: 'Hello {{name}},\n\nthank you for registering with the openTransfer Accelerator.\nPlease confirm your e-mail address within three days:\n\n{{confirm_link}}\n',
    },
  },
  register_taken: {
    outbox: 'register_taken',
    record: 'users',
    fields: ['name', 'login_link', 'password_reset_link'],
    required: [],
    sample: { name: 'Petra Muster', login_link: `${SAMPLE_URL}login`, password_reset_link: `${SAMPLE_URL}password-reset` },
    de: {
      subject: 'Sie haben bereits ein Konto',
      body: 'Hallo {{name}},\n\njemand wollte mit dieser E-Mail-Adresse ein neues Konto registrieren – Sie haben aber bereits eines.\nHier melden Sie sich an: {{login_link}}\nPasswort vergessen? Hier setzen Sie es zurück: {{password_reset_link}}\n',
    },
    en: {
      subject: 'You already have an account',
      body: 'Hello {{name}},\n\nsomeone tried to register a new account with this e-mail address, but you already have one.\nLog in here: {{login_link}}\nForgot your password? Reset it here: {{password_reset_link}}\n',
    },
  },
  password_reset: {
    outbox: 'password_reset',
    record: 'users',
    fields: ['name', 'reset_link', 'valid_minutes'],
    required: ['reset_link'],
    sample: { name: 'Petra Muster', reset_link: `${SAMPLE_URL}password-reset/confirm?token=••••••••`, valid_minutes: '60' },
    de: {
      subject: 'Passwort zurücksetzen',
      body: 'Hallo {{name}},\n\njemand (hoffentlich Sie) möchte das Passwort Ihres Kontos zurücksetzen.\nHier können Sie innerhalb von {{valid_minutes}} Minuten ein neues Passwort wählen:\n\n{{reset_link}}\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n',
    },
    en: {
      subject: 'Reset your password',
      body: 'Hello {{name}},\n\nsomeone (hopefully you) asked to reset the password of your account.\nChoose a new password here within {{valid_minutes}} minutes:\n\n{{reset_link}}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.\n',
    },
  },
  application_received: {
    outbox: 'application_receipt',
    record: 'applications',
    fields: ['organisation_name', 'project_name', 'cohort_name', 'submitted_at', 'application_id', 'application_link'],
    required: [],
    sample: { ...ORG, submitted_at: '15.03.2026, 14:30', application_id: '42', application_link: `${SAMPLE_URL}application` },
    de: {
      subject: 'Eingangsbestätigung Ihrer Bewerbung: {{project_name}}',
      body: [
        'Guten Tag,',
        '',
        'vielen Dank für die Bewerbung von {{organisation_name}} für „{{cohort_name}}“.',
        'Wir haben Ihre Bewerbung „{{project_name}}“ am {{submitted_at}} Uhr (Berliner Zeit) erhalten.',
        'Ihre Bewerbungsnummer: {{application_id}}.',
        '',
        'Als Nächstes prüfen wir die formalen Voraussetzungen; danach bewertet die Jury alle Bewerbungen.',
        'Über das Ergebnis informieren wir Sie per E-Mail. Ihre eingereichte Bewerbung können Sie jederzeit',
        'als PDF herunterladen: {{application_link}}',
        '',
        SIGN_DE,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
    en: {
      subject: 'We have received your application: {{project_name}}',
      body: [
        'Hello,',
        '',
        'thank you for the application of {{organisation_name}} to “{{cohort_name}}”.',
        'We received your application “{{project_name}}” on {{submitted_at}} (Berlin time).',
        'Your application number: {{application_id}}.',
        '',
        'Next we check the formal requirements; then the jury assesses all applications.',
        'We will tell you the result by e-mail. You can download your submitted application as a PDF',
        'at any time: {{application_link}}',
        '',
        SIGN_EN,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
  },
  application_withdrawn: {
    outbox: 'application_withdrawn',
    record: 'applications',
    fields: ['organisation_name', 'project_name', 'cohort_name'],
    required: [],
    sample: ORG,
    de: {
      subject: 'Bewerbung zurückgezogen: {{project_name}}',
      body: 'Guten Tag,\n\nhiermit bestätigen wir, dass {{organisation_name}} die Bewerbung „{{project_name}}“ für „{{cohort_name}}“ zurückgezogen hat.\nWir bedauern das und freuen uns, wenn Sie sich bei einer späteren Ausschreibung wieder bewerben.\n\n' + SIGN_DE,
    },
    en: {
      subject: 'Application withdrawn: {{project_name}}',
      body: 'Hello,\n\nwe confirm that {{organisation_name}} has withdrawn the application “{{project_name}}” to “{{cohort_name}}”.\nWe are sorry to hear it and would be glad to receive an application in a later call.\n\n' + SIGN_EN,
    },
  },
  application_ineligible: {
    outbox: 'application_ineligible',
    record: 'applications',
    fields: LETTER_FIELDS,
    required: [],
    sample: LETTER_SAMPLE,
    de: {
      subject: 'Ihre Bewerbung beim openTransfer Accelerator: Ergebnis der formalen Prüfung',
      body:
        GREETING_DE +
        '\n\nBei der formalen Prüfung hat die Bewerbung die Teilnahmevoraussetzungen der Ausschreibung leider nicht erfüllt ' +
        '(etwa die bestätigte Gemeinnützigkeit oder vollständige Unterlagen). Die Jury konnte sie deshalb nicht bewerten, ' +
        'und wir können {{organisation_name}} in diesem Jahr keinen Platz im Programm anbieten.\n\n' +
        'Wenn Sie wissen möchten, woran es im Einzelnen lag, antworten Sie gern auf diese E-Mail. ' +
        'Über eine erneute Bewerbung in einer der nächsten Runden freuen wir uns.' +
        '\n\nIhre Bewerbung im Portal: {{portal_link}}' + LETTER_DE,
    },
    en: {
      subject: 'Your application to the openTransfer Accelerator: result of the formal check',
      body:
        GREETING_EN +
        '\n\nIn the formal check the application did not meet the requirements of the call ' +
        '(such as confirmed charitable status or complete documents). The jury could therefore not assess it, ' +
        "and we cannot offer {{organisation_name}} a place in this year's programme.\n\n" +
        'If you would like to know the details, simply reply to this e-mail. We would be glad to receive a new application in one of the next rounds.' +
        '\n\nYour application in the portal: {{portal_link}}' + LETTER_EN,
    },
  },
  decision_selected: {
    outbox: 'decision_selected',
    record: 'applications',
    fields: LETTER_FIELDS,
    required: [],
    sample: LETTER_SAMPLE,
    de: {
      subject: 'Zusage: {{organisation_name}} wird Stipendiat im openTransfer Accelerator',
      body:
        GREETING_DE +
        '\n\nWir freuen uns sehr, Ihnen mitteilen zu können: Die Jury hat {{organisation_name}} ' +
        '{{#several_selected}}als eine von {{selected_count}} Organisationen ausgewählt. {{/several_selected}}{{^several_selected}}ausgewählt. {{/several_selected}}' +
        'Sie erhalten ein Skalierungsstipendium in Höhe von {{grant}}, dazu Workshops, Webinare und persönliches Coaching über ein Jahr.' +
        '{{#reason}}\n\nAus der Begründung der Jury: {{reason}}{{/reason}}' +
        '\n\nAlle nächsten Schritte finden Sie im Portal: {{portal_link}}' + LETTER_DE,
    },
    en: {
      subject: 'Congratulations: {{organisation_name}} joins the openTransfer Accelerator',
      body:
        GREETING_EN +
        '\n\nWe are delighted to tell you that the jury has selected {{organisation_name}}' +
        '{{#several_selected}} as one of {{selected_count}} organisations. {{/several_selected}}{{^several_selected}}. {{/several_selected}}' +
        'You receive a scaling grant of {{grant}}, together with workshops, webinars and personal coaching for one year.' +
        "{{#reason}}\n\nFrom the jury's reasoning: {{reason}}{{/reason}}" +
        '\n\nYou find all next steps in the portal: {{portal_link}}' + LETTER_EN,
    },
  },
  decision_waitlisted: {
    outbox: 'decision_waitlisted',
    record: 'applications',
    fields: LETTER_FIELDS,
    required: [],
    sample: LETTER_SAMPLE,
    de: {
      subject: 'Ihre Bewerbung beim openTransfer Accelerator: Platz {{waitlist_position}} der Warteliste',
      body:
        GREETING_DE +
        '\n\nDie Entscheidung ist uns nicht leichtgefallen. Für einen der {{seats}} Plätze hat es diesmal knapp nicht gereicht; ' +
        '{{organisation_name}} steht auf Platz {{waitlist_position}} unserer Warteliste. Wird ein Platz frei, melden wir uns sofort bei Ihnen.' +
        '{{#reason}}\n\nBegründung: {{reason}}{{/reason}}' +
        '\n\nIhre Bewerbung im Portal: {{portal_link}}' + LETTER_DE,
    },
    en: {
      subject: 'Your application to the openTransfer Accelerator: place {{waitlist_position}} on the waiting list',
      body:
        GREETING_EN +
        '\n\nThe decision was not easy. This time your application narrowly missed one of the {{seats}} places; ' +
        '{{organisation_name}} is number {{waitlist_position}} on our waiting list. If a place becomes free, we will contact you at once.' +
        '{{#reason}}\n\nReasoning: {{reason}}{{/reason}}' +
        '\n\nYour application in the portal: {{portal_link}}' + LETTER_EN,
    },
  },
  decision_rejected: {
    outbox: 'decision_rejected',
    record: 'applications',
    fields: LETTER_FIELDS,
    required: [],
    sample: LETTER_SAMPLE,
    de: {
      subject: 'Ihre Bewerbung beim openTransfer Accelerator',
      body:
        GREETING_DE +
        '\n\nLeider können wir {{organisation_name}} in diesem Jahr keinen Platz im Programm anbieten. ' +
        'Damit Sie die Entscheidung nachvollziehen können, hier unsere Begründung:\n\n{{reason}}\n\n' +
        'Wir ermutigen Sie ausdrücklich, sich in einer der nächsten Runden erneut zu bewerben.' +
        '\n\nIhre Bewerbung im Portal: {{portal_link}}' + LETTER_DE,
    },
    en: {
      subject: 'Your application to the openTransfer Accelerator',
      body:
        GREETING_EN +
        "\n\nUnfortunately we cannot offer {{organisation_name}} a place in this year's programme. " +
        'So that you can follow the decision, here is our reasoning:\n\n{{reason}}\n\n' +
        'We warmly encourage you to apply again in one of the next rounds.' +
        '\n\nYour application in the portal: {{portal_link}}' + LETTER_EN,
    },
  },
  waitlist_offer: {
    outbox: 'decision_offer',
    record: 'applications',
    fields: LETTER_FIELDS,
    required: [],
    sample: LETTER_SAMPLE,
    de: {
      subject: 'Ein Platz ist frei geworden: Angebot für {{organisation_name}}',
      body:
        GREETING_DE +
        '\n\nIm openTransfer Accelerator ist ein Platz frei geworden, und {{organisation_name}} steht als Nächstes auf der Warteliste. ' +
        'Wir bieten Ihnen diesen Platz gern an – mit einem Skalierungsstipendium in Höhe von {{grant}}.\n\n' +
        'Bitte nehmen Sie das Angebot im Portal an (oder lehnen Sie es ab), damit wir planen können: {{portal_link}}' + LETTER_DE,
    },
    en: {
      subject: 'A place has become free: an offer for {{organisation_name}}',
      body:
        GREETING_EN +
        '\n\nA place in the openTransfer Accelerator has become free, and {{organisation_name}} is next on the waiting list. ' +
        'We are glad to offer you this place, with a scaling grant of {{grant}}.\n\n' +
        'Please accept (or decline) the offer in the portal so that we can plan: {{portal_link}}' + LETTER_EN,
    },
  },
  stage_gate_approved: {
    outbox: 'stage_gate_approved',
    record: 'fellowships',
    fields: ['organisation_name', 'note'],
    required: [],
    sample: { organisation_name: ORG.organisation_name, note: 'Bitte denken Sie an den Bericht zur Halbzeit.' },
    de: {
      subject: 'Ihr Transferkonzept ist freigegeben – willkommen in Stufe 2',
      body:
        'Guten Tag,\n\ndas Programmteam hat Ihr Transferkonzept freigegeben. Damit beginnt für Sie Stufe 2 des openTransfer Accelerators ' +
        'einschließlich des Transferbonus.{{#note}}\n\nAnmerkung: {{note}}{{/note}}\n\nMit herzlichen Grüßen\nIhr Team des openTransfer Accelerators',
    },
    en: {
      subject: 'Your transfer concept is approved – welcome to stage 2',
      body:
        'Hello,\n\nthe programme team has approved your transfer concept. This starts stage 2 of the openTransfer Accelerator for you, ' +
        'including the transfer bonus.{{#note}}\n\nNote: {{note}}{{/note}}\n\nKind regards\nThe openTransfer Accelerator team',
    },
  },
  tranche_paid: {
    outbox: 'tranche_paid',
    record: 'disbursements',
    fields: ['organisation_name', 'tranche_label', 'amount', 'paid_on', 'payment_reference', 'tranches_link'],
    required: [],
    sample: { organisation_name: ORG.organisation_name, tranche_label: 'Erste Tranche', amount: '7.500,00 €', paid_on: '02.05.2026', payment_reference: 'OTA-2026-001', tranches_link: `${SAMPLE_URL}disbursements` },
    de: {
      subject: 'Ausgezahlt: {{tranche_label}} ({{amount}})',
      body: [
        'Guten Tag,',
        '',
        'wir haben die Tranche „{{tranche_label}}“ über {{amount}} für {{organisation_name}} am {{paid_on}} ausgezahlt{{#payment_reference}} (Verwendungszweck: {{payment_reference}}){{/payment_reference}}.',
        'Je nach Bank ist der Betrag in ein bis zwei Werktagen auf Ihrem Konto.',
        'Ihre Tranchen im Überblick: {{tranches_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'Paid: {{tranche_label}} ({{amount}})',
      body: [
        'Hello,',
        '',
        'we paid the tranche “{{tranche_label}}” of {{amount}} to {{organisation_name}} on {{paid_on}}{{#payment_reference}} (reference: {{payment_reference}}){{/payment_reference}}.',
        'Depending on the bank, the amount reaches your account within one or two working days.',
        'Your tranches at a glance: {{tranches_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  report_requested: {
    outbox: 'grantee_report_requested',
    record: 'grantee-reports',
    fields: REPORT_FIELDS,
    required: [],
    sample: REPORT_SAMPLE,
    de: {
      subject: 'Bitte um Ihren {{report_kind}} bis {{due_on}}',
      body: [
        'Guten Tag,',
        '',
        'wir bitten {{organisation_name}} um den {{report_kind}} (Verwendungsnachweis) für den Zeitraum {{period}}.',
        'Bitte reichen Sie ihn bis zum {{due_on}} ein: Sachbericht (Erreichtes, Herausforderungen, nächste Schritte)',
        'und die Ausgaben nach Kostenkategorien mit Belegen.',
        'Zum Bericht: {{report_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'Please send your {{report_kind}} by {{due_on}}',
      body: [
        'Hello,',
        '',
        'we ask {{organisation_name}} for the {{report_kind}} (proof of use) for the period {{period}}.',
        'Please submit it by {{due_on}}: the narrative report (achievements, challenges, next steps)',
        'and the expenses by cost category with receipts.',
        'Open the report: {{report_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  report_submitted: {
    outbox: 'grantee_report_submitted',
    record: 'grantee-reports',
    fields: [...REPORT_FIELDS, 'total'],
    required: [],
    sample: { ...REPORT_SAMPLE, total: '7.450,00 €' },
    de: {
      subject: 'Eingang Ihres {{report_kind}}s',
      body: [
        'Guten Tag,',
        '',
        'vielen Dank: Der {{report_kind}} von {{organisation_name}} für {{period}} ist bei uns eingegangen',
        '(Ausgaben in diesem Bericht: {{total}}). Wir prüfen ihn und melden uns.',
        'Zum Bericht: {{report_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'We have received your {{report_kind}}',
      body: [
        'Hello,',
        '',
        'thank you: the {{report_kind}} of {{organisation_name}} for {{period}} has reached us',
        '(expenses in this report: {{total}}). We will review it and get back to you.',
        'Open the report: {{report_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  report_accepted: {
    outbox: 'grantee_report_accepted',
    record: 'grantee-reports',
    fields: [...REPORT_FIELDS, 'note'],
    required: [],
    sample: { ...REPORT_SAMPLE, note: 'Vielen Dank für die ausführliche Darstellung.' },
    de: {
      subject: 'Ihr {{report_kind}} ist angenommen',
      body: [
        'Guten Tag,',
        '',
        'das Programmteam hat den {{report_kind}} von {{organisation_name}} für {{period}} angenommen.{{#note}}',
        '',
        'Anmerkung: {{note}}{{/note}}',
        'Zum Bericht: {{report_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'Your {{report_kind}} is accepted',
      body: [
        'Hello,',
        '',
        'the programme team has accepted the {{report_kind}} of {{organisation_name}} for {{period}}.{{#note}}',
        '',
        'Note: {{note}}{{/note}}',
        'Open the report: {{report_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  report_returned: {
    outbox: 'grantee_report_returned',
    record: 'grantee-reports',
    fields: [...REPORT_FIELDS, 'note'],
    required: [],
    sample: { ...REPORT_SAMPLE, note: 'Bitte ergänzen Sie die Belege zu den Reisekosten.' },
    de: {
      subject: 'Ihr {{report_kind}} braucht noch Ergänzungen',
      body: [
        'Guten Tag,',
        '',
        'das Programmteam hat den {{report_kind}} von {{organisation_name}} für {{period}} zur Überarbeitung zurückgegeben:',
        '',
        '{{note}}',
        '',
        'Bitte ergänzen Sie den Bericht und reichen Sie ihn erneut ein.',
        'Zum Bericht: {{report_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'Your {{report_kind}} needs some additions',
      body: [
        'Hello,',
        '',
        'the programme team has returned the {{report_kind}} of {{organisation_name}} for {{period}} for revision:',
        '',
        '{{note}}',
        '',
        'Please complete the report and submit it again.',
        'Open the report: {{report_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  reminder: {
    outbox: 'grantee_report_reminder',
    record: 'grantee-reports',
    fields: [...REPORT_FIELDS, 'project_name', 'days_left', 'one_day_left', 'overdue', 'returned'],
    required: [],
    sample: { ...REPORT_SAMPLE, project_name: ORG.project_name, days_left: '3', one_day_left: '', overdue: '', returned: '' },
    de: {
      subject: '{{#overdue}}Überfällig: {{report_kind}} (fällig am {{due_on}}){{/overdue}}{{^overdue}}Erinnerung: {{report_kind}} fällig am {{due_on}}{{/overdue}}',
      body: [
        'Guten Tag,',
        '',
        'der {{report_kind}} von {{organisation_name}}{{#project_name}} zum Projekt „{{project_name}}“{{/project_name}} (Berichtszeitraum {{period}}) ' +
          '{{#overdue}}war am {{due_on}} fällig und ist noch nicht eingereicht{{/overdue}}' +
          '{{^overdue}}ist am {{due_on}} fällig (in {{#one_day_left}}einem Tag{{/one_day_left}}{{^one_day_left}}{{days_left}} Tagen{{/one_day_left}}){{/overdue}}.',
        '{{#returned}}Wir haben ihn mit einem Hinweis zurückgegeben; bitte überarbeiten Sie ihn und reichen Sie ihn erneut ein.{{/returned}}' +
          '{{^returned}}Bitte beschreiben Sie, was erreicht wurde, und erfassen Sie die Ausgaben mit ihren Belegen.{{/returned}}',
        'Zum Bericht: {{report_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: '{{#overdue}}Overdue: {{report_kind}} (due {{due_on}}){{/overdue}}{{^overdue}}Reminder: {{report_kind}} due on {{due_on}}{{/overdue}}',
      body: [
        'Hello,',
        '',
        'the {{report_kind}} of {{organisation_name}}{{#project_name}} for “{{project_name}}”{{/project_name}} (period {{period}}) ' +
          '{{#overdue}}was due on {{due_on}} and has not been submitted yet{{/overdue}}' +
          '{{^overdue}}is due on {{due_on}} (in {{#one_day_left}}1 day{{/one_day_left}}{{^one_day_left}}{{days_left}} days{{/one_day_left}}){{/overdue}}.',
        '{{#returned}}We returned it to you with a note; please revise it and submit it again.{{/returned}}' +
          '{{^returned}}Please describe what was achieved and record the expenses with their receipts.{{/returned}}',
        'Open the report: {{report_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  event_reminder: {
    outbox: 'event_reminder',
    record: 'users',
    fields: ['name', 'event_label', 'title', 'due_on', 'days_left', 'one_day_left', 'due_today', 'overdue', 'link'],
    required: ['title', 'due_on'],
    sample: { name: 'Petra Muster', event_label: 'Bewerbungsschluss', title: ORG.cohort_name, due_on: '31.03.2026', days_left: '7', one_day_left: '', due_today: '', overdue: '', link: `${SAMPLE_URL}application` },
    de: {
      subject: '{{#overdue}}Überfällig{{/overdue}}{{^overdue}}Erinnerung{{/overdue}}: {{event_label}} – {{title}} ({{due_on}})',
      body: [
        'Hallo {{name}},',
        '',
        '{{event_label}}: {{title}} – ' +
          '{{#overdue}}fällig war der {{due_on}}.{{/overdue}}' +
          '{{^overdue}}{{#due_today}}heute, am {{due_on}}.{{/due_today}}{{^due_today}}am {{due_on}} (in {{#one_day_left}}einem Tag{{/one_day_left}}{{^one_day_left}}{{days_left}} Tagen{{/one_day_left}}).{{/due_today}}{{/overdue}}',
        '{{#link}}Im Portal: {{link}}{{/link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: '{{#overdue}}Overdue{{/overdue}}{{^overdue}}Reminder{{/overdue}}: {{event_label}} – {{title}} ({{due_on}})',
      body: [
        'Hello {{name}},',
        '',
        '{{event_label}}: {{title}} – ' +
          '{{#overdue}}it was due on {{due_on}}.{{/overdue}}' +
          '{{^overdue}}{{#due_today}}today, {{due_on}}.{{/due_today}}{{^due_today}}on {{due_on}} (in {{#one_day_left}}1 day{{/one_day_left}}{{^one_day_left}}{{days_left}} days{{/one_day_left}}).{{/due_today}}{{/overdue}}',
        '{{#link}}In the portal: {{link}}{{/link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  follow_up_request: {
    outbox: 'follow_up_request',
    record: 'fellowships',
    fields: ['organisation_name', 'cohort_name', 'project_name', 'months', 'impact_link'],
    required: [],
    sample: { ...ORG, months: '12', impact_link: `${SAMPLE_URL}my-programme?fellowship_id=1` },
    de: {
      subject: 'Ihre Wirkung {{months}} Monate nach dem Programmjahr: {{cohort_name}}',
      body: [
        'Guten Tag,',
        '',
        'vor {{months}} Monaten endete das Programmjahr von {{organisation_name}} in „{{cohort_name}}“{{#project_name}} (Projekt „{{project_name}}“){{/project_name}}.',
        'Wir möchten gern wissen, was daraus geworden ist: Bitte tragen Sie die aktuellen Werte Ihrer Indikatoren als Nachbefragung ein',
        'und bringen Sie Ihre Transferstandorte auf den neuesten Stand. Das dauert nur wenige Minuten und hilft uns zu zeigen, was das Programm bewirkt.',
        'Zur Wirkung: {{impact_link}}',
        '',
        SIGN_DE,
      ].join('\n'),
    },
    en: {
      subject: 'Your impact {{months}} months after the programme year: {{cohort_name}}',
      body: [
        'Hello,',
        '',
        '{{months}} months have passed since the programme year of {{organisation_name}} in “{{cohort_name}}”{{#project_name}} (project “{{project_name}}”){{/project_name}} ended.',
        'We would like to know what has become of it: please enter the current values of your indicators as a follow-up',
        'and bring your transfer sites up to date. It takes only a few minutes and helps us show what the programme achieves.',
        'Update your impact: {{impact_link}}',
        '',
        SIGN_EN,
      ].join('\n'),
    },
  },
  alumni_consent_request: {
    outbox: 'alumni_consent_request',
    record: 'alumni-profiles',
    fields: ['organisation_name', 'cohort_name', 'profile_link'],
    required: [],
    sample: { organisation_name: ORG.organisation_name, cohort_name: ORG.cohort_name, profile_link: `${SAMPLE_URL}alumni-profiles` },
    de: {
      subject: 'Willkommen im Alumni-Netzwerk des openTransfer Accelerators',
      body: [
        'Guten Tag,',
        '',
        '{{organisation_name}} gehört nach „{{cohort_name}}“ jetzt zu den Alumni des openTransfer Accelerators.',
        'Wir haben für Sie ein Alumni-Profil angelegt. Es ist noch unsichtbar: Andere Alumni sehen es erst,',
        'wenn Sie zustimmen und die Sichtbarkeit einschalten. Tragen Sie dort ein, wobei Sie anderen helfen',
        'können (Angebote) und wobei Sie Unterstützung suchen (Bedarfe):',
        '{{profile_link}}',
        '',
        SIGN_DE,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
    en: {
      subject: 'Welcome to the alumni network of the openTransfer Accelerator',
      body: [
        'Hello,',
        '',
        'after “{{cohort_name}}”, {{organisation_name}} is now one of the alumni of the openTransfer Accelerator.',
        'We have created an alumni profile for you. It is still invisible: other alumni only see it',
        'once you consent and switch its visibility on. Enter there where you can help others',
        '(offers) and where you are looking for support (needs):',
        '{{profile_link}}',
        '',
        SIGN_EN,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
  },
  introduction_requested: {
    outbox: 'introduction_requested',
    record: 'introductions',
    fields: ['from_name', 'to_name', 'message', 'introductions_link'],
    required: [],
    sample: { from_name: 'Lesewelten e. V.', to_name: 'Stadtteilmütter gGmbH', message: '> Wir würden gern von Ihren Erfahrungen mit Ehrenamtlichen lernen.', introductions_link: `${SAMPLE_URL}introductions` },
    de: {
      subject: 'Vorstellungsanfrage von {{from_name}}',
      body: [
        'Guten Tag,',
        '',
        '{{from_name}} möchte {{to_name}} über das Alumni-Netzwerk kennenlernen und schreibt:',
        '',
        '{{message}}',
        '',
        'Ihre Kontaktdaten geben wir erst weiter, wenn Sie die Anfrage annehmen. Annehmen oder ablehnen:',
        '{{introductions_link}}',
        '',
        SIGN_DE,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
    en: {
      subject: 'Introduction request from {{from_name}}',
      body: [
        'Hello,',
        '',
        '{{from_name}} would like to get to know {{to_name}} through the alumni network and writes:',
        '',
        '{{message}}',
        '',
        'We only pass on your contact details once you accept the request. Accept or decline:',
        '{{introductions_link}}',
        '',
        SIGN_EN,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
  },
  introduction_accepted: {
    outbox: 'introduction_accepted',
    record: 'introductions',
    fields: [...INTRO_FIELDS, 'contact_email', 'contact_people'],
    required: [],
    sample: { from_name: 'Lesewelten e. V.', to_name: 'Stadtteilmütter gGmbH', note: '> Gern!', contact_email: 'kontakt@stadtteilmuetter.example', contact_people: '- Aylin Demir (Geschäftsführung), aylin@stadtteilmuetter.example' },
    de: {
      subject: '{{to_name}} hat Ihre Vorstellungsanfrage angenommen',
      body: [
        'Guten Tag,',
        '',
        '{{to_name}} freut sich über den Kontakt mit {{from_name}}.{{#note}}',
        '',
        '{{note}}{{/note}}',
        '',
        'So erreichen Sie die Organisation:{{#contact_email}}',
        'E-Mail: {{contact_email}}{{/contact_email}}{{#contact_people}}',
        'Ansprechpersonen:',
        '{{contact_people}}{{/contact_people}}',
        '',
        SIGN_DE,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
    en: {
      subject: '{{to_name}} has accepted your introduction request',
      body: [
        'Hello,',
        '',
        '{{to_name}} is glad to get in touch with {{from_name}}.{{#note}}',
        '',
        '{{note}}{{/note}}',
        '',
        'This is how you reach the organisation:{{#contact_email}}',
        'E-mail: {{contact_email}}{{/contact_email}}{{#contact_people}}',
        'Contact persons:',
        '{{contact_people}}{{/contact_people}}',
        '',
        SIGN_EN,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
  },
  introduction_declined: {
    outbox: 'introduction_declined',
    record: 'introductions',
    fields: INTRO_FIELDS,
    required: [],
    sample: { from_name: 'Lesewelten e. V.', to_name: 'Stadtteilmütter gGmbH', note: '> Im Moment fehlt uns leider die Zeit.' },
    de: {
      subject: 'Ihre Vorstellungsanfrage an {{to_name}}',
      body: [
        'Guten Tag,',
        '',
        '{{to_name}} kann Ihre Vorstellungsanfrage im Moment leider nicht annehmen.{{#note}}',
        '',
        '{{note}}{{/note}}',
        '',
        'Im Alumni-Verzeichnis finden Sie weitere Organisationen, die zu Ihren Bedarfen passen.',
        '',
        SIGN_DE,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
    en: {
      subject: 'Your introduction request to {{to_name}}',
      body: [
        'Hello,',
        '',
        '{{to_name}} cannot accept your introduction request at the moment.{{#note}}',
        '',
        '{{note}}{{/note}}',
        '',
        'In the alumni directory you will find other organisations that match your needs.',
        '',
        SIGN_EN,
        'Stiftung Bürgermut',
      ].join('\n'),
    },
  },
} satisfies Record<string, TemplateDefinition>;

export type EmailTemplateKey = keyof typeof EMAIL_TEMPLATES;
export const EMAIL_TEMPLATE_KEYS = Object.keys(EMAIL_TEMPLATES) as EmailTemplateKey[];

export const templateDefinition = (key: string): TemplateDefinition | undefined =>
  Object.hasOwn(EMAIL_TEMPLATES, key) ? (EMAIL_TEMPLATES as Record<string, TemplateDefinition>)[key] : undefined;

/** One row per key and language with the shipped text (migration 0024; tests after emptying the tables). */
export const shippedTemplateRows = (): Array<{ key: EmailTemplateKey; locale: TemplateLocale; subject: string; body: string }> =>
  EMAIL_TEMPLATE_KEYS.flatMap((key) => EMAIL_TEMPLATE_LOCALES.map((locale) => ({ key, locale, ...EMAIL_TEMPLATES[key][locale] })));
