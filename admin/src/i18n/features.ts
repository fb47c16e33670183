import type { FeatureMessages } from './types.ts';
import { coreMessages } from './core.ts';

/**
 * Each feature keeps its own translations next to its screens (admin/src/<resource>/messages.ts)
 * and adds one line here.
 */
export const featureMessages: FeatureMessages[] = [coreMessages];
