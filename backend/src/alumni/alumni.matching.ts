/**
 * Matching of alumni offers and needs. Offers and needs are free text in one agreed format:
 * topics separated by commas, semicolons, line breaks or bullets ("Ehrenamtsmanagement,
 * Fundraising, Social Franchise"). Each topic is normalised (case, umlauts, ß, hyphens),
 * mapped onto a canonical topic when it is a known synonym ("Freiwilligenmanagement" and
 * "volunteer management" are both `volunteer_management`), and otherwise reduced to German word
 * stems with stop words removed. Everything here is pure: no database, no clock.
 */

export interface Topic {
  /** The topic as the organisation wrote it (trimmed), shown in explanations. */
  label: string;
  /** Canonical synonym key, or the sorted stems joined by spaces. */
  key: string;
  stems: string[];
}

interface TopicMatch {
  offer: string;
  need: string;
}

export interface MatchCandidate {
  id: number;
  offers: string | null;
  needs: string | null;
}

export interface MatchResult {
  id: number;
  score: number;
  /** The candidate offers what the subject needs. */
  offers_to_me: TopicMatch[];
  /** The subject offers what the candidate needs. */
  needs_from_me: TopicMatch[];
}

/** How much "they can help me" outweighs "I can help them" in the score. */
const WEIGHT_THEIR_OFFERS = 2;
const WEIGHT_MY_OFFERS = 1;
const MAX_TOPICS = 40;

/**
 * Synonyms, written in normalised form (lower case, ä→ae, ö→oe, ü→ue, ß→ss, no spaces or hyphens).
 * A topic whose letters equal an entry becomes that canonical key.
 */
const SYNONYMS: Record<string, string[]> = {
  volunteer_management: [
    'ehrenamtsmanagement', 'freiwilligenmanagement', 'ehrenamtskoordination', 'freiwilligenkoordination',
    'volunteermanagement', 'volunteeringmanagement', 'ehrenamtlichengewinnung', 'ehrenamtsgewinnung',
    'freiwilligengewinnung', 'ehrenamtlichenmanagement', 'engagementfoerderung', 'ehrenamt', 'freiwilligenarbeit',
  ],
  fundraising: ['fundraising', 'spendenakquise', 'mittelakquise', 'spendengewinnung', 'spendensammlung', 'foerdermittelakquise', 'drittmittelakquise', 'spenden'],
  impact_measurement: [
    'wirkungsmessung', 'wirkungsorientierung', 'wirkungsanalyse', 'impactmeasurement', 'impactmessung',
    'wirkungsnachweis', 'evaluation', 'evaluierung', 'wirkungsmonitoring', 'socialreturnoninvestment', 'sroi',
  ],
  social_franchise: ['socialfranchise', 'socialfranchising', 'sozialfranchise', 'sozialesfranchising', 'franchise', 'franchising'],
  public_relations: ['oeffentlichkeitsarbeit', 'pressearbeit', 'publicrelations', 'pr', 'kommunikation', 'medienarbeit'],
  social_media: ['socialmedia', 'sozialemedien', 'onlinekommunikation'],
  digitalisation: ['digitalisierung', 'digitalization', 'digitalisation', 'digitaletools', 'itinfrastruktur'],
  organisational_development: ['organisationsentwicklung', 'organizationaldevelopment', 'organisationaldevelopment', 'oe'],
  finance: ['finanzen', 'finanzplanung', 'buchhaltung', 'controlling', 'finanzmanagement', 'finance'],
  human_resources: ['personal', 'personalgewinnung', 'personalentwicklung', 'recruiting', 'fachkraeftegewinnung', 'humanresources', 'hr'],
  legal: ['recht', 'rechtsfragen', 'gemeinnuetzigkeitsrecht', 'satzung', 'vereinsrecht', 'legal'],
  strategy: ['strategie', 'strategieentwicklung', 'strategy'],
  scaling: ['skalierung', 'scaling', 'wirkungstransfer', 'projekttransfer', 'transferstrategie'],
  partnerships: ['partnerschaften', 'kooperationen', 'partnergewinnung', 'kooperationspartner', 'partnerships'],
  public_funding: ['oeffentlichefoerderung', 'foerdermittel', 'zuwendungsrecht', 'oeffentlichemittel', 'publicfunding'],
};

const SYNONYM_INDEX = new Map<string, string>();
for (const [key, words] of Object.entries(SYNONYMS)) for (const w of words) SYNONYM_INDEX.set(w, key);

/** Words that carry no topic ("Hilfe bei der Wirkungsmessung" is about Wirkungsmessung). */
const STOP_WORDS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'einem', 'einen', 'und', 'oder', 'mit', 'fuer', 'von',
  'bei', 'beim', 'zu', 'zur', 'zum', 'im', 'in', 'am', 'an', 'auf', 'aus', 'als', 'wie', 'wir', 'unser', 'unsere', 'unseren',
  'suchen', 'bieten', 'brauchen', 'hilfe', 'unterstuetzung', 'erfahrung', 'erfahrungen', 'wissen', 'know', 'how', 'rund',
  'um', 'thema', 'themen', 'fragen', 'insbesondere', 'vor', 'allem', 'sowie', 'auch', 'neue', 'neuen', 'the', 'and', 'of',
  'for', 'with', 'to', 'a', 'an', 'our', 'wollen', 'moechten', 'koennen', 'sich', 'ist', 'sind', 'haben', 'mehr',
]);

