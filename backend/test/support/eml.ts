/**
 * Reads a single-part RFC 5322 message (what the file mailbox writes) the way a mail program does:
 * unfolds the headers, decodes RFC 2047 encoded words and the body's transfer encoding. For
 * checking the files in tests; the messages themselves are built by nodemailer.
 */
export interface ParsedEml {
  /** Header values as written (lower-case names), unfolded. */
  raw: Record<string, string>;
  /** Header values with encoded words decoded. */
  headers: Record<string, string>;
  body: string;
}

const decodeWords = (value: string) =>
  value
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, kind: string, text: string) => {
      if (charset.toLowerCase() !== 'utf-8') throw new Error(`unexpected charset ${charset}`);
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replaceAll('_', ' '));
      return bytes.toString('utf8');
    });

function qpBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(out);
}

export function parseEml(source: string): ParsedEml {
  const split = source.search(/\r?\n\r?\n/);
  if (split < 0) throw new Error('no blank line between header and body');
  const head = source.slice(0, split);
  const rawBody = source.slice(split).replace(/^\r?\n\r?\n/, '');
  const raw: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name in raw) throw new Error(`header ${name} twice`);
    raw[name] = line.slice(colon + 1).trim();
  }
  const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeWords(v)]));
  const encoding = (raw['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const body =
    encoding === 'quoted-printable'
      ? qpBytes(rawBody.replace(/=\r?\n/g, '')).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(rawBody, 'base64').toString('utf8')
        : rawBody;
  return { raw, headers, body };
}
