import InsightsIcon from '@mui/icons-material/Insights';
import type { PageDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const OutcomesPage = lazyScreen(() => import('./OutcomesPage.tsx'), (m) => m.OutcomesPage);

/** "Wirkung": the outcome dashboard per cohort and across cohorts (its own chunk, with the charts). */
export const outcomesPage: PageDef = {
  path: '/outcomes',
  roles: ['admin', 'staff'],
  element: <OutcomesPage />,
  menu: { label: 'resources.outcomes.menu', icon: InsightsIcon },
};