/** Endings and what they become: plural nouns back to the singular, inflections dropped. */
const SUFFIXES: Array<[string, string]> = [
  ['ungen', 'ung'], ['heiten', 'heit'], ['keiten', 'keit'], ['schaften', 'schaft'], ['innen', ''], ['ionen', 'ion'],
  ['ion', 'ion'], ['ss', 'ss'], ['ern', ''], ['em', ''], ['en', ''], ['er', ''], ['es', ''], ['e', ''], ['s', ''], ['n', ''],
];

/** Lower case, umlauts spelled out, ß→ss, everything but letters and digits becomes a space. */
function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A light German stemmer: strips one inflection ending, keeping at least four letters. */
function stem(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

export function normaliseTopic(raw: string): Topic | undefined {
  const label = raw.trim().replace(/\s+/g, ' ');
  const folded = foldText(label);
  if (!folded) return undefined;
  const words = folded.split(' ');
  const compact = words.join('');
  const synonym = SYNONYM_INDEX.get(compact) ?? SYNONYM_INDEX.get(words.filter((w) => !STOP_WORDS.has(w)).join(''));
  if (synonym) return { label, key: synonym, stems: [synonym] };
  const stems = [...new Set(words.filter((w) => !STOP_WORDS.has(w)).map((w) => SYNONYM_INDEX.get(w) ?? stem(w)))].sort();
  if (stems.length === 0) return undefined;
  return { label, key: stems.join(' '), stems };
}

/** Splits the agreed format (comma, semicolon, line break, bullet separated) into distinct topics. */
export function parseTopics(text: string | null | undefined): Topic[] {
  if (!text) return [];
  const topics: Topic[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n\r•·|]+/)) {
    const topic = normaliseTopic(part);
    if (!topic || seen.has(topic.key)) continue;
    seen.add(topic.key);
    topics.push(topic);
    if (topics.length >= MAX_TOPICS) break;
  }
  return topics;
}

/**
 * An offer meets a need when both are the same canonical topic, or when every stem of one is
 * among the stems of the other ("Fundraising" meets "Fundraising bei Stiftungen").
 */
export function topicsMeet(offer: Topic, need: Topic): boolean {
  if (offer.key === need.key) return true;
  const [small, large] = offer.stems.length <= need.stems.length ? [offer.stems, need.stems] : [need.stems, offer.stems];
  return small.length > 0 && small.every((s) => large.includes(s));
}

function pairTopics(offers: Topic[], needs: Topic[]): TopicMatch[] {
  const pairs: TopicMatch[] = [];
  for (const need of needs) {
    for (const offer of offers) {
      if (topicsMeet(offer, need)) pairs.push({ offer: offer.label, need: need.label });
    }
  }
  return pairs;
}

/**
 * Ranks candidates for a subject: each of the candidate's offers that meets one of the subject's
 * needs counts WEIGHT_THEIR_OFFERS, each of the subject's offers that meets one of the
 * candidate's needs counts WEIGHT_MY_OFFERS. Candidates without any match are left out.
 * Ties: more "they offer what I need" first, then the given order (callers pass candidates sorted
 * by name), so the ranking is stable.
 */
export function rankMatches(subject: { offers: string | null; needs: string | null }, candidates: MatchCandidate[]): MatchResult[] {
  const myOffers = parseTopics(subject.offers);
  const myNeeds = parseTopics(subject.needs);
  const results: Array<MatchResult & { order: number }> = [];
  candidates.forEach((candidate, order) => {
    const offers_to_me = pairTopics(parseTopics(candidate.offers), myNeeds);
    const needs_from_me = pairTopics(myOffers, parseTopics(candidate.needs));
    const score = offers_to_me.length * WEIGHT_THEIR_OFFERS + needs_from_me.length * WEIGHT_MY_OFFERS;
    if (score > 0) results.push({ id: candidate.id, score, offers_to_me, needs_from_me, order });
  });
  results.sort((a, b) => b.score - a.score || b.offers_to_me.length - a.offers_to_me.length || a.order - b.order);
  return results.map(({ order, ...r }) => r);
}

/** One line per matched pair, as the API explains a match ("bietet: … ↔ sucht: …"). */
export function explain(result: Pick<MatchResult, 'offers_to_me' | 'needs_from_me'>): string[] {
  return [
    ...result.offers_to_me.map((m) => `bietet: ${m.offer} ↔ Sie suchen: ${m.need}`),
    ...result.needs_from_me.map((m) => `sucht: ${m.need} ↔ Sie bieten: ${m.offer}`),
  ];
}
