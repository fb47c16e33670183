import EventIcon from '@mui/icons-material/Event';
import RuleIcon from '@mui/icons-material/Rule';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const CohortCreate = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CohortCreate);
const CohortEdit = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CohortEdit);
const CohortList = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CohortList);
const CohortShow = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CohortShow);
const CriterionCreate = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CriterionCreate);
const CriterionEdit = lazyScreen(() => import('./CohortScreens.tsx'), (m) => m.CriterionEdit);

const cohorts: ResourceDef = {
  name: 'cohorts',
  roles: ['admin', 'staff'],
  list: CohortList,
  show: CohortShow,
  edit: CohortEdit,
  create: CohortCreate,
  icon: EventIcon,
  recordRepresentation: 'name',
};

/** Criteria are edited from their cohort's page (no menu entry of their own). */
export const criteria: ResourceDef = {
  name: 'criteria',
  roles: ['admin', 'staff'],
  edit: CriterionEdit,
  create: CriterionCreate,
  icon: RuleIcon,
  recordRepresentation: 'name',
  hideFromMenu: true,
};

export default cohorts;
