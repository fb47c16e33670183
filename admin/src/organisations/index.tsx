import BusinessIcon from '@mui/icons-material/Business';
import type { ResourceDef } from '../registry.tsx';
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
export default organisations;
