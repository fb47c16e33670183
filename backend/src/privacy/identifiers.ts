/**
 * What anonymisation forgets, as text: the former names, e-mail addresses, phone numbers and IBANs
 * of an organisation and its people, found wherever they were written (free texts, JSON, arrays)
 * and replaced by a placeholder. Pure functions; the database side is forget.ts.
 */

export const PLACEHOLDER = '[anonymisiert]';

export interface FormerIdentity {
  /** People by first and last name (people rows, user names, their copies in the audit trail). */
  people: Array<{ first: string; last: string }>;
  /** Names forgotten as whole phrases: the organisation's names, account holders, single-word user names. */
  phrases: string[];
  emails: string[];
  phones: string[];
  ibans: string[];
}

export const emptyIdentity = (): FormerIdentity => ({ people: [], phrases: [], emails: [], phones: [], ibans: [] });

/** Adds what a stored record says about a person or an organisation (keys as in our tables). */
export function collectFrom(identity: FormerIdentity, record: Record<string, unknown>, options: { nameIsPerson?: boolean; nameIsPhrase?: boolean } = {}): void {
  const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  if (str('first_name') && str('last_name')) identity.people.push({ first: str('first_name'), last: str('last_name') });
  if (options.nameIsPerson && str('name')) addPersonName(identity, str('name'));
  if (options.nameIsPhrase && str('name')) identity.phrases.push(str('name'));
  if (str('account_holder')) identity.phrases.push(str('account_holder'));
  for (const key of ['email', 'contact_email', 'to']) if (str(key).includes('@')) identity.emails.push(str(key));
  if (str('phone')) identity.phones.push(str('phone'));
  if (str('iban')) identity.ibans.push(str('iban'));
}

/** "Petra Privat" → first "Petra", last "Privat"; a single word is forgotten as a phrase. */
function addPersonName(identity: FormerIdentity, name: string): void {
  const words = name.trim().split(/\s+/);
  if (words.length >= 2) identity.people.push({ first: words.slice(0, -1).join(' '), last: words.at(-1)! });
  else identity.phrases.push(name.trim());
}

const escapeJs = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Both Unicode spellings (composed ü and u + combining diaeresis), since texts arrive in either. */
const spellings = (s: string) => [...new Set([s.normalize('NFC'), s.normalize('NFD')])];
const words = (s: string) => s.trim().split(/\s+/).map(escapeJs).join('\\s+');

const LETTER = '[\\p{L}\\p{M}\\p{N}]';
const wordBounded = (p: string) => `(?<!${LETTER})(?:${p})(?!${LETTER})`;
/** Titles after which a bare surname still names the person ("Frau Privat", "Hr. Dr. Privat"). */
const SALUTATION = '(?:Herrn?|Frau|Hr\\.|Fr\\.|Dr\\.|Prof\\.|Mr\\.?|Mrs\\.?|Ms\\.?)';
/** Between first and last name: spaces, or the _ . - of file names and addresses (Petra_Privat.pdf). */
const NAME_SEPARATOR = '[\\s_.\\-]+';
const PHONE_SEPARATOR = '[\\s./()\\-]{0,3}';

/** A phone number written with or without separators, German numbers also with +49, 0049 or 0. */
function phonePattern(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return undefined;
  if (digits.length < 6) return `(?<!\\d)${escapeJs(phone.trim())}(?!\\d)`;
  const international = /^\s*(?:\+|00)/.test(phone);
  const german = international ? digits.replace(/^(?:00)?49/, '') : digits.replace(/^0(?!0)/, '');
  const isGerman = international ? /^(?:00)?49/.test(digits) : digits.startsWith('0');
  const body = (isGerman ? german : digits.replace(/^00/, '')).split('').join(PHONE_SEPARATOR);
  const prefix = isGerman ? `(?:(?:\\+|00)\\s*49${PHONE_SEPARATOR}(?:\\(0\\)${PHONE_SEPARATOR})?|0${PHONE_SEPARATOR})` : `(?:(?:\\+|00)\\s*)?`;
  return `(?<![\\d+])${prefix}${body}(?!\\d)`;
}

/** An IBAN compact or in groups of four, in any case. */
function ibanPattern(iban: string): string | undefined {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) return undefined;
  return `(?<![A-Za-z0-9])${compact.split('').join('\\s?')}(?![A-Za-z0-9])`;
}

function emailPattern(email: string): string | undefined {
  const e = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) return undefined;
  return `(?<![\\w.+\\-])${escapeJs(e)}(?![\\w\\-])`;
}

const unique = (list: string[]) => [...new Set(list.filter(Boolean))];
const wordsForPg = (s: string) => s.trim().split(/\s+/).map(caseless).join('\\s+');

