import BusinessIcon from '@mui/icons-material/Business';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const MyOrganisationPage = lazyScreen(() => import('./MyOrganisationPage.tsx'), (m) => m.MyOrganisationPage);
const OrganisationList = lazyScreen(() => import('./OrganisationList.tsx'), (m) => m.OrganisationList);
const OrganisationShow = lazyScreen(() => import('./OrganisationShow.tsx'), (m) => m.OrganisationShow);
const OrganisationCreate = lazyScreen(() => import('./OrganisationEdit.tsx'), (m) => m.OrganisationCreate);
const OrganisationEdit = lazyScreen(() => import('./OrganisationEdit.tsx'), (m) => m.OrganisationEdit);

const organisations: ResourceDef = {
  name: 'organisations',
  roles: ['admin', 'staff', 'applicant', 'coach'],
  list: OrganisationList,
  show: OrganisationShow,
  edit: OrganisationEdit,
  create: OrganisationCreate,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
/** An applicant's own organisation as a profile page (menu: Meine Organisation). */
export const myOrganisationPage: PageDef = {
  path: '/my-organisation',
  roles: ['applicant'],
  element: <MyOrganisationPage />,
  menu: { label: 'app.menu.my_organisation', icon: BusinessIcon },
};

export default organisations;
