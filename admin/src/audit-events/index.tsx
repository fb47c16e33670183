import HistoryIcon from '@mui/icons-material/History';
import type { ResourceDef } from '../registry.tsx';
import { AuditEventRepresentation } from './AuditFields.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const AuditEventList = lazyScreen(() => import('./AuditEventList.tsx'), (m) => m.AuditEventList);
const AuditEventShow = lazyScreen(() => import('./AuditEventShow.tsx'), (m) => m.AuditEventShow);

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
