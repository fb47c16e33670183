import { useLocaleState } from 'react-admin';
import type { DashboardData } from '../../../backend/src/dashboard/dashboard.schema.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';

/** JSON turns the API's Date fields into strings. */
export type Dashboard = Omit<DashboardData, 'cohort'> & { cohort: (Omit<NonNullable<DashboardData['cohort']>, 'application_opens_at' | 'application_closes_at'>) | null };

/** The dashboard's numbers in the console's language, through the one formatter (shared/format). */
export function useDashboardFormat() {
  const [locale] = useLocaleState();
  return {
    euro: (euros: number) => formatMoney(Math.round(euros * 100), locale, { whole: true }),
    number: (value: number) => formatNumber(value, locale),
    day: (value: string) => formatDate(value, locale),
  };
}
