import CampaignIcon from '@mui/icons-material/Campaign';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const MailingList = lazyScreen(() => import('./MailingList.tsx'), (m) => m.MailingList);
const MailingShow = lazyScreen(() => import('./MailingShow.tsx'), (m) => m.MailingShow);
const MailingCreate = lazyScreen(() => import('./MailingEdit.tsx'), (m) => m.MailingCreate);
const MailingEdit = lazyScreen(() => import('./MailingEdit.tsx'), (m) => m.MailingEdit);
const UnsubscribePage = lazyScreen(() => import('./UnsubscribePage.tsx'), (m) => m.UnsubscribePage);

/** Bulk mail (Rundschreiben): write, look at recipients and preview, test, send once. */
const mailings: ResourceDef = {
  name: 'mailings',
  roles: ['admin', 'staff'],
  list: MailingList,
  show: MailingShow,
  create: MailingCreate,
  edit: MailingEdit,
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
export default mailings;

/** The page the unsubscribe link of a mailing opens (public, no login). */
export const unsubscribePage: PageDef = { path: '/unsubscribe', roles: 'public', element: <UnsubscribePage />, noLayout: true };
