import FlagIcon from '@mui/icons-material/Flag';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const MilestoneList = lazyScreen(() => import('./MilestoneList.tsx'), (m) => m.MilestoneList);
const MilestoneCreate = lazyScreen(() => import('./MilestoneEdit.tsx'), (m) => m.MilestoneCreate);
const MilestoneEdit = lazyScreen(() => import('./MilestoneEdit.tsx'), (m) => m.MilestoneEdit);

const milestones: ResourceDef = {
  name: 'milestones',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: MilestoneList,
  edit: MilestoneEdit,
  create: MilestoneCreate,
  icon: FlagIcon,
  recordRepresentation: 'title',
};
export default milestones;
