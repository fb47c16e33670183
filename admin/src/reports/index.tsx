import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ReportCreate = lazyScreen(() => import('./ReportList.tsx'), (m) => m.ReportCreate);
const ReportEdit = lazyScreen(() => import('./ReportList.tsx'), (m) => m.ReportEdit);
const ReportList = lazyScreen(() => import('./ReportList.tsx'), (m) => m.ReportList);

const reports: ResourceDef = {
  name: 'reports',
  roles: ['admin', 'staff'],
  list: ReportList,
  create: ReportCreate,
  edit: ReportEdit,
  icon: AssessmentIcon,
  recordRepresentation: 'title',
};
export default reports;
