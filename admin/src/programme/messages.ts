import type { FeatureMessages } from '../i18n/types.ts';

/** Programme year: workshops, attendance, coaching sessions, coach and fellow workspaces, fellowship story. */
export const programmeMessages: FeatureMessages = {
  de: {
    resources: {
      workshops: {
        name: 'Veranstaltung |||| Veranstaltungen',
        fields: {
          cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', title: 'Titel', kind: 'Art', starts_at: 'Beginn', ends_at: 'Ende', location: 'Ort',
          online_url: 'Online-Link', facilitator: 'Leitung', facilitator_id: 'Leitung (Benutzer)', recording_url: 'Aufzeichnung',
          description: 'Beschreibung', mandatory: 'Pflichttermin', registered_count: 'Angemeldet', attended_count: 'Anwesend',
          cap_per_organisation: 'Plätze je Organisation', upcoming: 'Nur kommende', q: 'Suche',
        },
        ics: 'Kalender (ICS)',
        ics_hint: 'Kalenderdatei (Europe/Berlin) für Outlook, Apple oder Google Kalender',
        marking: {
          title: 'Anwesenheit erfassen', save: 'Anwesenheit speichern', saved: 'Anwesenheit gespeichert', all_attended: 'Alle anwesend',
          add_person: 'Person hinzufügen', none: 'Noch niemand angemeldet.', not_started: 'Anwesenheit kann erst ab Beginn erfasst werden.',
        },
        cap: 'höchstens %{cap} Personen je Organisation',
      },
      attendances: {
        name: 'Anmeldung |||| Anmeldungen',
        fields: {
          workshop_id: 'Veranstaltung', workshop_title: 'Veranstaltung', workshop_starts_at: 'Termin', person_id: 'Person', person_name: 'Person',
          organisation_id: 'Organisation', organisation_name: 'Organisation', status: 'Status', cohort_id: 'Jahrgang',
        },
        register: 'Anmelden', excuse: 'Abmelden (entschuldigt)', registered: 'Angemeldet',
      },
      'coaching-sessions': {
        name: 'Coaching-Sitzung |||| Coaching-Sitzungen',
        fields: {
          fellowship_id: 'Fellowship', organisation_name: 'Organisation', organisation_id: 'Organisation', coach_id: 'Coach', coach_name: 'Coach',
          held_on: 'Datum', duration_minutes: 'Dauer (Minuten)', format: 'Format', topics: 'Themen', notes: 'Notizen', next_steps: 'Nächste Schritte',
          confidential: 'Vertraulich', content_hidden: 'Inhalt vertraulich', q: 'Suche', budget: 'Stundenbudget',
        },
        confidential_hint: 'Vertrauliche Notizen sehen nur Sie und die Administration – nicht das Programmteam, nicht die Organisation, auch nicht in Exporten, Suche oder Berichten.',
        hidden: 'vertraulich – Inhalt nur für den Coach',
        log: { title: 'Sitzung protokollieren', submit: 'Protokollieren', saved: 'Sitzung protokolliert', choose: 'Fellow auswählen' },
        budget: {
          used: '%{used} von %{budget} Std. genutzt (%{percent} %)', near: 'Das Coaching-Budget ist fast ausgeschöpft.',
          at_limit: 'Das Coaching-Budget ist ausgeschöpft. Weitere Sitzungen erst nach Erhöhung durch das Programmteam.',
          over: 'Das Coaching-Budget ist überschritten.', remaining: 'noch %{hours} Std.',
        },
        export: 'CSV-Export',
      },
      programme: {
        my_fellows: 'Meine Fellows', upcoming: 'Kommende Veranstaltungen', my_programme: 'Mein Programm', my_sessions: 'Meine Coaching-Sitzungen',
        my_milestones: 'Meine Meilensteine', calendar: 'Programmkalender', overview: 'Anwesenheitsübersicht', choose_cohort: 'Jahrgang wählen',
        organisation: 'Organisation', coaching: 'Coaching-Stunden', attendance: 'Anwesenheit', next_milestone: 'Nächster Meilenstein',
        below_rule: 'unter der Anwesenheitsregel (%{min} %)', ok_rule: 'Regel erfüllt', story: 'Verlauf', log_session: 'Sitzung protokollieren',
        no_fellowship: 'Ihre Organisation ist (noch) kein Fellow.', none: 'Keine Einträge.',
        next_report: { due: 'Bericht fällig am %{date}', overdue: 'Bericht überfällig seit %{date}', period: 'Berichtszeitraum %{start} – %{end}', open: 'Bericht öffnen' },
        flagged: '%{smart_count} Organisation unter der Anwesenheitsregel |||| %{smart_count} Organisationen unter der Anwesenheitsregel',
      },
      story: {
        title: 'Die ganze Geschichte', application: 'Bewerbung', scores: 'Bewertung der Jury', reviews: '%{smart_count} abgeschlossene Bewertung |||| %{smart_count} abgeschlossene Bewertungen',
        weighted: 'Gewichtete Punktzahl', recommendations: 'Empfehlungen: %{yes} ja · %{maybe} vielleicht · %{no} nein', in_progress: '%{smart_count} Bewertung in Arbeit |||| %{smart_count} Bewertungen in Arbeit',
        milestones: 'Meilensteine', attendance: 'Anwesenheit', attendance_line: '%{attended} von %{total} Pflichtterminen besucht (%{percent} %), Regel: %{min} %',
        coaching: 'Coaching', tranches: 'Tranchen', timeline: 'Zeitleiste', grant: 'Stipendium', paid: 'ausgezahlt', planned: 'geplant', approved: 'freigegeben',
        confidential_count: '%{smart_count} vertrauliche Sitzung |||| %{smart_count} vertrauliche Sitzungen', juror: 'Jurymitglied', empty: '—',
      },
    },
  },
  en: {
    resources: {
      workshops: {
        name: 'Event |||| Events',
        fields: {
          cohort_id: 'Cohort', cohort_name: 'Cohort', title: 'Title', kind: 'Kind', starts_at: 'Starts', ends_at: 'Ends', location: 'Location',
          online_url: 'Online link', facilitator: 'Facilitator', facilitator_id: 'Facilitator (user)', recording_url: 'Recording',
          description: 'Description', mandatory: 'Mandatory', registered_count: 'Registered', attended_count: 'Attended',
          cap_per_organisation: 'Seats per organisation', upcoming: 'Upcoming only', q: 'Search',
        },
        ics: 'Calendar (ICS)',
        ics_hint: 'Calendar file (Europe/Berlin) for Outlook, Apple or Google Calendar',
        marking: {
          title: 'Record attendance', save: 'Save attendance', saved: 'Attendance saved', all_attended: 'All attended',
          add_person: 'Add person', none: 'Nobody registered yet.', not_started: 'Attendance can be recorded once the event has begun.',
        },
        cap: 'at most %{cap} people per organisation',
      },
      attendances: {
        name: 'Registration |||| Registrations',
        fields: {
          workshop_id: 'Event', workshop_title: 'Event', workshop_starts_at: 'Date', person_id: 'Person', person_name: 'Person',
          organisation_id: 'Organisation', organisation_name: 'Organisation', status: 'Status', cohort_id: 'Cohort',
        },
        register: 'Register', excuse: 'Cancel (excused)', registered: 'Registered',
      },
      'coaching-sessions': {
        name: 'Coaching session |||| Coaching sessions',
        fields: {
          fellowship_id: 'Fellowship', organisation_name: 'Organisation', organisation_id: 'Organisation', coach_id: 'Coach', coach_name: 'Coach',
          held_on: 'Date', duration_minutes: 'Duration (minutes)', format: 'Format', topics: 'Topics', notes: 'Notes', next_steps: 'Next steps',
          confidential: 'Confidential', content_hidden: 'Content confidential', q: 'Search', budget: 'Hour budget',
        },
        confidential_hint: 'Confidential notes are seen by you and administrators only — not by programme staff or the organisation, not in exports, search or reports either.',
        hidden: 'confidential – content for the coach only',
        log: { title: 'Log a session', submit: 'Log session', saved: 'Session logged', choose: 'Choose fellow' },
        budget: {
          used: '%{used} of %{budget} h used (%{percent} %)', near: 'The coaching budget is nearly used up.',
          at_limit: 'The coaching budget is used up. More sessions only after programme staff raise it.',
          over: 'The coaching budget is exceeded.', remaining: '%{hours} h left',
        },
        export: 'CSV export',
      },
      programme: {
        my_fellows: 'My fellows', upcoming: 'Upcoming events', my_programme: 'My programme', my_sessions: 'My coaching sessions',
        my_milestones: 'My milestones', calendar: 'Programme calendar', overview: 'Attendance overview', choose_cohort: 'Choose cohort',
        organisation: 'Organisation', coaching: 'Coaching hours', attendance: 'Attendance', next_milestone: 'Next milestone',
        below_rule: 'below the attendance rule (%{min} %)', ok_rule: 'rule met', story: 'Story', log_session: 'Log a session',
        no_fellowship: 'Your organisation is not (yet) a fellow.', none: 'No entries.',
        next_report: { due: 'Report due on %{date}', overdue: 'Report overdue since %{date}', period: 'Reporting period %{start} – %{end}', open: 'Open report' },
        flagged: '%{smart_count} organisation below the attendance rule |||| %{smart_count} organisations below the attendance rule',
      },
      story: {
        title: 'The whole story', application: 'Application', scores: 'Jury scores', reviews: '%{smart_count} submitted review |||| %{smart_count} submitted reviews',
        weighted: 'Weighted score', recommendations: 'Recommendations: %{yes} yes · %{maybe} maybe · %{no} no', in_progress: '%{smart_count} review in progress |||| %{smart_count} reviews in progress',
        milestones: 'Milestones', attendance: 'Attendance', attendance_line: '%{attended} of %{total} mandatory events attended (%{percent} %), rule: %{min} %',
        coaching: 'Coaching', tranches: 'Tranches', timeline: 'Timeline', grant: 'Grant', paid: 'paid', planned: 'planned', approved: 'approved',
        confidential_count: '%{smart_count} confidential session |||| %{smart_count} confidential sessions', juror: 'Juror', empty: '—',
      },
    },
  },
};
