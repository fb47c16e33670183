import type { ReactNode } from 'react';
import { ListItem, ListItemButton } from '@mui/material';
import { Link } from 'react-router-dom';

/**
 * One entry of a list of links: the link inside an `<li>`. A `ListItemButton` rendered as a link
 * straight in a `<List>` makes `<a>` a child of `<ul>`, which screen readers do not count as a list.
 */
export const LinkListItem = ({ to, children }: { to: string; children: ReactNode }) => (
  <ListItem disablePadding>
    <ListItemButton component={Link} to={to}>
      {children}
    </ListItemButton>
  </ListItem>
);
