import type { FeatureMessages } from './types.ts';

/** Labels of the shared resources (users, organisations, people) and the app frame. */
export const coreMessages: FeatureMessages = {
  de: {
    app: {
      title: 'openTransfer Accelerator',
      language: 'Sprache',
      menu: { workspace: 'Arbeitsbereich' },
      roles: { admin: 'Administration', staff: 'Programmteam', jury: 'Jury', coach: 'Coaching', applicant: 'Organisation' },
      empty: 'Noch keine Einträge.',
      auth: { register_link: 'Noch kein Konto? Organisation registrieren', forgot_link: 'Passwort vergessen?' },
    },
    enums: {
      legal_form: { e_v: 'e. V.', ggmbh: 'gGmbH', stiftung: 'Stiftung', genossenschaft: 'Genossenschaft', other: 'Sonstige' },
      field: { education: 'Bildung', social: 'Soziales', environment: 'Umwelt', health: 'Gesundheit', culture: 'Kultur', integration: 'Integration', democracy: 'Demokratie', other: 'Sonstiges' },
      role: { admin: 'Admin', staff: 'Programmteam', jury: 'Jury', coach: 'Coach', applicant: 'Antragsteller:in' },
    },
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
      menu: { workspace: 'Workspace' },
      roles: { admin: 'Administration', staff: 'Programme team', jury: 'Jury', coach: 'Coaching', applicant: 'Organisation' },
      empty: 'No entries yet.',
      auth: { register_link: 'No account yet? Register your organisation', forgot_link: 'Forgot your password?' },
    },
    enums: {
      legal_form: { e_v: 'registered association (e. V.)', ggmbh: 'non-profit limited (gGmbH)', stiftung: 'foundation', genossenschaft: 'cooperative', other: 'other' },
      field: { education: 'Education', social: 'Social', environment: 'Environment', health: 'Health', culture: 'Culture', integration: 'Integration', democracy: 'Democracy', other: 'Other' },
      role: { admin: 'Admin', staff: 'Programme staff', jury: 'Jury', coach: 'Coach', applicant: 'Applicant' },
    },
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
