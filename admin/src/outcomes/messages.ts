import type { FeatureMessages } from '../i18n/types.ts';

/** The outcome dashboard "Wirkung" (German first). */
export const outcomeMessages: FeatureMessages = {
  de: {
    resources: {
      outcomes: {
        menu: 'Wirkung',
        title: 'Wirkung',
        tabs: { cohort: 'Je Jahrgang', compare: 'Jahrgänge im Vergleich' },
        cohort: 'Jahrgang',
        empty_cohorts: 'Noch keine Jahrgänge.',
        stats: {
          fellows: 'Fellows', sites_opened: 'Standorte eröffnet', sites_active: 'davon aktiv', follow_ups: 'Nachbefragungen',
          paid: 'Ausgezahlt', per_active_site: 'Ausgezahlt je aktivem Standort', withdrawn: '%{count} ausgeschieden',
          follow_up_fellows: 'von %{count} Fellows',
        },
        indicators: {
          title: 'Indikatoren: Ausgangswert → aktueller Stand',
          none: 'Für diesen Jahrgang sind keine Indikatoren festgelegt.',
          totals: 'Summe: %{baseline} → %{latest} (%{change} bei Fellows mit Ausgangswert) · %{reporting} von %{fellows} Fellows melden Werte',
          chart: 'Balkendiagramm %{name}: Ausgangswert und aktueller Stand je Fellow',
          baseline: 'Ausgangswert', latest: 'Aktueller Stand', change: 'Veränderung', organisation: 'Organisation',
          follow_up_12: 'Nachbefragung nach 12 Monaten', follow_up_24: 'Nachbefragung nach 24 Monaten', total: 'Summe',
          latest_kind: { baseline: 'Ausgangswert', progress: 'Zwischenstand', follow_up: 'Nachbefragung' },
        },
        compare: {
          from_year: 'Von Jahr', to_year: 'Bis Jahr', none: 'In diesen Jahren gibt es keine Jahrgänge.',
          chart: 'Standorte je Jahrgang', chart_label: 'Balkendiagramm: eröffnete und aktive Standorte je Jahrgang',
          money_chart: 'Ausgezahlt je aktivem Standort', money_chart_label: 'Balkendiagramm: ausgezahlte Fördermittel je aktivem Standort und Jahrgang',
          table: 'Kennzahlen je Jahrgang', total: 'Gesamt', not_measured: 'nicht erhoben',
        },
      },
    },
  },
  en: {
    resources: {
      outcomes: {
        menu: 'Outcomes',
        title: 'Outcomes',
        tabs: { cohort: 'Per cohort', compare: 'Cohorts compared' },
        cohort: 'Cohort',
        empty_cohorts: 'No cohorts yet.',
        stats: {
          fellows: 'Fellows', sites_opened: 'Sites opened', sites_active: 'still active', follow_ups: 'Follow-ups',
          paid: 'Paid out', per_active_site: 'Paid per active site', withdrawn: '%{count} withdrawn',
          follow_up_fellows: 'from %{count} fellows',
        },
        indicators: {
          title: 'Indicators: baseline → latest',
          none: 'No indicators are defined for this cohort.',
          totals: 'Total: %{baseline} → %{latest} (%{change} for fellows with a baseline) · %{reporting} of %{fellows} fellows report values',
          chart: 'Bar chart %{name}: baseline and latest value per fellow',
          baseline: 'Baseline', latest: 'Latest', change: 'Change', organisation: 'Organisation',
          follow_up_12: 'Follow-up after 12 months', follow_up_24: 'Follow-up after 24 months', total: 'Total',
          latest_kind: { baseline: 'baseline', progress: 'progress', follow_up: 'follow-up' },
        },
        compare: {
          from_year: 'From year', to_year: 'To year', none: 'There are no cohorts in these years.',
          chart: 'Sites per cohort', chart_label: 'Bar chart: sites opened and active per cohort',
          money_chart: 'Paid per active site', money_chart_label: 'Bar chart: grant money paid per active site and cohort',
          table: 'Figures per cohort', total: 'Total', not_measured: 'not measured',
        },
      },
    },
  },
};
