import Diversity3Icon from '@mui/icons-material/Diversity3';
import HandshakeIcon from '@mui/icons-material/Handshake';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { AlumniDirectory } from './AlumniDirectory.tsx';
import { AlumniProfileShow } from './AlumniProfileShow.tsx';
import { AlumniProfileCreate, AlumniProfileEdit } from './AlumniProfileEdit.tsx';
import { MentorMatchesPage } from './MentorMatchesPage.tsx';

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
