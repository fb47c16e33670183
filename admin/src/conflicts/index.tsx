import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import type { ResourceDef } from '../registry.tsx';
import { ConflictList } from './ConflictList.tsx';
import { ConflictCreate, ConflictEdit } from './ConflictEdit.tsx';

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
