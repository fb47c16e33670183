import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ResourceDef } from '../registry.tsx';
import { ReportCreate, ReportEdit, ReportList } from './ReportList.tsx';

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
