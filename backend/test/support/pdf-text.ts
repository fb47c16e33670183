import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from './fixtures.ts';

/** Reading PDFs back in tests with poppler (pdftotext, pdftoppm): text, words with their boxes, layout, rendered pages. */
const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
let counter = 0;

function toFile(pdf: Buffer): string {
  const file = join(dir, `p${++counter}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Whitespace collapsed to single spaces (a wrapped cell reads as one line). */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The text in content order (pdftotext -raw). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', toFile(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text laid out as printed: a table row per line, columns apart by two or more spaces; pages split by \f. */
export function layoutText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', toFile(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface Word { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word with its page and box (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', toFile(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  html.split('<page ').slice(1).forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      words.push({ page: index + 1, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return words;
}

/** Renders every page to PNG with pdftoppm; returns the files in page order. */
export function renderPages(pdf: Buffer, name: string): string[] {
  const out = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(out, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', join(out, `${name}.pdf`), join(out, 'page')]);
  return readdirSync(out).filter((f) => f.endsWith('.png')).sort().map((f) => join(out, f));
}

export const pageCount = (pdf: Buffer) => Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]);

function binary(res: any, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** GETs a PDF through the API (200, application/pdf, %PDF- magic) and returns its bytes. */
export async function getPdf(agent: Agent, url: string): Promise<Buffer> {
  const res = await agent.get(url).buffer(true).parse(binary).expect(200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const body = res.body as Buffer;
  assert.equal(body.subarray(0, 5).toString(), '%PDF-');
  return body;
}

/** No date is broken over two lines and no € sign is parted from its amount. */
export function assertNoBrokenFigures(words: Word[], name: string): void {
  words.forEach((w, i) => {
    assert.ok(!/^\d{2}\.\d{2}\.\d{0,3}$/.test(w.text), `${name}: a broken date "${w.text}" on page ${w.page}`);
    if (w.text === '€') {
      const before = words[i - 1];
      assert.ok(before && before.page === w.page && Math.abs(before.yMin - w.yMin) < 1 && /^[-−]?[\d.]+,\d{2}$/.test(before.text), `${name}: € parted from its amount on page ${w.page} ("${before?.text}")`);
    }
  });
}
