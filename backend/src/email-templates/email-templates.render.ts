/* eslint-disable no-control-regex -- NUL marks the placeholders of merge values (a stored template never holds one) */
/**
 * The template language of the e-mail templates, a subset of Mustache: `{{field}}` inserts a merge
 * value, `{{#field}}…{{/field}}` keeps its content only when the value is not empty,
 * `{{^field}}…{{/field}}` only when it is. The body is Markdown (paragraphs, line breaks, `- ` lists,
 * `> ` quotes, `#` headings, `**bold**`, `[label](https://…)`); it is rendered to plain text (what the
 * outbox sends) and to HTML (the preview). Merge values are never read as Markdown or HTML: the
 * template is rendered with a placeholder per value, and the values go in last, HTML-escaped.
 *
 * Pure functions; no dependency (no Markdown or Mustache package is installed).
 */
export type MergeValues = Record<string, string | number | null | undefined>;

type Node = { t: 'text'; s: string } | { t: 'var'; name: string } | { t: 'section'; name: string; inverted: boolean; children: Node[] };

const NAME = /^[a-z][a-z0-9_]{0,49}$/;

class TemplateSyntaxError extends Error {}

/** Parses a template; throws TemplateSyntaxError naming what is broken. */
function parseTemplate(source: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ name: string; children: Node[] }> = [];
  let current = root;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    const text = open < 0 ? source.slice(i) : source.slice(i, open);
    if (text.includes('}}')) throw new TemplateSyntaxError('„}}“ ohne öffnendes „{{“.');
    if (text) current.push({ t: 'text', s: text });
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateSyntaxError(`„{{“ ohne schließendes „}}“: „${source.slice(open, open + 30)}“.`);
    const inner = source.slice(open + 2, close);
    const tag = /^\s*([#^/]?)\s*([^\s{}]*)\s*$/.exec(inner);
    if (!tag || !NAME.test(tag[2]!)) throw new TemplateSyntaxError(`Ungültiges Feld „{{${inner}}}“: erlaubt sind Namen aus Kleinbuchstaben, Ziffern und _.`);
    const [, sigil, name] = tag as unknown as [string, string, string];
    if (sigil === '#' || sigil === '^') {
      const section: Node = { t: 'section', name, inverted: sigil === '^', children: [] };
      current.push(section);
      stack.push({ name, children: current });
      current = section.children;
    } else if (sigil === '/') {
      const top = stack.pop();
      if (!top || top.name !== name) throw new TemplateSyntaxError(`„{{/${name}}}“ schließt keinen offenen Abschnitt.`);
      current = top.children;
    } else {
      current.push({ t: 'var', name });
    }
    i = close + 2;
  }
  const unclosed = stack.pop();
  if (unclosed) throw new TemplateSyntaxError(`Der Abschnitt „{{#${unclosed.name}}}“ wird nicht mit „{{/${unclosed.name}}}“ geschlossen.`);
  return root;
}

/** Every field a template names (inserted or as a section), and those it inserts. */
function templateFields(source: string): { named: Set<string>; inserted: Set<string> } {
  const named = new Set<string>();
  const inserted = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.t === 'var') {
        named.add(node.name);
        inserted.add(node.name);
      } else if (node.t === 'section') {
        named.add(node.name);
        walk(node.children);
      }
    }
  };
  walk(parseTemplate(source));
  return { named, inserted };
}

/**
 * What is wrong with a template, or null: broken syntax, a field that is not allowed, a required
 * field that is not inserted (a field only inside `{{#x}}` counts, `{{x}}` must appear).
 */
export function templateError(source: string, allowed: readonly string[], required: readonly string[] = []): string | null {
  let fields: ReturnType<typeof templateFields>;
  try {
    fields = templateFields(source);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error.message;
    throw error;
  }
  const unknown = [...fields.named].filter((f) => !allowed.includes(f));
  if (unknown.length) return `Unbekanntes Feld ${unknown.map((f) => `{{${f}}}`).join(', ')}; erlaubt: ${allowed.map((f) => `{{${f}}}`).join(', ')}.`;
  const missing = required.filter((f) => !fields.inserted.has(f));
  if (missing.length) return `Pflichtfeld ${missing.map((f) => `{{${f}}}`).join(', ')} fehlt.`;
  return null;
}

// A placeholder per merge value. NUL never occurs in a stored template (the schema refuses it), so
// the Markdown pass cannot mistake template text for a placeholder or the reverse.
const slot = (i: number) => `\u0000${i}\u0000`;
const SLOT = /\u0000(\d+)\u0000/g;

const present = (v: MergeValues[string]) => v !== null && v !== undefined && String(v) !== '';
const clean = (v: MergeValues[string]) => (present(v) ? String(v).replace(/\u0000/g, '') : '');

/** The template with sections resolved and each inserted value replaced by a placeholder. */
function expand(source: string, values: MergeValues): { text: string; slots: string[] } {
  const slots: string[] = [];
  const walk = (nodes: Node[]): string =>
    nodes
      .map((node) => {
        if (node.t === 'text') return node.s;
        if (node.t === 'var') {
          slots.push(clean(values[node.name]));
          return slot(slots.length - 1);
        }
        return present(values[node.name]) !== node.inverted ? walk(node.children) : '';
      })
      .join('');
  return { text: walk(parseTemplate(source)), slots };
}

const fill = (text: string, slots: string[], map: (value: string) => string = (v) => v) => text.replace(SLOT, (_m, i: string) => map(slots[Number(i)] ?? ''));

/** A subject: one line of plain text. */
export function renderSubject(source: string, values: MergeValues): string {
  const { text, slots } = expand(source, values);
  return fill(text, slots).replace(/\s*\n\s*/g, ' ').trim();
}

/** The plain-text body: the Markdown as written, links as "label (address)", bold marks dropped. */
export function renderText(source: string, values: MergeValues): string {
  const { text, slots } = expand(source, values);
  const plain = text
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1');
  return fill(plain, slots);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function inline(line: string): string {
  return escapeHtml(line)
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) =>
      SAFE_URL.test(href) || /^\u0000\d+\u0000$/.test(href) ? `<a href="${href}">${label}</a>` : whole);
}

function block(lines: string[]): string {
  if (lines.every((l) => /^[-*] /.test(l))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
  if (lines.every((l) => l.startsWith('>'))) return `<blockquote><p>${lines.map((l) => inline(l.replace(/^> ?/, ''))).join('<br>')}</p></blockquote>`;
  const heading = lines.length === 1 ? /^(#{1,3}) (.*)$/.exec(lines[0]!) : null;
  if (heading) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`;
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}

/** The HTML body: Markdown rendered, merge values escaped (line breaks kept, addresses linked). */
export function renderHtml(source: string, values: MergeValues): string {
  const { text, slots } = expand(source, values);
  const html = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(block)
    .join('\n');
  return html
    .replace(/href="\u0000(\d+)\u0000"/g, (_m, i: string) => {
      const value = slots[Number(i)] ?? '';
      return `href="${SAFE_URL.test(value) ? escapeHtml(value) : '#'}"`;
    })
    .replace(SLOT, (_m, i: string) => {
      const value = slots[Number(i)] ?? '';
      const escaped = escapeHtml(value).replace(/\n/g, '<br>');
      return /^https?:\/\/\S+$/.test(value) ? `<a href="${escaped}">${escaped}</a>` : escaped;
    });
}
