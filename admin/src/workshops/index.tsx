import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceDef } from '../registry.tsx';
import { WorkshopList } from './WorkshopList.tsx';
import { WorkshopShow } from './WorkshopShow.tsx';
import { WorkshopCreate, WorkshopEdit } from './WorkshopEdit.tsx';

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
