import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ReminderRuleList = lazyScreen(() => import('./ReminderRuleList.tsx'), (m) => m.ReminderRuleList);
const ReminderRuleEdit = lazyScreen(() => import('./ReminderRuleEdit.tsx'), (m) => m.ReminderRuleEdit);
const ReminderRuleCreate = lazyScreen(() => import('./ReminderRuleEdit.tsx'), (m) => m.ReminderRuleCreate);

/** Erinnerungen: staff switch reminders on per event, with an offset in days and a template. */
const reminderRules: ResourceDef = {
  name: 'reminder-rules',
  roles: ['admin', 'staff'],
  list: ReminderRuleList,
  edit: ReminderRuleEdit,
  create: ReminderRuleCreate,
  icon: NotificationsActiveIcon,
  recordRepresentation: 'event',
};
export default reminderRules;
