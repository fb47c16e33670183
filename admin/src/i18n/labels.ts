import type { FeatureMessages } from './types.ts';
import { enumMessages, FUNDING_LEGEND } from '../../../backend/src/shared/labels.ts';

/**
 * The label catalogue (backend/src/shared/labels.ts) as the console's `enums.<name>.<value>`
 * messages: the words on screen are the words in the PDFs, letters and CSV files. Merged last, so
 * no feature's messages can give a value other words.
 */
export const labelMessages: FeatureMessages = {
  de: { enums: enumMessages('de'), resources: { disbursements: { funding: { legend: FUNDING_LEGEND.de } } } },
  en: { enums: enumMessages('en'), resources: { disbursements: { funding: { legend: FUNDING_LEGEND.en } } } },
};
