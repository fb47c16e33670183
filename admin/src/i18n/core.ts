import type { FeatureMessages } from './types.ts';

/** Labels of the shared resources (users, organisations, people) and the app frame. */
export const coreMessages: FeatureMessages = {
  de: {
    app: {
      title: 'openTransfer Accelerator',
      language: 'Sprache',
      menu: {
        workspace: 'Arbeitsbereich', home: 'Startseite', jury_progress: 'Jury-Fortschritt', my_conflicts: 'Interessenkonflikte',
        log_session: 'Coaching-Sitzungen', my_organisation: 'Meine Organisation', my_tranches: 'Meine Tranchen', alumni_directory: 'Alumni-Verzeichnis',
        groups: {
          call: 'Ausschreibung', jury: 'Jury & Auswahl', programme: 'Programm', funding: 'Förderung', alumni: 'Alumni',
          reports: 'Berichte & System', more: 'Weitere', my_jury: 'Meine Jury-Arbeit', my_coaching: 'Mein Coaching',
          my_organisation: 'Meine Organisation', network: 'Netzwerk',
        },
      },
      home: {
        title: 'Startseite',
        hello: 'Willkommen, %{name}',
        jury: {
          intro: 'Hier sehen Sie Ihre zugewiesenen Bewerbungen und wie weit Ihre Bewertung ist.',
          progress: 'Mein Fortschritt', all_assignments: 'Alle meine Bewerbungen', none: 'Ihnen sind noch keine Bewerbungen zugewiesen.',
          submitted_of: '%{done} von %{total} Bewertungen abgegeben', conflicts: 'Interessenkonflikte', declare_conflict: 'Konflikt melden',
          conflicts_count: 'Gemeldete Interessenkonflikte: %{count}',
          conflicts_hint: 'Kennen Sie eine Organisation persönlich, melden Sie den Konflikt: Sie bekommen die Bewerbung dann nicht zugewiesen.',
          next: 'Als Nächstes bewerten', all_done: 'Alles bewertet – vielen Dank!',
        },
        coach: {
          intro: 'Ihre Fellows, Ihre Coaching-Stunden und die nächsten Veranstaltungen.',
          fellows: 'Meine Fellows', log_session: 'Sitzung erfassen', all_fellows: 'Alle Fellows', no_fellows: 'Ihnen sind noch keine Fellows zugeordnet.',
          hours: '%{used} von %{budget} Stunden', workshops: 'Nächste Workshops', all_workshops: 'Alle Workshops', no_workshops: 'Keine anstehenden Workshops.',
        },
        applicant: {
          intro: 'Ihre Bewerbung, Ihr Programmjahr und das Alumni-Netzwerk an einem Ort.',
          application: 'Meine Bewerbung', continue: 'Bewerbung bearbeiten', open: 'Bewerbung ansehen', no_application: 'Sie haben sich noch nicht beworben.',
          offer: 'Ein Platz ist frei geworden: Wir bieten ihn Ihnen an. Bitte nehmen Sie ihn an oder lehnen Sie ihn ab.', answer_offer: 'Angebot beantworten',
          call_open: 'Die Ausschreibung „%{name}“ läuft bis %{deadline}.', programme: 'Mein Programm', to_programme: 'Zum Programm',
          fellow_of: 'Sie sind Fellow im Jahrgang %{cohort}.', alumni_of: 'Ihre Organisation gehört zu den Alumni des Jahrgangs %{cohort}.',
          withdrawn_of: 'Ihre Förderung im Jahrgang %{cohort} wurde vorzeitig beendet.', grant: 'Stipendium: %{amount}',
          no_call: 'Zurzeit ist keine Ausschreibung offen: Eine Bewerbung ist erst mit der nächsten Ausschreibung möglich.',
          next_call: 'Die nächste Ausschreibung („%{name}“) soll am %{date} öffnen.', no_programme: 'Das Programm beginnt, sobald Ihre Organisation ausgewählt ist.',
          network: 'Alumni-Netzwerk', directory: 'Alumni-Verzeichnis', events: 'Alumni-Veranstaltungen',
          network_hint: 'Ehemalige Fellows helfen einander: Finden Sie Organisationen, die Ihre Fragen schon gelöst haben.',
        },
      },
      list_empty: { title: 'Noch keine %{name}', hint: 'Hier erscheinen die Einträge, sobald es welche gibt.', create: 'Legen Sie den ersten Eintrag an.' },
      roles: { admin: 'Administration', staff: 'Programmteam', jury: 'Jury', coach: 'Coaching', applicant: 'Organisation', funder: 'Förderer' },
      empty: 'Noch keine Einträge.',
      auth: {
        register_link: 'Noch kein Konto? Organisation registrieren', forgot_link: 'Passwort vergessen?',
        unconfirmed: 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.', resend_link: 'Bestätigungslink erneut senden',
        logout_everywhere: 'Auf allen Geräten abmelden',
        logout_everywhere_confirm: 'Alle Sitzungen dieses Zugangs werden beendet – auch auf anderen Geräten und Browsern, ohne Rückfrage dort. Danach melden Sie sich hier neu an.',
      },
    },
    ra: { navigation: { 'start-ellipsis': 'weitere Seiten', 'end-ellipsis': 'weitere Seiten' } },
    resources: {
      users: {
        name: 'Benutzer |||| Benutzer',
        fields: { email: 'E-Mail', name: 'Name', role: 'Rolle', organisation_id: 'Organisation', active: 'Aktiv', locale: 'Sprache', password: 'Passwort', last_login_at: 'Letzte Anmeldung', created_at: 'Angelegt' },
      },
      organisations: {
        name: 'Organisation |||| Organisationen',
        fields: {
          name: 'Name', legal_form: 'Rechtsform', charitable_status: 'Gemeinnützigkeit bestätigt', tax_exemption_valid_until: 'Freistellungsbescheid gültig bis',
          street: 'Straße', postal_code: 'PLZ', city: 'Ort', state: 'Bundesland', website: 'Website', email: 'E-Mail', phone: 'Telefon',
          founded_year: 'Gründungsjahr', staff_count: 'Mitarbeitende', annual_budget_cents: 'Jahresbudget', field: 'Handlungsfeld',
          description: 'Beschreibung', iban: 'IBAN', bic: 'BIC', account_holder: 'Kontoinhaber', created_at: 'Angelegt', updated_at: 'Geändert', q: 'Suche',
        },
        tabs: { profile: 'Profil', address: 'Adresse', bank: 'Bankverbindung', people: 'Personen' },
      },
      people: {
        name: 'Person |||| Personen',
        fields: { organisation_id: 'Organisation', first_name: 'Vorname', last_name: 'Nachname', email: 'E-Mail', phone: 'Telefon', role_title: 'Funktion', q: 'Suche' },
      },
    },
  },
  en: {
    app: {
      title: 'openTransfer Accelerator',
      language: 'Language',
      menu: {
        workspace: 'Workspace', home: 'Home', jury_progress: 'Jury progress', my_conflicts: 'Conflicts of interest',
        log_session: 'Coaching sessions', my_organisation: 'My organisation', my_tranches: 'My tranches', alumni_directory: 'Alumni directory',
        groups: {
          call: 'Call', jury: 'Jury & selection', programme: 'Programme', funding: 'Funding', alumni: 'Alumni',
          reports: 'Reports & system', more: 'More', my_jury: 'My jury work', my_coaching: 'My coaching',
          my_organisation: 'My organisation', network: 'Network',
        },
      },
      home: {
        title: 'Home',
        hello: 'Welcome, %{name}',
        jury: {
          intro: 'Your assigned applications and how far your scoring has come.',
          progress: 'My progress', all_assignments: 'All my applications', none: 'No applications have been assigned to you yet.',
          submitted_of: '%{done} of %{total} reviews submitted', conflicts: 'Conflicts of interest', declare_conflict: 'Declare a conflict',
          conflicts_count: 'Declared conflicts of interest: %{count}',
          conflicts_hint: 'If you know an organisation personally, declare the conflict: it will not be assigned to you.',
          next: 'Score next', all_done: 'Everything is scored – thank you!',
        },
        coach: {
          intro: 'Your fellows, your coaching hours and the next events.',
          fellows: 'My fellows', log_session: 'Log a session', all_fellows: 'All fellows', no_fellows: 'No fellows are assigned to you yet.',
          hours: '%{used} of %{budget} hours', workshops: 'Next workshops', all_workshops: 'All workshops', no_workshops: 'No upcoming workshops.',
        },
        applicant: {
          intro: 'Your application, your programme year and the alumni network in one place.',
          application: 'My application', continue: 'Edit application', open: 'View application', no_application: 'You have not applied yet.',
          offer: 'A place has become free and we are offering it to you. Please accept or decline it.', answer_offer: 'Answer the offer',
          call_open: 'The call “%{name}” is open until %{deadline}.', programme: 'My programme', to_programme: 'Go to programme',
          fellow_of: 'You are a fellow of cohort %{cohort}.', alumni_of: 'Your organisation is an alumnus of cohort %{cohort}.',
          withdrawn_of: 'Your fellowship in cohort %{cohort} ended early.', grant: 'Grant: %{amount}',
          no_call: 'No call is open at the moment: you can apply once the next call opens.',
          next_call: 'The next call (“%{name}”) is planned to open on %{date}.', no_programme: 'The programme starts once your organisation is selected.',
          network: 'Alumni network', directory: 'Alumni directory', events: 'Alumni events',
          network_hint: 'Former fellows help each other: find organisations that have already solved your questions.',
        },
      },
      list_empty: { title: 'No %{name} yet', hint: 'Entries appear here as soon as there are any.', create: 'Create the first one.' },
      roles: { admin: 'Administration', staff: 'Programme team', jury: 'Jury', coach: 'Coaching', applicant: 'Organisation', funder: 'Funder' },
      empty: 'No entries yet.',
      auth: {
        register_link: 'No account yet? Register your organisation', forgot_link: 'Forgot your password?',
        unconfirmed: 'Please confirm your e-mail address first, using the link we sent you.', resend_link: 'Send the confirmation link again',
        logout_everywhere: 'Sign out on all devices',
        logout_everywhere_confirm: 'Every session of this login ends – on other devices and browsers too, without a warning there. You then sign in here again.',
      },
    },
    ra: { navigation: { 'start-ellipsis': 'more pages', 'end-ellipsis': 'more pages' } },
    resources: {
      users: {
        name: 'User |||| Users',
        fields: { email: 'E-mail', name: 'Name', role: 'Role', organisation_id: 'Organisation', active: 'Active', locale: 'Language', password: 'Password', last_login_at: 'Last login', created_at: 'Created' },
      },
      organisations: {
        name: 'Organisation |||| Organisations',
        fields: {
          name: 'Name', legal_form: 'Legal form', charitable_status: 'Charitable status confirmed', tax_exemption_valid_until: 'Tax exemption valid until',
          street: 'Street', postal_code: 'Postal code', city: 'City', state: 'State', website: 'Website', email: 'E-mail', phone: 'Phone',
          founded_year: 'Founded', staff_count: 'Staff', annual_budget_cents: 'Annual budget', field: 'Field',
          description: 'Description', iban: 'IBAN', bic: 'BIC', account_holder: 'Account holder', created_at: 'Created', updated_at: 'Updated', q: 'Search',
        },
        tabs: { profile: 'Profile', address: 'Address', bank: 'Bank account', people: 'People' },
      },
      people: {
        name: 'Person |||| People',
        fields: { organisation_id: 'Organisation', first_name: 'First name', last_name: 'Last name', email: 'E-mail', phone: 'Phone', role_title: 'Role', q: 'Search' },
      },
    },
  },
};
