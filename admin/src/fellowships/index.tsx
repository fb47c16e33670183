import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import type { ResourceDef } from '../registry.tsx';
import { FellowshipList } from './FellowshipList.tsx';
import { FellowshipShow } from './FellowshipShow.tsx';
import { FellowshipEdit } from './FellowshipEdit.tsx';

const fellowships: ResourceDef = {
  name: 'fellowships',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: FellowshipList,
  show: FellowshipShow,
  edit: FellowshipEdit,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'organisation_name',
};
export default fellowships;
