import Diversity3Icon from '@mui/icons-material/Diversity3';
import HandshakeIcon from '@mui/icons-material/Handshake';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const AlumniDirectory = lazyScreen(() => import('./AlumniDirectory.tsx'), (m) => m.AlumniDirectory);
const AlumniProfileShow = lazyScreen(() => import('./AlumniProfileShow.tsx'), (m) => m.AlumniProfileShow);
const AlumniProfileCreate = lazyScreen(() => import('./AlumniProfileEdit.tsx'), (m) => m.AlumniProfileCreate);
const AlumniProfileEdit = lazyScreen(() => import('./AlumniProfileEdit.tsx'), (m) => m.AlumniProfileEdit);
const MentorMatchesPage = lazyScreen(() => import('./MentorMatchesPage.tsx'), (m) => m.MentorMatchesPage);

const alumniProfiles: ResourceDef = {
  name: 'alumni-profiles',
  roles: ['admin', 'staff', 'applicant'],
  list: AlumniDirectory,
  show: AlumniProfileShow,
  edit: AlumniProfileEdit,
  create: AlumniProfileCreate,
  icon: Diversity3Icon,
  recordRepresentation: 'organisation_name',
};
export default alumniProfiles;

export const mentorMatchesPage: PageDef = {
  path: '/mentor-matches',
  roles: ['admin', 'staff'],
  element: <MentorMatchesPage />,
  menu: { label: 'resources.alumni-profiles.mentors.menu', icon: HandshakeIcon },
};
