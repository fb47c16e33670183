import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

/** Loaded on demand: the charts library stays out of the login page's bundle. */
const StaffDashboardView = lazy(() => import('./StaffDashboardView.tsx'));

export const StaffDashboard = () => (
  <Suspense fallback={<Loading />}>
    <StaffDashboardView />
  </Suspense>
);
