import FlagIcon from '@mui/icons-material/Flag';
import type { ResourceDef } from '../registry.tsx';
import { MilestoneList } from './MilestoneList.tsx';
import { MilestoneCreate, MilestoneEdit } from './MilestoneEdit.tsx';

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
