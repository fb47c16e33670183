import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const GranteeReportList = lazyScreen(() => import('./GranteeReportList.tsx'), (m) => m.GranteeReportList);
const GranteeReportShow = lazyScreen(() => import('./GranteeReportShow.tsx'), (m) => m.GranteeReportShow);
const GranteeReportCreate = lazyScreen(() => import('./GranteeReportEdit.tsx'), (m) => m.GranteeReportCreate);
const GranteeReportEdit = lazyScreen(() => import('./GranteeReportEdit.tsx'), (m) => m.GranteeReportEdit);

/**
 * Verwendungsnachweise: staff request and review them (the list is their queue), the fellow's
 * people write them (texts, expenses with receipts) and submit; the coach reads along.
 */
const granteeReports: ResourceDef = {
  name: 'grantee-reports',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: GranteeReportList,
  show: GranteeReportShow,
  create: GranteeReportCreate,
  edit: GranteeReportEdit,
  icon: AssignmentIcon,
  recordRepresentation: 'organisation_name',
};
export default granteeReports;
