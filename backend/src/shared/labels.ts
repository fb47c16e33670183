import type { Locale } from './format.ts';

/**
 * The one catalogue of words for coded values: the console (`enums.<name>.<value>`, derived in
 * admin/src/i18n), the PDFs, the letters and the CSV exports all read a status, a legal form or a
 * format from here, so one value has the same words on every screen and paper. German first.
 * It is a shared layer and imports no feature: `backend/test/labels.test.ts` checks every
 * schema's list of values against it, so a value added to a schema without words here fails.
 */
export interface Label {
  de: string;
  en: string;
}

type Labels<V extends string | number> = Record<V, Label>;

const l = (de: string, en: string): Label => ({ de, en });

export const LABELS = {
  application_status: {
    draft: l('Entwurf', 'Draft'),
    submitted: l('Eingereicht', 'Submitted'),
    eligible: l('Förderfähig', 'Eligible'),
    ineligible: l('Nicht förderfähig', 'Not eligible'),
    shortlisted: l('Engere Wahl', 'Shortlisted'),
    selected: l('Ausgewählt', 'Selected'),
    waitlisted: l('Warteliste', 'Waitlisted'),
    rejected: l('Abgelehnt', 'Rejected'),
    withdrawn: l('Zurückgezogen', 'Withdrawn'),
  },
  cohort_phase: {
    draft: l('In Vorbereitung', 'In preparation'),
    call_open: l('Ausschreibung läuft', 'Call open'),
    review: l('Begutachtung', 'Review'),
    selection: l('Auswahl', 'Selection'),
    programme: l('Programm', 'Programme'),
    alumni: l('Alumni', 'Alumni'),
  },
  legal_form: {
    e_v: l('e. V.', 'registered association (e. V.)'),
    ggmbh: l('gGmbH', 'non-profit limited company (gGmbH)'),
    stiftung: l('Stiftung', 'Foundation'),
    genossenschaft: l('Genossenschaft', 'Cooperative'),
    other: l('Sonstige', 'Other'),
  },
  field: {
    education: l('Bildung', 'Education'),
    social: l('Soziales', 'Social'),
    environment: l('Umwelt', 'Environment'),
    health: l('Gesundheit', 'Health'),
    culture: l('Kultur', 'Culture'),
    integration: l('Integration', 'Integration'),
    democracy: l('Demokratie', 'Democracy'),
    other: l('Sonstiges', 'Other'),
  },
  transfer_model: {
    social_franchise: l('Social Franchise', 'Social franchise'),
    affiliation: l('Partnerschaft / Filialisierung', 'Affiliation / branches'),
    dissemination: l('Verbreitung (Open Source)', 'Dissemination (open source)'),
    licensing: l('Lizenzierung', 'Licensing'),
    other: l('Sonstiges', 'Other'),
  },
  fellowship_status: {
    active: l('Aktiv', 'Active'),
    completed: l('Abgeschlossen', 'Completed'),
    withdrawn: l('Vorzeitig beendet', 'Ended early'),
  },
  fellowship_stage: {
    1: l('Stufe 1 (Konzept)', 'Stage 1 (concept)'),
    2: l('Stufe 2 (Transfer)', 'Stage 2 (transfer)'),
  } satisfies Labels<1 | 2>,
  stage_gate: {
    passed: l('Freigegeben – Stufe 2', 'Approved – stage 2'),
    awaiting_approval: l('Eingereicht, Freigabe ausstehend', 'Submitted, awaiting approval'),
    open: l('Offen', 'Open'),
    missed: l('Verfehlt', 'Missed'),
    missing: l('Nicht angelegt', 'Not set up'),
  },
  milestone_kind: {
    transfer_concept: l('Transferkonzept (Stage-Gate)', 'Transfer concept (stage gate)'),
    demo_day: l('Demo Day', 'Demo Day'),
    other: l('Sonstiger Meilenstein', 'Other milestone'),
  },
  milestone_status: {
    open: l('Offen', 'Open'),
    achieved: l('Erreicht', 'Achieved'),
    missed: l('Verfehlt', 'Missed'),
  },
  /** Where a transfer site stands (DESIGN.md "Impact"): forward only, closed from any state. */
  transfer_site_status: {
    planned: l('Geplant', 'Planned'),
    preparing: l('In Vorbereitung', 'Preparing'),
    active: l('Aktiv', 'Active'),
    closed: l('Geschlossen', 'Closed'),
  },
  /** Surveys (DESIGN.md "Impact"). */
  survey_kind: {
    workshop_feedback: l('Workshop-Feedback', 'Workshop feedback'),
    programme_nps: l('Programm-NPS', 'Programme NPS'),
    custom: l('Eigene Umfrage', 'Custom survey'),
  },
  survey_question_type: {
    scale_1_5: l('Skala 1–5', 'Scale 1–5'),
    nps_0_10: l('Weiterempfehlung 0–10 (NPS)', 'Recommendation 0–10 (NPS)'),
    text: l('Freitext', 'Free text'),
    choice: l('Auswahl', 'Choice'),
  },
  survey_state: {
    upcoming: l('Noch nicht geöffnet', 'Not open yet'),
    open: l('Offen', 'Open'),
    closed: l('Beendet', 'Closed'),
  },
  disbursement_status: {
    planned: l('Geplant', 'Planned'),
    approved: l('Freigegeben', 'Approved'),
    paid: l('Ausgezahlt', 'Paid'),
    cancelled: l('Storniert', 'Cancelled'),
  },
  /** Cost categories of a budget plan (budget lines) and of the expenses against it. */
  indicator_direction: {
    increase: l('Mehr ist besser', 'Higher is better'),
    decrease: l('Weniger ist besser', 'Lower is better'),
  },
  indicator_value_kind: {
    baseline: l('Ausgangswert', 'Baseline'),
    progress: l('Zwischenstand', 'Progress'),
    follow_up: l('Nachbefragung', 'Follow-up'),
  },
  budget_category: {
    personnel: l('Personal', 'Personnel'),
    fees: l('Honorare', 'Fees'),
    travel: l('Reisekosten', 'Travel'),
    material: l('Sachkosten', 'Materials'),
    events: l('Veranstaltungen', 'Events'),
    overhead: l('Verwaltungskosten', 'Overheads'),
    other: l('Sonstiges', 'Other'),
  },
  grantee_report_kind: {
    interim: l('Zwischenbericht', 'Interim report'),
    final: l('Schlussbericht', 'Final report'),
  },
  grantee_report_status: {
    requested: l('Angefordert', 'Requested'),
    submitted: l('Eingereicht', 'Submitted'),
    returned: l('Zurückgegeben', 'Returned'),
    accepted: l('Angenommen', 'Accepted'),
  },
  /** What a review of a grantee report decided (its history). */
  grantee_report_outcome: {
    returned: l('Zur Überarbeitung zurückgegeben', 'Returned for rework'),
    accepted: l('Angenommen', 'Accepted'),
  },
  /** The funding overview's columns (console Förderübersicht, funder and funding PDFs). */
  funding_measure: {
    granted: l('Bewilligt', 'Granted'),
    planned: l('Geplant', 'Planned'),
    approved: l('Freigegeben', 'Approved'),
    paid: l('Ausgezahlt', 'Paid'),
    open: l('Offen', 'Open'),
    unplanned: l('Noch nicht verplant', 'Not yet planned'),
  },
  export_format: {
    csv: l('CSV (Buchhaltung)', 'CSV (bookkeeping)'),
    sepa: l('SEPA-XML (pain.001)', 'SEPA XML (pain.001)'),
  },
  workshop_kind: {
    workshop: l('Workshop', 'Workshop'),
    webinar: l('Webinar', 'Webinar'),
    barcamp: l('Barcamp', 'Barcamp'),
    networking: l('Netzwerktreffen', 'Networking'),
  },
  event_kind: {
    networking: l('Netzwerktreffen', 'Networking'),
    barcamp: l('Barcamp', 'Barcamp'),
  },
  attendance_status: {
    registered: l('Angemeldet', 'Registered'),
    attended: l('Anwesend', 'Attended'),
    absent: l('Gefehlt', 'Absent'),
    excused: l('Entschuldigt', 'Excused'),
  },
  coaching_format: {
    in_person: l('Vor Ort', 'In person'),
    video: l('Videocall', 'Video call'),
    phone: l('Telefon', 'Phone'),
  },
  budget_state: {
    ok: l('Im Rahmen', 'Within budget'),
    near: l('Fast ausgeschöpft', 'Nearly used up'),
    at_limit: l('Ausgeschöpft', 'Used up'),
    over: l('Überschritten', 'Exceeded'),
  },
  review_status: {
    assigned: l('In Arbeit', 'In progress'),
    submitted: l('Abgegeben', 'Submitted'),
    conflict: l('Interessenkonflikt', 'Conflict of interest'),
  },
  recommendation: {
    yes: l('Ja, fördern', 'Yes, fund'),
    maybe: l('Vielleicht', 'Maybe'),
    no: l('Nein', 'No'),
  },
  role: {
    admin: l('Administration', 'Admin'),
    staff: l('Programmteam', 'Programme staff'),
    jury: l('Jury', 'Jury'),
    coach: l('Coach', 'Coach'),
    applicant: l('Organisation', 'Applicant'),
    funder: l('Förderer', 'Funder'),
  },
  locale: {
    de: l('Deutsch', 'Deutsch'),
    en: l('English', 'English'),
  } satisfies Labels<Locale>,
  introduction_status: {
    requested: l('Angefragt', 'Requested'),
    accepted: l('Angenommen', 'Accepted'),
    declined: l('Abgelehnt', 'Declined'),
  },
  introduction_direction: {
    incoming: l('An uns', 'To us'),
    outgoing: l('Von uns', 'From us'),
  },
  report_kind: {
    funder: l('Bericht an die Förderpartnerin', 'Report to the funder'),
    selection: l('Auswahlbericht', 'Selection report'),
    funding: l('Förderbericht (Tranchen)', 'Funding report (tranches)'),
  },
  report_status: {
    draft: l('Entwurf', 'Draft'),
    issued: l('Ausgestellt', 'Issued'),
  },
  email_status: {
    queued: l('In der Warteschlange', 'Queued'),
    sent: l('Versandt', 'Sent'),
    failed: l('Fehlgeschlagen', 'Failed'),
  },
  /** The outbox's templates, and the decision letters among them (selection.letters.ts). */
  email_template: {
    application_receipt: l('Eingangsbestätigung', 'Application received'),
    application_withdrawn: l('Bewerbung zurückgezogen', 'Application withdrawn'),
    application_ineligible: l('Ergebnis der formalen Prüfung', 'Eligibility result'),
    decision_selected: l('Zusage', 'Acceptance'),
    decision_waitlisted: l('Warteliste', 'Waitlist'),
    decision_rejected: l('Absage', 'Rejection'),
    decision_offer: l('Nachrück-Angebot', 'Offer from the waitlist'),
    password_reset: l('Passwort zurücksetzen', 'Password reset'),
    register_confirm: l('Registrierung bestätigen', 'Confirm registration'),
    register_taken: l('Registrierung: Adresse schon vergeben', 'Registration: address already in use'),
    introduction_requested: l('Vorstellungsanfrage', 'Introduction request'),
    introduction_accepted: l('Vorstellung angenommen', 'Introduction accepted'),
    introduction_declined: l('Vorstellung abgelehnt', 'Introduction declined'),
    alumni_consent_request: l('Einwilligung Alumni-Profil', 'Alumni profile consent'),
    stage_gate_approved: l('Stufe 2 freigegeben', 'Stage 2 approved'),
    grantee_report_reminder: l('Erinnerung Verwendungsnachweis', 'Grantee report reminder'),
    event_reminder: l('Erinnerung', 'Reminder'),
    grantee_report_requested: l('Bericht angefordert', 'Report requested'),
    grantee_report_submitted: l('Bericht eingegangen', 'Report received'),
    grantee_report_accepted: l('Bericht angenommen', 'Report accepted'),
    grantee_report_returned: l('Bericht zurückgegeben', 'Report returned'),
    follow_up_request: l('Bitte um Nachbefragung', 'Follow-up request'),
    tranche_paid: l('Tranche ausgezahlt', 'Tranche paid'),
    mailing: l('Rundschreiben', 'Mailing'),
    mailing_test: l('Rundschreiben (Test)', 'Mailing (test)'),
  },
  /** Bulk mail (`mailings.status`, `mailings.audience.kind`). */
  mailing_status: {
    draft: l('Entwurf', 'Draft'),
    sending: l('Wird versandt', 'Sending'),
    sent: l('Versandt', 'Sent'),
  },
  mailing_audience: {
    applicants: l('Bewerbende', 'Applicants'),
    fellows: l('Fellows', 'Fellows'),
    alumni: l('Alumni', 'Alumni'),
    jurors: l('Jury mit offenen Bewertungen', 'Jurors with unfinished reviews'),
    coaches: l('Coaches', 'Coaches'),
  },
  /** What the audit trail records (`audit_events.action`). */
  audit_action: {
    create: l('Angelegt', 'Created'),
    update: l('Geändert', 'Updated'),
    delete: l('Gelöscht', 'Deleted'),
    register: l('Registriert', 'Registered'),
    confirm_registration: l('Registrierung bestätigt', 'Registration confirmed'),
    password_reset: l('Passwort zurückgesetzt', 'Password reset'),
    purge_unconfirmed: l('Unbestätigte Registrierung gelöscht', 'Unconfirmed registration purged'),
    submit: l('Eingereicht', 'Submitted'),
    withdraw: l('Zurückgezogen', 'Withdrawn'),
    'check-eligibility': l('Förderfähigkeit geprüft', 'Eligibility checked'),
    shortlist: l('In die engere Wahl genommen', 'Shortlisted'),
    interview: l('Interview erfasst', 'Interview recorded'),
    decide: l('Entschieden', 'Decided'),
    'order-waitlist': l('Warteliste geordnet', 'Waitlist ordered'),
    'offer-seat': l('Platz angeboten', 'Seat offered'),
    'accept-offer': l('Angebot beantwortet', 'Offer answered'),
    'finalize-selection': l('Auswahl abgeschlossen', 'Selection finalised'),
    transition: l('Phase gewechselt', 'Phase changed'),
    'assign-reviewers': l('Jury zugewiesen', 'Jurors assigned'),
    'copy-criteria': l('Kriterien übernommen', 'Criteria copied'),
    conflict: l('Interessenkonflikt gemeldet', 'Conflict declared'),
    'conflict-withdrawn': l('Interessenkonflikt zurückgenommen', 'Conflict withdrawn'),
    'approve-stage-gate': l('Stufe 2 freigegeben', 'Stage 2 approved'),
    approve: l('Freigegeben', 'Approved'),
    reset_approval: l('Freigabe zurückgesetzt', 'Approval reset'),
    bank_details_changed: l('Bankverbindung geändert', 'Bank details changed'),
    pay: l('Ausgezahlt', 'Paid'),
    cancel: l('Storniert', 'Cancelled'),
    export: l('Exportiert', 'Exported'),
    accept: l('Angenommen', 'Accepted'),
    return: l('Zur Überarbeitung zurückgegeben', 'Returned for rework'),
    decline: l('Abgelehnt', 'Declined'),
    issue: l('Ausgestellt', 'Issued'),
    anonymise: l('Anonymisiert', 'Anonymised'),
    send: l('Versandt', 'Sent'),
    test: l('Test versandt', 'Test sent'),
  },
  /** Entries of a fellowship's story (fellowships/FellowshipStory). */
  timeline: {
    application_submitted: l('Bewerbung eingereicht', 'Application submitted'),
    selected: l('Ausgewählt', 'Selected'),
    fellowship_started: l('Förderung begonnen', 'Fellowship started'),
    milestone_achieved: l('Meilenstein erreicht', 'Milestone achieved'),
    milestone_missed: l('Meilenstein verfehlt', 'Milestone missed'),
    milestone_due: l('Meilenstein fällig', 'Milestone due'),
    workshop_attended: l('Veranstaltung besucht', 'Event attended'),
    workshop_excused: l('Veranstaltung entschuldigt', 'Event excused'),
    workshop_absent: l('Veranstaltung gefehlt', 'Event missed'),
    workshop_registered: l('Angemeldet, nicht erfasst', 'Registered, not recorded'),
    workshop_missed: l('Pflichtveranstaltung verpasst', 'Mandatory event missed'),
    workshop_upcoming: l('Veranstaltung geplant', 'Event planned'),
    coaching_session: l('Coaching', 'Coaching'),
    tranche_paid: l('Tranche ausgezahlt', 'Tranche paid'),
    tranche_approved: l('Tranche freigegeben', 'Tranche approved'),
    tranche_planned: l('Tranche geplant', 'Tranche planned'),
  },
  /** Yes/no cells of tables and CSV files. */
  boolean: {
    true: l('ja', 'yes'),
    false: l('nein', 'no'),
  },
} as const;

/** What the funding overview's columns mean, under the table on screen and in the PDFs. */
export const FUNDING_LEGEND: Label = l(
  'Offen = bewilligt − ausgezahlt. Geplant, freigegeben und ausgezahlt zählen jede Tranche genau einmal; stornierte Tranchen zählen nicht.',
  'Open = granted − paid. Planned, approved and paid count every tranche exactly once; cancelled tranches do not count.',
);

export type EnumName = keyof typeof LABELS;

/**
 * The words for one value, in German by default; `–` for an empty value. An unknown value is
 * shown as it is rather than hidden (the browser walk catches it on screen).
 */
export function label(enumName: EnumName, value: string | number | boolean | null | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || value === '') return '–';
  const group = LABELS[enumName] as Record<string, Label>;
  const key = String(value);
  return Object.hasOwn(group, key) ? group[key][locale] : key;
}

/** The catalogue in one language, as the console's `enums` messages: `{ legal_form: { e_v: 'e. V.' } }`. */
export function enumMessages(locale: Locale): Record<EnumName, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(LABELS).map(([name, group]) => [name, Object.fromEntries(Object.entries(group as Record<string, Label>).map(([value, text]) => [value, text[locale]]))]),
  ) as Record<EnumName, Record<string, string>>;
}
