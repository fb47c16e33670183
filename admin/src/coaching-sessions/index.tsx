import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const CoachingSessionList = lazyScreen(() => import('./CoachingSessionList.tsx'), (m) => m.CoachingSessionList);
const CoachingSessionEdit = lazyScreen(() => import('./CoachingSessionEdit.tsx'), (m) => m.CoachingSessionEdit);
const LogSessionForm = lazyScreen(() => import('./LogSessionForm.tsx'), (m) => m.LogSessionForm);
import { useLocaleState, useRecordContext } from 'react-admin';
import { formatDate } from '../shared/format.ts';

/** "04.05.2026 · Lesepaten e.V." in the console's date format. */
const SessionRepresentation = () => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return record ? <>{`${formatDate(record.held_on, locale)} · ${record.organisation_name ?? ''}`}</> : null;
};

const coachingSessions: ResourceDef = {
  name: 'coaching-sessions',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: CoachingSessionList,
  edit: CoachingSessionEdit,
  create: LogSessionForm,
  icon: SupportAgentIcon,
  recordRepresentation: <SessionRepresentation />,
  menuLabel: { applicant: 'resources.programme.my_sessions' },
};
export default coachingSessions;
