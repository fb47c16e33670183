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
