import PaymentsIcon from '@mui/icons-material/Payments';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const DisbursementList = lazyScreen(() => import('./DisbursementList.tsx'), (m) => m.DisbursementList);
const DisbursementCreate = lazyScreen(() => import('./DisbursementForm.tsx'), (m) => m.DisbursementCreate);
const DisbursementEdit = lazyScreen(() => import('./DisbursementForm.tsx'), (m) => m.DisbursementEdit);
const DisbursementShow = lazyScreen(() => import('./DisbursementShow.tsx'), (m) => m.DisbursementShow);
const ExportList = lazyScreen(() => import('./ExportList.tsx'), (m) => m.ExportList);
const FundingOverviewPage = lazyScreen(() => import('./FundingOverviewPage.tsx'), (m) => m.FundingOverviewPage);
const ToApprovePage = lazyScreen(() => import('./ToApprovePage.tsx'), (m) => m.ToApprovePage);

const disbursements: ResourceDef = {
  name: 'disbursements',
  roles: ['admin', 'staff', 'applicant'],
  list: DisbursementList,
  edit: DisbursementEdit,
  show: DisbursementShow,
  create: DisbursementCreate,
  icon: PaymentsIcon,
  recordRepresentation: 'label',
};
export default disbursements;

export const disbursementExports: ResourceDef = {
  name: 'disbursement-exports',
  roles: ['admin', 'staff'],
  list: ExportList,
  icon: ReceiptLongIcon,
  recordRepresentation: 'message_id',
};

export const fundingOverviewPage: PageDef = {
  path: '/funding',
  roles: ['admin', 'staff'],
  element: <FundingOverviewPage />,
  menu: { label: 'resources.disbursements.funding.menu', icon: AccountBalanceIcon },
};

export const toApprovePage: PageDef = {
  path: '/disbursements-to-approve',
  roles: ['admin', 'staff'],
  element: <ToApprovePage />,
  menu: { label: 'resources.disbursements.to_approve.menu', icon: FactCheckIcon },
};
