import PeopleIcon from '@mui/icons-material/People';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const PersonCreate = lazyScreen(() => import('./PersonScreens.tsx'), (m) => m.PersonCreate);
const PersonEdit = lazyScreen(() => import('./PersonScreens.tsx'), (m) => m.PersonEdit);
const PersonList = lazyScreen(() => import('./PersonScreens.tsx'), (m) => m.PersonList);

const people: ResourceDef = {
  name: 'people',
  roles: ['admin', 'staff', 'applicant', 'coach'],
  list: PersonList,
  edit: PersonEdit,
  create: PersonCreate,
  icon: PeopleIcon,
  recordRepresentation: (p) => `${p.first_name} ${p.last_name}`,
};
export default people;
