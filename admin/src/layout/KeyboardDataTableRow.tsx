import { forwardRef, type KeyboardEvent } from 'react';
import { DataTableRow, useDataTableCallbacksContext, useResourceDefinition, type DataTableRowProps } from 'react-admin';

/** Enter or Space on a focused row opens it, as a click would. */
const openOnKey = (event: KeyboardEvent<HTMLTableRowElement>) => {
  if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  event.currentTarget.click();
};

/**
 * react-admin's table row, reachable by keyboard when clicking it opens the record (`rowClick`, or
 * a show or edit view by default): the row takes focus with Tab and opens with Enter. react-admin
 * only listens for the mouse, so a keyboard user could not open a record from most lists.
 * Set for every DataTable in the theme (`RaDataTableBody.defaultProps.row`).
 */
export const KeyboardDataTableRow = forwardRef<HTMLTableRowElement, DataTableRowProps>((props, ref) => {
  const { rowClick } = useDataTableCallbacksContext();
  const definition = useResourceDefinition();
  const opens = rowClick !== false && (rowClick != null || definition.hasShow || definition.hasEdit);
  return <DataTableRow ref={ref} {...props} {...(opens ? { tabIndex: 0, onKeyDown: openOnKey } : {})} />;
});
KeyboardDataTableRow.displayName = 'KeyboardDataTableRow';
