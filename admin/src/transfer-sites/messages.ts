import type { FeatureMessages } from '../i18n/types.ts';

/** Transfer sites (Transferstandorte): list, forms, the fellowship's panel, the chart (German first). */
export const transferSiteMessages: FeatureMessages = {
  de: {
    resources: {
      'transfer-sites': {
        name: 'Transferstandort |||| Transferstandorte',
        fields: {
          fellowship_id: 'Förderung', organisation_name: 'Organisation', cohort_id: 'Jahrgang', name: 'Name des Standorts', city: 'Ort',
          state: 'Bundesland', transfer_model: 'Transfermodell', status: 'Status', opened_on: 'Eröffnet am', closed_on: 'Geschlossen am',
          created_at: 'Angelegt', updated_at: 'Geändert',
        },
        panel: {
          title: 'Transferstandorte', mine: 'Meine Transferstandorte', none: 'Noch keine Standorte eingetragen.', add: 'Standort hinzufügen',
          save: 'Standort speichern', cancel: 'Abbrechen', saved: 'Standort gespeichert', moved: 'Status geändert',
          move_to: 'Weiter: %{status}', close: 'Schließen', confirm_close: 'Den Standort „%{name}“ schließen? Das lässt sich nicht zurücknehmen.',
          since: 'seit %{date}', closed_since: 'geschlossen am %{date}', all: 'Alle Standorte',
        },
        chart: {
          title: 'Standorte nach Bundesland und Status', across: 'alle Jahrgänge', cohort: 'Jahrgang gefiltert', empty: 'Keine Standorte.',
          totals: '%{sites} Standorte · %{active} aktiv · in %{states} Bundesländern aktiv',
        },
      },
    },
  },
  en: {
    resources: {
      'transfer-sites': {
        name: 'Transfer site |||| Transfer sites',
        fields: {
          fellowship_id: 'Fellowship', organisation_name: 'Organisation', cohort_id: 'Cohort', name: 'Site name', city: 'City',
          state: 'Federal state', transfer_model: 'Transfer model', status: 'Status', opened_on: 'Opened on', closed_on: 'Closed on',
          created_at: 'Created', updated_at: 'Updated',
        },
        panel: {
          title: 'Transfer sites', mine: 'My transfer sites', none: 'No sites yet.', add: 'Add site',
          save: 'Save site', cancel: 'Cancel', saved: 'Site saved', moved: 'Status changed',
          move_to: 'Next: %{status}', close: 'Close', confirm_close: 'Close the site “%{name}”? This cannot be undone.',
          since: 'since %{date}', closed_since: 'closed on %{date}', all: 'All sites',
        },
        chart: {
          title: 'Sites by federal state and status', across: 'all cohorts', cohort: 'cohort filtered', empty: 'No sites.',
          totals: '%{sites} sites · %{active} active · active in %{states} federal states',
        },
      },
    },
  },
};
