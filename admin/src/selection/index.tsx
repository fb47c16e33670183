import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { PageDef } from '../registry.tsx';
import { SelectionBoard } from './SelectionBoard.tsx';

export const selectionBoardPage: PageDef = {
  path: '/selection',
  roles: ['admin', 'staff'],
  element: <SelectionBoard />,
  menu: { label: 'selection.menu', icon: HowToRegIcon },
};
