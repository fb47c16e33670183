import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const CoachingSessionList = lazyScreen(() => import('./CoachingSessionList.tsx'), (m) => m.CoachingSessionList);
const CoachingSessionEdit = lazyScreen(() => import('./CoachingSessionEdit.tsx'), (m) => m.CoachingSessionEdit);
const LogSessionForm = lazyScreen(() => import('./LogSessionForm.tsx'), (m) => m.LogSessionForm);

const coachingSessions: ResourceDef = {
  name: 'coaching-sessions',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: CoachingSessionList,
  edit: CoachingSessionEdit,
  create: LogSessionForm,
  icon: SupportAgentIcon,
  recordRepresentation: (r) => `${r.held_on} · ${r.organisation_name}`,
  menuLabel: { applicant: 'resources.programme.my_sessions' },
};
export default coachingSessions;
