import PaymentsIcon from '@mui/icons-material/Payments';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { PageDef, ResourceDef } from '../registry.tsx';
import { DisbursementList } from './DisbursementList.tsx';
import { DisbursementCreate, DisbursementEdit } from './DisbursementForm.tsx';
import { DisbursementShow } from './DisbursementShow.tsx';
import { ExportList } from './ExportList.tsx';
import { FundingOverviewPage } from './FundingOverviewPage.tsx';
import { ToApprovePage } from './ToApprovePage.tsx';

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
