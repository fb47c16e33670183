import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ConflictList = lazyScreen(() => import('./ConflictList.tsx'), (m) => m.ConflictList);
const ConflictCreate = lazyScreen(() => import('./ConflictEdit.tsx'), (m) => m.ConflictCreate);
const ConflictEdit = lazyScreen(() => import('./ConflictEdit.tsx'), (m) => m.ConflictEdit);

const conflicts: ResourceDef = {
  name: 'conflicts',
  roles: ['admin', 'staff', 'jury'],
  list: ConflictList,
  create: ConflictCreate,
  edit: ConflictEdit,
  icon: GppMaybeIcon,
  recordRepresentation: 'organisation_name',
};
export default conflicts;

/** Lookup for the organisation picker (names of current applicants only); no screens of its own. */
export const conflictCandidates: ResourceDef = {
  name: 'conflict-candidates',
  roles: ['admin', 'staff', 'jury'],
  recordRepresentation: 'name',
  hideFromMenu: true,
};
