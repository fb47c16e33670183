import AssignmentIcon from '@mui/icons-material/Assignment';
import EditNoteIcon from '@mui/icons-material/EditNote';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ApplicationList = lazyScreen(() => import('./ApplicationList.tsx'), (m) => m.ApplicationList);
const ApplicationShow = lazyScreen(() => import('./ApplicationShow.tsx'), (m) => m.ApplicationShow);
const ApplicationFormPage = lazyScreen(() => import('./ApplicationFormPage.tsx'), (m) => m.ApplicationFormPage);

const applications: ResourceDef = {
  name: 'applications',
  roles: ['admin', 'staff'],
  list: ApplicationList,
  show: ApplicationShow,
  icon: AssignmentIcon,
  recordRepresentation: (r: any) => r.project_name ?? r.organisation_name ?? `#${r.id}`,
};

/** The applicant's own application form (sections, autosave, countdown, submit, PDF, withdraw). */
export const applicationFormPage: PageDef = {
  path: '/application',
  roles: ['applicant'],
  element: <ApplicationFormPage />,
  menu: { label: 'application_form.menu', icon: EditNoteIcon },
};

export default applications;
