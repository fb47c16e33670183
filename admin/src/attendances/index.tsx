import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const AttendanceList = lazyScreen(() => import('./AttendanceList.tsx'), (m) => m.AttendanceList);

const attendances: ResourceDef = {
  name: 'attendances',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: AttendanceList,
  icon: HowToRegIcon,
  hideFromMenu: true,
  recordRepresentation: 'person_name',
};
export default attendances;
