import { useLocaleState } from 'react-admin';
import { formatCount, formatMoney, formatNumber } from '../shared/format.ts';

/** The screen's number formats in the console's language (the server's formats: `1.234`, `1.234,56 €`). */
export function useOutcomeFormat() {
  const [locale] = useLocaleState();
  const value = (v: number | null | undefined) => formatNumber(v, locale, 2);
  return {
    value,
    count: (n: number) => formatCount(n, locale),
    euro: (cents: number | null | undefined) => formatMoney(cents, locale),
    /** Whole euros for the key figures and chart axes (`515.000 €`); the tables keep the cents. */
    wholeEuro: (cents: number | null | undefined) => formatMoney(cents, locale, { whole: true }),
    signed: (v: number | null | undefined) => (v != null && v > 0 ? `+${value(v)}` : value(v)),
  };
}
