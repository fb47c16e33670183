import { createContext, useContext, useEffect } from 'react';
import type { PageDef, ResourceDef } from './registry.tsx';

export interface Features {
  resources: ResourceDef[];
  pages: PageDef[];
}

interface FeaturesState {
  features: Features | null;
  setFeatures: (features: Features) => void;
}

export const FeaturesContext = createContext<FeaturesState>({ features: null, setFeatures: () => undefined });

let loading: Promise<Features> | undefined;
/** The screens are one lazily loaded chunk: the login page ships without them. */
export const loadFeatures = () => (loading ??= import('./features.tsx'));

export const useFeatures = () => useContext(FeaturesContext).features;

/** Rendered inside the logged-in layout: starts loading the screens once someone is logged in. */
export const useLoadFeatures = () => {
  const { features, setFeatures } = useContext(FeaturesContext);
  useEffect(() => {
    if (!features) void loadFeatures().then(setFeatures);
  }, [features, setFeatures]);
  return features;
};
