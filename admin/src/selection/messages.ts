import type { FeatureMessages } from '../i18n/types.ts';

/** Selection board, fellowships and milestones (German first). */
export const selectionMessages: FeatureMessages = {
  de: {
    enums: {
      cohort_phase: { draft: 'Entwurf', call_open: 'Ausschreibung offen', review: 'Begutachtung', selection: 'Auswahl', programme: 'Programm', alumni: 'Alumni' },
      application_status: {
        draft: 'Entwurf', submitted: 'eingereicht', eligible: 'förderfähig', ineligible: 'nicht förderfähig', shortlisted: 'Shortlist',
        selected: 'ausgewählt', waitlisted: 'Warteliste', rejected: 'abgelehnt', withdrawn: 'zurückgezogen',
      },
      fellowship_status: { active: 'aktiv', completed: 'abgeschlossen', withdrawn: 'vorzeitig beendet' },
      fellowship_stage: { 1: 'Stufe 1', 2: 'Stufe 2' },
      milestone_kind: { transfer_concept: 'Transferkonzept (Stage-Gate)', demo_day: 'Demo Day', other: 'Sonstiger Meilenstein' },
      milestone_status: { open: 'offen', achieved: 'erreicht', missed: 'verfehlt' },
      letter_template: { decision_selected: 'Zusage', decision_waitlisted: 'Warteliste', decision_rejected: 'Absage', decision_offer: 'Nachrück-Angebot' },
    },
    selection: {
      menu: 'Auswahl',
      title: 'Auswahl: %{name}',
      cohort: 'Jahrgang',
      no_cohort: 'Noch kein Jahrgang angelegt.',
      seats: '%{taken} von %{seats} Plätzen vergeben · %{left} frei',
      finalized: 'Freigegeben am %{date}: Entscheidungen und Briefe sind versandt.',
      internal: 'Entscheidungen sind intern, bis die Auswahl freigegeben wird.',
      ranking_missing: 'Noch kein Ranking verfügbar – sortiert nach Eingang.',
      bulk_name: 'alle %{count} Bewerbungen, die nicht auf der Shortlist stehen',
      columns: { rank: 'Rang', organisation: 'Organisation', project: 'Projekt', score: 'Punkte', status: 'Status', interview: 'Interview', reason: 'Begründung', waitlist: 'Warteliste', actions: 'Aktionen' },
      filter: { all: 'Alle', open: 'Offen', decided: 'Entschieden' },
      actions: {
        shortlist: 'Shortlist', interview: 'Interview', select: 'Auswählen', waitlist: 'Warteliste', reject: 'Ablehnen',
        up: 'Nach oben', down: 'Nach unten', preview: 'Briefe ansehen', finalize: 'Auswahl freigeben', save: 'Speichern', cancel: 'Abbrechen',
        accept_offer: 'Angebot annehmen', decline_offer: 'Angebot ablehnen', reject_rest: 'Übrige ablehnen (%{count})',
      },
      dialog: {
        decide: '%{decision}: %{name}',
        reason: 'Begründung (Pflicht; steht bei einer Absage im Brief)',
        interview: 'Telefoninterview: %{name}',
        interview_at: 'Datum und Uhrzeit',
        interview_notes: 'Notizen (intern)',
        finalize_title: 'Auswahl jetzt freigeben?',
        finalize_content: 'Es werden %{selected} Förderungen angelegt und %{letters} Entscheidungsbriefe verschickt. Danach lassen sich die Entscheidungen nicht mehr ändern.',
        letters: 'Entscheidungsbriefe (Vorschau)',
        to: 'An',
        no_recipient: 'keine E-Mail-Adresse hinterlegt',
      },
      done: { decided: 'Entscheidung gespeichert', finalized: 'Auswahl freigegeben', saved: 'Gespeichert' },
    },
    resources: {
      fellowships: {
        name: 'Förderung |||| Förderungen',
        fields: {
          organisation_id: 'Organisation', organisation_name: 'Organisation', cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', cohort_year: 'Jahr',
          application_id: 'Bewerbung', project_name: 'Projekt', coach_id: 'Coach / Transfer-Angel', coach_name: 'Coach / Transfer-Angel',
          grant_cents: 'Stipendium', coaching_hours_budget: 'Coaching-Stunden (Budget)', status: 'Status', stage: 'Stufe', goals: 'Ziele',
          transfer_concept_status: 'Transferkonzept', created_at: 'Angelegt', updated_at: 'Geändert', q: 'Suche',
        },
        actions: {
          approve_stage_gate: 'Stage-Gate freigeben (Stufe 2)', approve_confirm: 'Transferkonzept von %{name} freigeben? Die Förderung wechselt in Stufe 2.',
          approved: 'Stufe 2 freigegeben', withdraw: 'Förderung beenden', withdraw_reason: 'Grund für das vorzeitige Ende',
          withdrawn: 'Förderung beendet; der Platz wird der Warteliste angeboten.',
        },
        tabs: { overview: 'Überblick', milestones: 'Meilensteine' },
        coach_helper: 'Hauptamtliche Coaches und ehrenamtliche Transfer-Angels (Rolle „Coach“).',
      },
      milestones: {
        name: 'Meilenstein |||| Meilensteine',
        fields: {
          fellowship_id: 'Förderung', organisation_name: 'Organisation', title: 'Titel', kind: 'Art', due_on: 'Fällig am', status: 'Status',
          note: 'Notiz', achieved_at: 'Erreicht am', cohort_id: 'Jahrgang', stage: 'Stufe',
        },
      },
    },
  },
  en: {
    enums: {
      cohort_phase: { draft: 'Draft', call_open: 'Call open', review: 'Review', selection: 'Selection', programme: 'Programme', alumni: 'Alumni' },
      application_status: {
        draft: 'draft', submitted: 'submitted', eligible: 'eligible', ineligible: 'ineligible', shortlisted: 'shortlisted',
        selected: 'selected', waitlisted: 'waitlisted', rejected: 'rejected', withdrawn: 'withdrawn',
      },
      fellowship_status: { active: 'active', completed: 'completed', withdrawn: 'withdrawn early' },
      fellowship_stage: { 1: 'Stage 1', 2: 'Stage 2' },
      milestone_kind: { transfer_concept: 'Transfer concept (stage gate)', demo_day: 'Demo Day', other: 'Other milestone' },
      milestone_status: { open: 'open', achieved: 'achieved', missed: 'missed' },
      letter_template: { decision_selected: 'Acceptance', decision_waitlisted: 'Waitlist', decision_rejected: 'Rejection', decision_offer: 'Offer from waitlist' },
    },
    selection: {
      menu: 'Selection',
      title: 'Selection: %{name}',
      cohort: 'Cohort',
      no_cohort: 'No cohort yet.',
      seats: '%{taken} of %{seats} seats taken · %{left} left',
      finalized: 'Released on %{date}: decisions and letters have been sent.',
      internal: 'Decisions stay internal until the selection is released.',
      ranking_missing: 'No ranking available yet – ordered by submission.',
      bulk_name: 'all %{count} applications not on the shortlist',
      columns: { rank: 'Rank', organisation: 'Organisation', project: 'Project', score: 'Score', status: 'Status', interview: 'Interview', reason: 'Reason', waitlist: 'Waitlist', actions: 'Actions' },
      filter: { all: 'All', open: 'Open', decided: 'Decided' },
      actions: {
        shortlist: 'Shortlist', interview: 'Interview', select: 'Select', waitlist: 'Waitlist', reject: 'Reject',
        up: 'Move up', down: 'Move down', preview: 'Preview letters', finalize: 'Release selection', save: 'Save', cancel: 'Cancel',
        accept_offer: 'Accept offer', decline_offer: 'Decline offer', reject_rest: 'Reject the rest (%{count})',
      },
      dialog: {
        decide: '%{decision}: %{name}',
        reason: 'Reason (required; quoted in a rejection letter)',
        interview: 'Phone interview: %{name}',
        interview_at: 'Date and time',
        interview_notes: 'Notes (internal)',
        finalize_title: 'Release the selection now?',
        finalize_content: '%{selected} fellowships will be created and %{letters} decision letters sent. Decisions cannot be changed afterwards.',
        letters: 'Decision letters (preview)',
        to: 'To',
        no_recipient: 'no e-mail address on file',
      },
      done: { decided: 'Decision saved', finalized: 'Selection released', saved: 'Saved' },
    },
    resources: {
      fellowships: {
        name: 'Fellowship |||| Fellowships',
        fields: {
          organisation_id: 'Organisation', organisation_name: 'Organisation', cohort_id: 'Cohort', cohort_name: 'Cohort', cohort_year: 'Year',
          application_id: 'Application', project_name: 'Project', coach_id: 'Coach / Transfer-Angel', coach_name: 'Coach / Transfer-Angel',
          grant_cents: 'Grant', coaching_hours_budget: 'Coaching hours (budget)', status: 'Status', stage: 'Stage', goals: 'Goals',
          transfer_concept_status: 'Transfer concept', created_at: 'Created', updated_at: 'Updated', q: 'Search',
        },
        actions: {
          approve_stage_gate: 'Approve stage gate (stage 2)', approve_confirm: 'Approve the transfer concept of %{name}? The fellowship moves to stage 2.',
          approved: 'Stage 2 approved', withdraw: 'End fellowship', withdraw_reason: 'Reason for ending early',
          withdrawn: 'Fellowship ended; the seat is offered to the waitlist.',
        },
        tabs: { overview: 'Overview', milestones: 'Milestones' },
        coach_helper: 'Staff coaches and volunteer Transfer-Angels (role "coach").',
      },
      milestones: {
        name: 'Milestone |||| Milestones',
        fields: {
          fellowship_id: 'Fellowship', organisation_name: 'Organisation', title: 'Title', kind: 'Kind', due_on: 'Due on', status: 'Status',
          note: 'Note', achieved_at: 'Achieved on', cohort_id: 'Cohort', stage: 'Stage',
        },
      },
    },
  },
};
