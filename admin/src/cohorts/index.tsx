import EventIcon from '@mui/icons-material/Event';
import RuleIcon from '@mui/icons-material/Rule';
import type { ResourceDef } from '../registry.tsx';
import { CohortCreate, CohortEdit, CohortList, CohortShow, CriterionCreate, CriterionEdit } from './CohortScreens.tsx';

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
