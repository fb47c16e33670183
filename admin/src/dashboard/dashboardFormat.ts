import type { DashboardData } from '../../../backend/src/dashboard/dashboard.queries.ts';

/** JSON turns the API's Date fields into strings. */
export type Dashboard = Omit<DashboardData, 'cohort'> & { cohort: (Omit<NonNullable<DashboardData['cohort']>, 'application_opens_at' | 'application_closes_at'>) | null };

export const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const dayFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
export const shortDay = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y.slice(2)}`;
};
export const number = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });
