import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const FellowshipList = lazyScreen(() => import('./FellowshipList.tsx'), (m) => m.FellowshipList);
const FellowshipShow = lazyScreen(() => import('./FellowshipShow.tsx'), (m) => m.FellowshipShow);
const FellowshipEdit = lazyScreen(() => import('./FellowshipEdit.tsx'), (m) => m.FellowshipEdit);

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
