import { Children, Fragment, createElement, isValidElement, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { Box, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import {
  DataTable, Link, NumberField, RecordContextProvider, useGetPathForRecord, useListContext, useResourceContext, useTranslate, useTranslateLabel,
  type DataTableColumnProps, type DataTableNumberColumnProps, type DataTableProps, type RaRecord,
} from 'react-admin';
import { usePhone } from './usePhone.ts';

/**
 * The row actions' column stays at the right edge of a table that scrolls sideways in its box
 * (wider than the window), so "Freigeben" or "Zahlung erfassen" never hide behind the scroll.
 * Spread on `<DataTable.Col label=" " disableSort {...ROW_ACTIONS}>`.
 */
export const ROW_ACTIONS = {
  sx: { position: 'sticky', right: 0, zIndex: 1, bgcolor: 'background.paper', boxShadow: (theme: { palette: { divider: string } }) => `inset 1px 0 0 ${theme.palette.divider}` },
} as const;

/**
 * A react-admin `DataTable` that becomes a stack of cards on a phone. The columns stay the one
 * definition (`DataTable.Col` children): on a phone each record is a card whose title is the first
 * column and whose other columns follow as label and value, so nothing needs scrolling sideways.
 * Row clicks lead where the table's rows lead; bulk selection is a desktop affair. Wider screens
 * get the table, which scrolls sideways inside its own box when its columns are wider than the
 * window (layout/theme.ts), so the page itself never does.
 */
export function ResponsiveDataTable<RecordType extends RaRecord = any>(props: DataTableProps<RecordType>) {
  const phone = usePhone();
  if (!phone) return <DataTable {...props} />;
  return <RecordCards rowClick={props.rowClick} empty={props.empty}>{props.children}</RecordCards>;
}

type ColumnElement = ReactElement<DataTableColumnProps>;

function RecordCards({ children, rowClick, empty }: Pick<DataTableProps, 'children' | 'rowClick' | 'empty'>) {
  const { data, isPending } = useListContext();
  const translate = useTranslate();
  const columns = Children.toArray(children).filter((c): c is ColumnElement => isValidElement(c));
  if (isPending) {
    return (
      <Stack spacing={1} sx={{ p: 1 }}>
        {[0, 1, 2].map((i) => <Skeleton key={i} variant="rounded" height={96} />)}
      </Stack>
    );
  }
  if (!data?.length) {
    return empty === undefined ? <Typography sx={{ p: 2 }} variant="body2">{translate('ra.navigation.no_results')}</Typography> : <>{empty}</>;
  }
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', m: 0, p: 1 }}>
      {data.map((record) => (
        <RecordContextProvider key={record.id} value={record}>
          <RecordCard record={record} columns={columns} rowClick={rowClick} />
        </RecordContextProvider>
      ))}
    </Stack>
  );
}

/** Where a click on the record leads, as the table row decides it (`rowClick`, else show or edit). */
function useRecordLink(record: RaRecord, rowClick: DataTableProps['rowClick']) {
  const resource = useResourceContext();
  const link = typeof rowClick === 'function' ? rowClick(record.id, resource!, record) : rowClick;
  // A row click that only expands or selects (or resolves later) has no page to link the card to.
  const page = typeof link === 'string' && ['expand', 'toggleSelection'].includes(link) ? false : link instanceof Promise ? false : link;
  return useGetPathForRecord({ record, resource, link: page as string | false | undefined });
}

function RecordCard({ record, columns, rowClick }: { record: RaRecord; columns: ColumnElement[]; rowClick: DataTableProps['rowClick'] }) {
  const path = useRecordLink(record, rowClick);
  const resource = useResourceContext();
  const translateLabel = useTranslateLabel();
  const [title, ...rest] = columns;
  // A value the record holds as empty gets no line; computed columns (no such key) always render.
  const shown = rest.filter(({ props: { source } }) => !(source && Object.hasOwn(record, source.split('.')[0]) && valueAt(record, source) == null));
  // Columns labelled blank (" ") hold actions: they go under the labelled values, full width.
  const unlabelled = (column: ColumnElement) => typeof column.props.label === 'string' && !column.props.label.trim();
  // The whole card answers a tap, as a table row does; buttons and links inside keep their own.
  const open = (event: MouseEvent) => {
    if (!path || (event.target as Element).closest('a, button, input, label, [role="button"]')) return;
    (event.currentTarget.querySelector('a[data-record-link]') as HTMLAnchorElement | null)?.click();
  };
  return (
    <Card component="li" variant="outlined" onClick={open} sx={{ cursor: path ? 'pointer' : undefined, overflowWrap: 'anywhere' }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        {title && (
          <Typography variant="subtitle1" component="div" sx={{ fontWeight: 600, mb: 0.5 }}>
            {path ? <Link to={path} data-record-link underline="none" color="inherit">{cellValue(title, record)}</Link> : cellValue(title, record)}
          </Typography>
        )}
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)', columnGap: 1.5, rowGap: 0.5 }}>
          {shown.filter((c) => !unlabelled(c)).map((column, i) => {
            const { source, label } = column.props;
            return (
              <Fragment key={source ?? i}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {typeof label === 'string' || label == null ? translateLabel({ label, resource, source }) : label}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>{cellValue(column, record)}</Typography>
              </Fragment>
            );
          })}
        </Box>
        {shown.filter(unlabelled).map((column, i) => <Box key={i} sx={{ mt: 1 }}>{cellValue(column, record)}</Box>)}
      </CardContent>
    </Card>
  );
}

const valueAt = (record: RaRecord, source: string): unknown => source.split('.').reduce<any>((value, key) => value?.[key], record);

/** What the table cell would show for this column (`DataTableCell`'s order: children, render, field, value; a number column formats). */
function cellValue(column: ColumnElement, record: RaRecord): ReactNode {
  const { children, render, field, source } = column.props;
  if (column.type === DataTable.NumberCol && source) {
    const { options, locales } = column.props as DataTableNumberColumnProps;
    return <NumberField source={source} options={options} locales={locales} />;
  }
  if (children) return children;
  if (render) return render(record);
  if (field) return createElement(field, { source });
  const value = source ? valueAt(record, source) : null;
  return value != null ? String(value) : null;
}
