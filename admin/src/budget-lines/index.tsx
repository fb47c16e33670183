import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const BudgetLineCreate = lazyScreen(() => import('./BudgetLineEdit.tsx'), (m) => m.BudgetLineCreate);
const BudgetLineEdit = lazyScreen(() => import('./BudgetLineEdit.tsx'), (m) => m.BudgetLineEdit);

/** The budget plan's lines: reached from the fellowship's "Fördervertrag" tab, not from the menu. */
const budgetLines: ResourceDef = {
  name: 'budget-lines',
  roles: ['admin', 'staff', 'coach', 'applicant'],
  edit: BudgetLineEdit,
  create: BudgetLineCreate,
  icon: RequestQuoteIcon,
  recordRepresentation: (r: any) => r.organisation_name,
  hideFromMenu: true,
};
export default budgetLines;
