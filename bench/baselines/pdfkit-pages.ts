import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { registerFonts } from '../../backend/src/pdf/fonts.ts';

/**
 * The baseline for `bench/programme-pdf.ts`: bare pdfkit writing the same pages with the same
 * text (the lines pdftotext read from programme.pdf, page by page) in the same embedded font, no
 * database, no layout logic, no charts. Run in a process of its own so its peak memory is its own;
 * prints `{ms: number[], maxRssMiB, idleRssMiB, bytes}` as JSON.
 */
const pages = JSON.parse(readFileSync(process.argv[2], 'utf8')) as string[][];
const runs = Number(process.argv[3] ?? 5);

function render(): Promise<number> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 64, left: 56, right: 56 }, autoFirstPage: false, bufferPages: true });
    registerFonts(doc);
    let bytes = 0;
    doc.on('data', (c: Buffer) => (bytes += c.length));
    doc.on('end', () => resolve(bytes));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage();
      doc.font('regular').fontSize(8);
      lines.forEach((line, i) => doc.text(line, 56, 72 + i * 10, { lineBreak: false }));
    }
    doc.end();
  });
}

const idleRssMiB = process.memoryUsage().rss / 2 ** 20;
await render();
const ms: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  bytes = await render();
  ms.push(performance.now() - started);
}
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, idleRssMiB, bytes }));
