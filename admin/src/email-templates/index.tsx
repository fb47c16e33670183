import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const EmailTemplateList = lazyScreen(() => import('./EmailTemplateList.tsx'), (m) => m.EmailTemplateList);
const EmailTemplateEdit = lazyScreen(() => import('./EmailTemplateEdit.tsx'), (m) => m.EmailTemplateEdit);

/** E-mail templates: every message the system sends, per language; staff edit, preview and reset them. */
const emailTemplates: ResourceDef = {
  name: 'email-templates',
  roles: ['admin', 'staff'],
  list: EmailTemplateList,
  edit: EmailTemplateEdit,
  icon: MarkEmailReadIcon,
  recordRepresentation: 'subject',
};
export default emailTemplates;
