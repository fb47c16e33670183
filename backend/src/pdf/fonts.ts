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

const FONT_FILES = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
  italic: join(fontDir, 'DejaVuSans-Oblique.ttf'),
  light: join(fontDir, 'DejaVuSans-ExtraLight.ttf'),
} as const;

type FontName = keyof typeof FONT_FILES;

let cache: Record<FontName, Buffer> | undefined;

/** The font files, read once per process. */
function fontBuffers(): Record<FontName, Buffer> {
  cache ??= Object.fromEntries(Object.entries(FONT_FILES).map(([k, path]) => [k, readFileSync(path)])) as Record<FontName, Buffer>;
  return cache;
}

/**
 * fontkit fonts parsed once per process (pdfkit takes a parsed fontkit font as well as a file):
 * parsing DejaVu's tables again for every document cost about 0.3 s per PDF. Each document still
 * builds its own subset, so sharing the parsed fonts is safe. Loaded through pdfkit's own fontkit.
 */
interface ParsedFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): ParsedFont };
let parsed: Record<FontName, ParsedFont> | undefined;

/** Latin (with combining marks), Greek, Cyrillic, Latin Extended Additional (Vietnamese), general punctuation and €. */
const PRIMED = (cp: number) => cp <= 0x052f || (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2000 && cp <= 0x20cf);

/**
 * fontkit caches a glyph with the code points of its first request. A glyph first reached as a
 * component of another (Latin "E" inside Greek "Ε", "A" inside "Ä") is cached with none, and
 * pdfkit then writes no text mapping for it: the letter vanishes from copied or extracted text in
 * every later document of the process. Asking for these glyphs by code point first (~10 ms per
 * font, once) gives each its code point.
 */
function parse(buffer: Buffer): ParsedFont {
  const font = fontkit.create(buffer);
  for (const cp of font.characterSet) if (PRIMED(cp)) font.glyphForCodePoint(cp);
  return font;
}

/** Registers the fonts on a pdfkit document under the names `regular`, `bold`, `italic`, `light` and selects `regular`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  parsed ??= Object.fromEntries(Object.entries(fontBuffers()).map(([k, buffer]) => [k, parse(buffer)])) as Record<FontName, ParsedFont>;
  for (const [name, font] of Object.entries(parsed)) doc.registerFont(name, font as unknown as Buffer);
  doc.font('regular');
}

/** Ends a document and collects it into one Buffer. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
