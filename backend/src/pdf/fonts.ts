import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Unicode TrueType fonts for every PDF the system writes. The 14 standard PDF fonts only know
 * WinAnsi, so names in Cyrillic, Greek, Polish, Turkish or Vietnamese would come out as garbage;
 * DejaVu (npm package `dejavu-fonts-ttf`) covers all of them. pdfkit embeds only the glyphs used.
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
  italic: join(fontDir, 'DejaVuSans-Oblique.ttf'),
  light: join(fontDir, 'DejaVuSans-ExtraLight.ttf'),
} as const;

export type FontName = keyof typeof FONT_FILES;

let cache: Record<FontName, Buffer> | undefined;

/** The font files, read once per process. */
export function fontBuffers(): Record<FontName, Buffer> {
  cache ??= Object.fromEntries(Object.entries(FONT_FILES).map(([k, path]) => [k, readFileSync(path)])) as Record<FontName, Buffer>;
  return cache;
}

/** Registers the fonts on a pdfkit document under the names `regular`, `bold`, `italic`, `light` and selects `regular`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, buffer] of Object.entries(fontBuffers())) doc.registerFont(name, buffer);
  doc.font('regular');
}
