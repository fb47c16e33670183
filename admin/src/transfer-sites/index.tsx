import PlaceIcon from '@mui/icons-material/Place';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const TransferSiteList = lazyScreen(() => import('./TransferSiteList.tsx'), (m) => m.TransferSiteList);
const TransferSiteCreate = lazyScreen(() => import('./TransferSiteEdit.tsx'), (m) => m.TransferSiteCreate);
const TransferSiteEdit = lazyScreen(() => import('./TransferSiteEdit.tsx'), (m) => m.TransferSiteEdit);

/** Transfer sites: staff and the fellows write (the fellows also from their programme page), coaches read. */
const transferSites: ResourceDef = {
  name: 'transfer-sites',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: TransferSiteList,
  edit: TransferSiteEdit,
  create: TransferSiteCreate,
  icon: PlaceIcon,
  recordRepresentation: 'name',
};
export default transferSites;
