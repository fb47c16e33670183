export type AllowedType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The type by content (magic bytes), never by file name or the browser's claim. */
export function sniffContentType(head: Uint8Array): AllowedType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}

/** Control characters, characters Windows forbids in names, and bidi overrides (`Rechnung<U+202E>fdp.exe`). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"<>|*?:\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu;
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });
const MAX_FILENAME_CHARACTERS = 200;

/**
 * A file name safe to store and to send back: the path and unsafe characters go, and so does
 * anything past 200 characters (cut between whole characters, so no emoji or accent is split).
 * Everything else stays byte for byte as uploaded — no Unicode normalisation, so a name typed on a
 * Mac (NFD) comes back exactly as the Mac sent it.
 */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE, '').trim();
  const cut = [...graphemes.segment(cleaned)].slice(0, MAX_FILENAME_CHARACTERS).map((s) => s.segment).join('').trim();
  return cut || 'anlage';
}
