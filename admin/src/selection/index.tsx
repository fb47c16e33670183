import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { PageDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const SelectionBoard = lazyScreen(() => import('./SelectionBoard.tsx'), (m) => m.SelectionBoard);

export const selectionBoardPage: PageDef = {
  path: '/selection',
  roles: ['admin', 'staff'],
  element: <SelectionBoard />,
  menu: { label: 'selection.menu', icon: HowToRegIcon },
};
