import HistoryIcon from '@mui/icons-material/History';
import type { ResourceDef } from '../registry.tsx';
import { AuditEventList } from './AuditEventList.tsx';
import { AuditEventShow } from './AuditEventShow.tsx';
import { AuditEventRepresentation } from './AuditFields.tsx';

/** Read-only for admins: the API has no create, edit or delete for the audit trail. */
const auditEvents: ResourceDef = {
  name: 'audit-events',
  roles: ['admin'],
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: <AuditEventRepresentation />,
};
export default auditEvents;
