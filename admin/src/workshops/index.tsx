import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const WorkshopList = lazyScreen(() => import('./WorkshopList.tsx'), (m) => m.WorkshopList);
const WorkshopShow = lazyScreen(() => import('./WorkshopShow.tsx'), (m) => m.WorkshopShow);
const WorkshopCreate = lazyScreen(() => import('./WorkshopEdit.tsx'), (m) => m.WorkshopCreate);
const WorkshopEdit = lazyScreen(() => import('./WorkshopEdit.tsx'), (m) => m.WorkshopEdit);

const workshops: ResourceDef = {
  name: 'workshops',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  list: WorkshopList,
  show: WorkshopShow,
  edit: WorkshopEdit,
  create: WorkshopCreate,
  icon: EventNoteIcon,
  recordRepresentation: 'title',
};
export default workshops;
