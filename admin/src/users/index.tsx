import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const UserCreate = lazyScreen(() => import('./UserScreens.tsx'), (m) => m.UserCreate);
const UserEdit = lazyScreen(() => import('./UserScreens.tsx'), (m) => m.UserEdit);
const UserList = lazyScreen(() => import('./UserScreens.tsx'), (m) => m.UserList);

const users: ResourceDef = {
  name: 'users',
  roles: ['admin'],
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: 'name',
};
export default users;
