import type { FeatureMessages } from '../i18n/types.ts';

/** Impact indicators and their values (German first). */
export const indicatorMessages: FeatureMessages = {
  de: {
    resources: {
      indicators: {
        name: 'Indikator |||| Indikatoren',
        fields: { cohort_id: 'Jahrgang', name: 'Name', unit: 'Einheit', description: 'Beschreibung', direction: 'Richtung', position: 'Reihenfolge' },
        tab: 'Indikatoren',
        add: 'Indikator hinzufügen',
        copy: 'Indikatoren aus Vorjahr übernehmen',
        copy_title: 'Indikatoren aus dem Vorjahr übernehmen?',
        copy_content: 'Die Indikatoren des letzten früheren Jahrgangs mit Indikatoren werden in diesen Jahrgang kopiert (Name, Einheit, Richtung, Reihenfolge).',
        copied: 'Indikatoren übernommen',
        locked: 'Seit das Programm läuft, stehen die Indikatoren fest.',
        move_up: 'Nach oben',
        move_down: 'Nach unten',
        actions: 'Aktionen',
      },
      'indicator-values': {
        name: 'Messwert |||| Messwerte',
        fields: {
          fellowship_id: 'Förderung', indicator_id: 'Indikator', indicator_name: 'Indikator', kind: 'Art', measured_on: 'Gemessen am', value: 'Wert',
          note: 'Notiz', unit: 'Einheit', organisation_name: 'Organisation', cohort_id: 'Jahrgang', created_at: 'Erfasst', updated_at: 'Geändert',
        },
        title: 'Wirkung',
        tab: 'Wirkung',
        add: 'Wert eintragen',
        baseline: 'Ausgangswert',
        latest: 'Aktuell',
        change: 'Veränderung',
        none: 'Noch keine Werte.',
        no_indicators: 'Für diesen Jahrgang sind keine Indikatoren festgelegt.',
        values: 'Alle Werte',
        note_helper: 'Wer einen Wert ändert, begründet die Korrektur hier; der alte Wert bleibt im Protokoll.',
      },
    },
  },
  en: {
    resources: {
      indicators: {
        name: 'Indicator |||| Indicators',
        fields: { cohort_id: 'Cohort', name: 'Name', unit: 'Unit', description: 'Description', direction: 'Direction', position: 'Order' },
        tab: 'Indicators',
        add: 'Add indicator',
        copy: "Copy last year's indicators",
        copy_title: "Copy last year's indicators?",
        copy_content: 'The indicators of the latest earlier cohort that has some are copied into this cohort (name, unit, direction, order).',
        copied: 'Indicators copied',
        locked: 'The indicators are fixed since the programme started.',
        move_up: 'Move up',
        move_down: 'Move down',
        actions: 'Actions',
      },
      'indicator-values': {
        name: 'Value |||| Values',
        fields: {
          fellowship_id: 'Fellowship', indicator_id: 'Indicator', indicator_name: 'Indicator', kind: 'Kind', measured_on: 'Measured on', value: 'Value',
          note: 'Note', unit: 'Unit', organisation_name: 'Organisation', cohort_id: 'Cohort', created_at: 'Entered', updated_at: 'Updated',
        },
        title: 'Impact',
        tab: 'Impact',
        add: 'Enter a value',
        baseline: 'Baseline',
        latest: 'Latest',
        change: 'Change',
        none: 'No values yet.',
        no_indicators: 'No indicators are defined for this cohort.',
        values: 'All values',
        note_helper: 'Changing a value? Explain the correction here; the old value stays in the log.',
      },
    },
  },
};
