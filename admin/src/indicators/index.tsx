import InsightsIcon from '@mui/icons-material/Insights';
import StraightenIcon from '@mui/icons-material/Straighten';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const IndicatorCreate = lazyScreen(() => import('./IndicatorEdit.tsx'), (m) => m.IndicatorCreate);
const IndicatorEdit = lazyScreen(() => import('./IndicatorEdit.tsx'), (m) => m.IndicatorEdit);
const IndicatorValueCreate = lazyScreen(() => import('./IndicatorValueEdit.tsx'), (m) => m.IndicatorValueCreate);
const IndicatorValueEdit = lazyScreen(() => import('./IndicatorValueEdit.tsx'), (m) => m.IndicatorValueEdit);

/** Indicators are defined on their cohort's page (tab "Indikatoren"), not from the menu. */
export const indicators: ResourceDef = {
  name: 'indicators',
  roles: ['admin', 'staff'],
  edit: IndicatorEdit,
  create: IndicatorCreate,
  icon: StraightenIcon,
  recordRepresentation: 'name',
  hideFromMenu: true,
};

/** Values are entered from the fellowship's "Wirkung" tab (staff) and the fellow's programme page. */
export const indicatorValues: ResourceDef = {
  name: 'indicator-values',
  roles: ['admin', 'staff', 'applicant'],
  edit: IndicatorValueEdit,
  create: IndicatorValueCreate,
  icon: InsightsIcon,
  recordRepresentation: 'indicator_name',
  hideFromMenu: true,
};
