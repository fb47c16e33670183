import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatNumber, localeTag } from '../shared/format.ts';
import { usePhone } from '../shared/usePhone.ts';

const T = 'resources.grantee-reports';

/** Budget against actual per cost category, as the API reads it from the view; flagged rows over plan + 20 %. */
export const BudgetTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = usePhone();
  if (!record) return null;
  const lang = localeTag(locale);
  const rows = (record.budget_vs_actual ?? []) as Array<{ category: string; planned_cents: number; actual_cents: number; deviation_pct: number | null; over_limit: boolean }>;
  if (!rows.length) return <Typography color="text.secondary">{translate(`${T}.budget.empty`)}</Typography>;
  const deviation = (pct: number | null) => (pct == null ? '–' : `${pct > 0 ? '+' : ''}${formatNumber(pct, lang)} %`);
  if (phone) {
    // On a phone: the category on its own line, plan, actual and deviation below it.
    return (
      <Stack spacing={1} data-testid="budget-table">
        {rows.map((row) => (
          <Stack key={row.category} sx={{ borderBottom: 1, borderColor: 'divider', pb: 0.5 }} data-over-limit={row.over_limit ? 'true' : undefined}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {translate(`enums.budget_category.${row.category}`)}
              {row.over_limit && <Chip size="small" color="error" label={translate(`${T}.budget.over_limit`)} sx={{ ml: 1 }} />}
            </Typography>
            <Typography variant="body2">
              {translate(`${T}.budget.planned`)} {formatMoney(row.planned_cents, lang)} · {translate(`${T}.budget.actual`)} {formatMoney(row.actual_cents, lang)} · {deviation(row.deviation_pct)}
            </Typography>
          </Stack>
        ))}
        <Typography variant="caption" color="text.secondary">{translate(`${T}.budget.legend`)}</Typography>
      </Stack>
    );
  }
  return (
    <Stack spacing={1}>
      <Table size="small" aria-label={translate(`${T}.sections.budget`)} data-testid="budget-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.budget.category`)}</TableCell>
            <TableCell align="right">{translate(`${T}.budget.planned`)}</TableCell>
            <TableCell align="right">{translate(`${T}.budget.actual`)}</TableCell>
            <TableCell align="right">{translate(`${T}.budget.deviation`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.category} sx={row.over_limit ? { bgcolor: 'error.50' } : undefined} data-over-limit={row.over_limit ? 'true' : undefined}>
              <TableCell>
                {translate(`enums.budget_category.${row.category}`)}
                {row.over_limit && <Chip size="small" color="error" label={translate(`${T}.budget.over_limit`)} sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell align="right">{formatMoney(row.planned_cents, lang)}</TableCell>
              <TableCell align="right">{formatMoney(row.actual_cents, lang)}</TableCell>
              <TableCell align="right">{deviation(row.deviation_pct)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">{translate(`${T}.budget.legend`)}</Typography>
    </Stack>
  );
};

/** What was paid out against what was spent: unspent funds to repay, and a warning when the spending is more. */
export const Totals = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.totals) return null;
  const lang = localeTag(locale);
  const t = record.totals;
  const line = (key: string, cents: number) => (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ pl: 0 }}>{translate(`${T}.totals.${key}`)}</TableCell>
      <TableCell align="right">{formatMoney(cents, lang)}</TableCell>
    </TableRow>
  );
  return (
    <Stack spacing={1}>
      {t.exceeds_paid && <Alert severity="warning" data-testid="exceeds-paid">{translate(`${T}.totals.exceeds`, { amount: formatMoney(t.excess_cents, lang) })}</Alert>}
      <Table size="small">
        <TableBody>
          {line('planned', t.planned_cents)}
          {line('paid', t.paid_cents)}
          {line('actual', t.actual_cents)}
          {line('unspent', t.unspent_cents)}
        </TableBody>
      </Table>
    </Stack>
  );
};

/** Every return and acceptance, oldest first, with its note. */
export const History = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const history = (record.history ?? []) as Array<{ id: number; outcome: string; note: string | null; reviewer_name: string | null; reviewed_at: string }>;
  if (!history.length) return <Typography color="text.secondary">{translate(`${T}.history.empty`)}</Typography>;
  const lang = localeTag(locale);
  return (
    <Stack spacing={1}>
      {history.map((h) => (
        <Alert key={h.id} severity={h.outcome === 'returned' ? 'warning' : 'success'} icon={false}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate(`${T}.history.by`, {
              outcome: translate(`enums.grantee_report_outcome.${h.outcome}`),
              date: formatDate(h.reviewed_at, lang),
              name: h.reviewer_name ?? '–',
            })}
          </Typography>
          {h.note && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{h.note}</Typography>}
        </Alert>
      ))}
    </Stack>
  );
};
