import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { ResourceDef } from '../registry.tsx';
import { CoachingSessionList } from './CoachingSessionList.tsx';
import { CoachingSessionEdit } from './CoachingSessionEdit.tsx';
import { LogSessionForm } from './LogSessionForm.tsx';

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
