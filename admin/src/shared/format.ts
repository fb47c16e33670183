import { useLocaleState } from 'react-admin';
import { localeTag } from '../../../backend/src/shared/format.ts';

/**
 * The console's formats are the server's (backend/src/shared/format.ts): the same `1.234,56 €`,
 * `07.12.2026`, `87,3 von 100` on screen as in the PDFs, letters and CSV files. Every function
 * takes the console's language (`de`/`en`, or the `de-DE`/`en-GB` tag).
 */
export {
  count as formatCount, date as formatDate, dateTime as formatDateTime, fileSize as formatFileSize, fixed as formatFixed,
  localeTag, money as formatMoney, number as formatNumber, zScore as formatZScore,
} from '../../../backend/src/shared/format.ts';

/** The browser's locale tag for the chosen console language (for the few MUI/Intl calls that want one). */
export const useIntlLocale = () => {
  const [locale] = useLocaleState();
  return localeTag(locale);
};
