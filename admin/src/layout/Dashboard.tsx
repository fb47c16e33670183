import { lazy, Suspense } from 'react';
import { Loading, usePermissions } from 'react-admin';
import type { Role } from '../auth/authProvider.ts';

/** Each workspace is its own chunk: the login page and the other roles never load it. */
const StaffDashboard = lazy(() => import('../dashboard/index.tsx').then((m) => ({ default: m.StaffDashboard })));
const JuryHome = lazy(() => import('./JuryHome.tsx'));
const CoachHome = lazy(() => import('./CoachHome.tsx'));
const ApplicantHome = lazy(() => import('./ApplicantHome.tsx'));
const FunderHome = lazy(() => import('../funder/FunderHome.tsx'));

const homes: Record<Role, typeof JuryHome> = { admin: StaffDashboard, staff: StaffDashboard, jury: JuryHome, coach: CoachHome, applicant: ApplicantHome, funder: FunderHome };

/** Where each role lands after login. */
export const Dashboard = () => {
  const { permissions: role, isPending } = usePermissions<Role>();
  if (isPending || !role) return <Loading />;
  const Home = homes[role];
  return (
    <Suspense fallback={<Loading />}>
      <Home />
    </Suspense>
  );
};
