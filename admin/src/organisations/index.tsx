import BusinessIcon from '@mui/icons-material/Business';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { MyOrganisationPage } from './MyOrganisationPage.tsx';
import { OrganisationList } from './OrganisationList.tsx';
import { OrganisationShow } from './OrganisationShow.tsx';
import { OrganisationCreate, OrganisationEdit } from './OrganisationEdit.tsx';

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
