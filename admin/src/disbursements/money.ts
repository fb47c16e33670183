/** Cents → "25.000,00 €" (EUR, German grouping) for the places that are not a react-admin field. */
export const formatEuro = (cents: number | null | undefined, locale = 'de-DE') =>
  cents == null ? '' : (cents / 100).toLocaleString(locale, { style: 'currency', currency: 'EUR' });

/** Starts a download of an API file with the session cookie (same origin). */
export function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
