export interface FeatureMessages {
  de: Record<string, any>;
  en: Record<string, any>;
}
