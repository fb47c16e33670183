import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import germanMessages from 'ra-language-german';
import { featureMessages } from './features.ts';
import { raGerman } from './ra-german.ts';
import { emptyStateMessages } from './empty-states.ts';

type Messages = Record<string, any>;
type AnyMessages = any;

function deepMerge(...sources: Messages[]): Messages {
  const out: Messages = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      out[key] = value && typeof value === 'object' && !Array.isArray(value) ? deepMerge(out[key] ?? {}, value) : value;
    }
  }
  return out;
}

// English underneath German: a key react-admin adds in a new version is never shown raw.
const en = deepMerge(englishMessages, emptyStateMessages.en, ...featureMessages.map((m) => m.en));
const de = deepMerge(englishMessages, germanMessages, raGerman, emptyStateMessages.de, ...featureMessages.map((m) => m.de));
const messages: Record<"de" | "en", AnyMessages> = { de, en };

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('locale') : null;
const initialLocale: 'de' | 'en' = stored === 'en' ? 'en' : 'de';

const polyglot = polyglotI18nProvider((locale) => messages[locale as 'de' | 'en'] ?? de, initialLocale, [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
], { allowMissing: false });

const NAMESPACES = new Set(Object.keys(de));
/** A translation key (as opposed to a record's text passed through translate, e.g. a choice name). */
const isKey = (key: string) => /^[\w-]+(\.[\w-]+)+$/.test(key) && NAMESPACES.has(key.slice(0, key.indexOf('.')));
const hasKey = (tree: AnyMessages, key: string) => key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), tree) !== undefined;

/**
 * Keys asked for but absent in the current language, even when react-admin fell back to a default
 * (a humanised field name would otherwise hide a missing German label). The browser test reads
 * `window.__missingTranslations` on every screen.
 */
const missingTranslations = new Set<string>();
if (typeof window !== 'undefined') (window as unknown as { __missingTranslations: Set<string> }).__missingTranslations = missingTranslations;

export const i18nProvider = {
  ...polyglot,
  translate: (key: string, options?: any) => {
    if (isKey(key) && !hasKey(messages[polyglot.getLocale() as 'de' | 'en'] ?? de, key)) missingTranslations.add(`${polyglot.getLocale()}:${key}`);
    return polyglot.translate(key, options);
  },
};
