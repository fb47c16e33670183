import type { Response } from 'express';

/** RFC 8187 attr-char: everything else in a `filename*` value is percent-encoded UTF-8. */
const encodeExtended = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The plain `filename` for old clients: printable ASCII without quote, backslash or percent. */
const asciiFallback = (value: string) => value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');

/**
 * Content-Disposition per RFC 6266: a quoted ASCII `filename` and always `filename*=UTF-8''…`,
 * which every current browser prefers, so a name such as `Förderantrag_Übersicht.pdf` or
 * `Отчёт.pdf` arrives byte for byte as stored.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtended(filename)}`;
}

/** Headers of a file download: its type, its name (RFC 6266) and no caching of personal data. */
export function setDownloadHeaders(res: Response, filename: string, contentType: string, disposition: 'attachment' | 'inline' = 'attachment'): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', contentDisposition(filename, disposition));
  res.setHeader('Cache-Control', 'no-store');
}
