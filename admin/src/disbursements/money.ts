/** The number locale of the console's language: German first (1.234,56 €, 07.12.2026), British English second. */
export const numberLocale = (locale: string | undefined) => (locale === 'en' ? 'en-GB' : 'de-DE');

/** Cents → "25.000,00 €" (EUR, German grouping) for the places that are not a react-admin field. */
export const formatEuro = (cents: number | null | undefined, locale = 'de-DE') =>
  cents == null ? '' : (cents / 100).toLocaleString(locale, { style: 'currency', currency: 'EUR' });

/** "2026-12-07" (a date without time) → "07.12.2026"; never shifted by a time zone. */
export const formatDay = (iso: string | null | undefined, locale = 'de-DE') => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return locale === 'en-GB' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
};

/**
 * "DE89370400440532013000" → "DE89 •••• •••• •••• 3000": country and check digits, the last four,
 * enough to compare with what the organisation told you, not enough to copy.
 */
export const maskIban = (iban: string | null | undefined) => {
  const clean = (iban ?? '').replace(/\s+/g, '').toUpperCase();
  if (clean.length < 9) return clean;
  const groups = Math.max(1, Math.floor((clean.length - 8) / 4));
  return [clean.slice(0, 4), ...Array<string>(groups).fill('••••'), clean.slice(-4)].join(' ');
};

/** Starts a download of an API file with the session cookie (same origin). */
export function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
