import GroupsIcon from '@mui/icons-material/Groups';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { PageDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const CoachWorkspace = lazyScreen(() => import('./CoachWorkspace.tsx'), (m) => m.CoachWorkspace);
const FellowProgramme = lazyScreen(() => import('./FellowProgramme.tsx'), (m) => m.FellowProgramme);
const AttendanceOverviewPage = lazyScreen(() => import('./AttendanceOverviewPage.tsx'), (m) => m.AttendanceOverviewPage);
const FellowshipStoryPage = lazyScreen(() => import('./FellowshipStoryPage.tsx'), (m) => m.FellowshipStoryPage);

/** Pages of the programme year (coach workspace, fellow's programme, attendance overview, story). */
export const programmePages: PageDef[] = [
  { path: '/my-fellows', roles: ['coach'], element: <CoachWorkspace />, menu: { label: 'resources.programme.my_fellows', icon: GroupsIcon } },
  { path: '/my-programme', roles: ['applicant'], element: <FellowProgramme />, menu: { label: 'resources.programme.my_programme', icon: CalendarMonthIcon } },
  { path: '/attendance-overview', roles: ['admin', 'staff', 'coach'], element: <AttendanceOverviewPage />, menu: { label: 'resources.programme.overview', icon: FactCheckIcon } },
  { path: '/fellowship-story/:id', roles: ['admin', 'staff', 'coach', 'applicant'], element: <FellowshipStoryPage /> },
];

export { default as workshops } from '../workshops/index.tsx';
export { default as attendances } from '../attendances/index.tsx';
export { default as coachingSessions } from '../coaching-sessions/index.tsx';
