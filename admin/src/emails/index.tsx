import MailIcon from '@mui/icons-material/Mail';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const EmailList = lazyScreen(() => import('./EmailScreens.tsx'), (m) => m.EmailList);
const EmailShow = lazyScreen(() => import('./EmailScreens.tsx'), (m) => m.EmailShow);

const emails: ResourceDef = {
  name: 'emails',
  roles: ['admin', 'staff'],
  list: EmailList,
  show: EmailShow,
  icon: MailIcon,
  recordRepresentation: 'subject',
};
export default emails;
