import EventIcon from '@mui/icons-material/Event';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const AlumniEventList = lazyScreen(() => import('./AlumniEventScreens.tsx'), (m) => m.AlumniEventList);
const AlumniEventShow = lazyScreen(() => import('./AlumniEventScreens.tsx'), (m) => m.AlumniEventShow);

const alumniEvents: ResourceDef = {
  name: 'alumni-events',
  roles: ['admin', 'staff', 'applicant'],
  list: AlumniEventList,
  show: AlumniEventShow,
  icon: EventIcon,
  recordRepresentation: 'title',
};
export default alumniEvents;