/** One thing to forget: how it is found in a text (JavaScript, flags `giu`) and a looser PostgreSQL needle. */
export interface Identifier {
  kind: 'person' | 'phrase' | 'email' | 'phone' | 'iban';
  value: string;
  /** Alternatives of the JavaScript pattern (several spellings). */
  patterns: string[];
  /** A PostgreSQL pattern (for lower(text)) every match contains: it narrows the rows read back, JavaScript decides. */
  needle: string;
}

/** The identity as identifiers; values too short or malformed to find safely are left out. */
export function identifiersOf(identity: FormerIdentity): Identifier[] {
  const out: Identifier[] = [];
  for (const { first, last } of identity.people) {
    const patterns = spellings(first).flatMap((f) => spellings(last).flatMap((l) => [
      wordBounded(`${words(f)}${NAME_SEPARATOR}${words(l)}`), wordBounded(`${words(l)},\\s*${words(f)}`),
    ]));
    if (last.length >= 2) patterns.push(...spellings(last).map((l) => `(?<=${SALUTATION}\\s+(?:(?:Dr|Prof)\\.\\s+)*)${words(l)}(?!${LETTER})`));
    // Every pattern of a person contains the surname.
    out.push({ kind: 'person', value: `${first} ${last}`, patterns, needle: spellings(last).map(wordsForPg).join('|') });
  }
  for (const phrase of identity.phrases) {
    if (phrase.trim().length < 3) continue;
    out.push({ kind: 'phrase', value: phrase, patterns: spellings(phrase).map((p) => wordBounded(words(p))), needle: spellings(phrase).map(wordsForPg).join('|') });
  }
  for (const email of identity.emails) {
    const pattern = emailPattern(email);
    if (pattern) out.push({ kind: 'email', value: email.trim(), patterns: [pattern], needle: caseless(email.trim()) });
  }
  for (const phone of identity.phones) {
    const pattern = phonePattern(phone);
    // The last six digits (or all of a shorter number), with any separators, are part of every match.
    if (pattern) out.push({ kind: 'phone', value: phone.trim(), patterns: [pattern], needle: phone.replace(/\D/g, '').slice(-6).split('').join('[\\s./()-]*') });
  }
  for (const iban of identity.ibans) {
    const pattern = ibanPattern(iban);
    if (pattern) out.push({ kind: 'iban', value: iban, patterns: [pattern], needle: iban.replace(/\s+/g, '').toUpperCase().split('').map(caseless).join('\\s?') });
  }
  const seen = new Set<string>();
  return out.filter((i) => {
    const key = `${i.kind}:${i.patterns.join('|').toLowerCase()}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Drops identifiers that are also someone else's: a namesake's account, another organisation of
 * the same name (or one whose name contains this one), an address or IBAN another party uses. Those
 * values belong to that party too and stay; it also keeps an applicant from naming itself after
 * something common ("Stiftung Bürgermut") to have it erased from everyone's texts.
 */
export function withoutShared(identifiers: Identifier[], otherPartyValues: string[]): Identifier[] {
  return identifiers.filter((i) => {
    const pattern = new RegExp(i.patterns.join('|'), 'iu');
    return !otherPartyValues.some((v) => pattern.test(v));
  });
}

/**
 * Text for a PostgreSQL regular expression matched against `lower(column)`: ASCII letters in lower
 * case, other letters as [üÜ] (whether lower() folds them depends on the database's locale),
 * metacharacters escaped. Plain letters keep the pattern cheap to compile, which it is once per
 * anonymisation.
 */
function caseless(text: string): string {
  return [...text].map((c) => {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (/[a-z]/i.test(c)) return lower;
    if (lower !== upper && [...lower].length === 1 && [...upper].length === 1) return `[${lower}${upper}]`;
    return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
  }).join('');
}

export interface Scrubber {
  /** The text with every occurrence replaced by the placeholder. */
  text(value: string): string;
  /** Strings inside JSON values and arrays (keys included); numbers, booleans and null stay. */
  value(value: unknown): unknown;
  /**
   * A PostgreSQL pattern for `lower(text) ~ prefilter` (independent of the database's locale)
   * matching at least every text the scrubber changes; undefined when there is nothing to look for.
   */
  prefilter: string | undefined;
}

export function scrubberFor(identifiers: Identifier[]): Scrubber {
  // Longest first, so "Petra Privat" is replaced whole before "Frau Privat" could take a part of it.
  const patterns = unique(identifiers.flatMap((i) => i.patterns)).sort((a, b) => b.length - a.length);
  const pattern = patterns.length ? new RegExp(patterns.join('|'), 'giu') : undefined;
  const text = (value: string) => (pattern ? value.replace(pattern, PLACEHOLDER) : value);
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), value(x)]));
    return v;
  };
  const prefilter = identifiers.length ? unique(identifiers.map((i) => i.needle)).map((n) => `(${n})`).join('|') : undefined;
  return { text, value, prefilter };
}
