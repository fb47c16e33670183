import type { FeatureMessages } from '../i18n/types.ts';

/** Grant agreement (Fördervertrag): signed date, budget plan, PDF (German first). */
export const agreementMessages: FeatureMessages = {
  de: {
    resources: {
      'budget-lines': {
        name: 'Finanzplanzeile |||| Finanzplanzeilen',
        fields: {
          fellowship_id: 'Förderung', organisation_name: 'Organisation', category: 'Kostenkategorie', planned_cents: 'Geplant', note: 'Erläuterung',
          grant_cents: 'Stipendium', cohort_id: 'Jahrgang', created_at: 'Angelegt', updated_at: 'Geändert',
        },
        planned_helper: 'Alle Zeilen zusammen höchstens so viel wie das Stipendium.',
        agreement: {
          title: 'Fördervertrag',
          tab: 'Fördervertrag',
          pdf: 'Fördervertrag (PDF)',
          signed: 'Unterschrieben am %{date}.',
          unsigned: 'Der Fördervertrag ist noch nicht unterschrieben. Bis das Datum eingetragen ist, kann keine Tranche freigegeben werden.',
          signed_helper: 'Tag der Unterschrift (nicht in der Zukunft)',
          saved: 'Datum der Unterschrift gespeichert',
          budget: 'Finanzplan',
          planned_of_grant: '%{planned} von %{grant} verplant · frei %{left}',
          no_lines: 'Noch keine Zeilen im Finanzplan.',
          total: 'Summe',
          actions: 'Aktionen',
          add_line: 'Zeile hinzufügen',
          confirm_delete: 'Die Zeile „%{category}“ aus dem Finanzplan löschen?',
        },
      },
      fellowships: {
        fields: { agreement_signed_on: 'Fördervertrag unterschrieben am', budget_planned_cents: 'Finanzplan (Summe)' },
      },
    },
  },
  en: {
    resources: {
      'budget-lines': {
        name: 'Budget line |||| Budget lines',
        fields: {
          fellowship_id: 'Fellowship', organisation_name: 'Organisation', category: 'Cost category', planned_cents: 'Planned', note: 'Explanation',
          grant_cents: 'Grant', cohort_id: 'Cohort', created_at: 'Created', updated_at: 'Updated',
        },
        planned_helper: 'All lines together at most the grant.',
        agreement: {
          title: 'Grant agreement',
          tab: 'Grant agreement',
          pdf: 'Grant agreement (PDF)',
          signed: 'Signed on %{date}.',
          unsigned: 'The grant agreement is not signed yet. No tranche can be approved until the date is entered.',
          signed_helper: 'Day of signature (not in the future)',
          saved: 'Date of signature saved',
          budget: 'Budget plan',
          planned_of_grant: '%{planned} of %{grant} planned · %{left} left',
          no_lines: 'No lines in the budget plan yet.',
          total: 'Total',
          actions: 'Actions',
          add_line: 'Add line',
          confirm_delete: 'Delete the line “%{category}” from the budget plan?',
        },
      },
      fellowships: {
        fields: { agreement_signed_on: 'Grant agreement signed on', budget_planned_cents: 'Budget plan (total)' },
      },
    },
  },
};
