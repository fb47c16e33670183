import { useState } from 'react';
import {
  Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Link, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Confirm, useDataProvider, useGetList, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { BUDGET_CATEGORIES } from '../../../backend/src/budget-lines/budget-lines.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDate, formatMoney, localeTag } from '../shared/format.ts';
import { usePhone } from '../shared/usePhone.ts';

const T = 'resources.grantee-reports.expenses';
const F = 'resources.expenses.fields';

interface Draft {
  id?: number;
  category: string;
  spent_on: string;
  payee: string;
  description: string;
  euros: string;
  receipt_attachment_id: number | null;
  receipt_filename?: string | null;
}

/** Uploads a receipt with the report (same checks as application documents: PDF/PNG/JPEG by content, ≤ 10 MB). */
async function uploadReceipt(reportId: number, file: File): Promise<{ id: number; filename: string }> {
  const body = new FormData();
  body.append('grantee_report_id', String(reportId));
  body.append('file', file);
  const res = await fetch('/api/attachments', { method: 'POST', body, credentials: 'include' });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.errors?.file ?? json.message ?? res.statusText);
  return json;
}

const ExpenseDialog = ({ reportId, draft, period, onClose }: { reportId: number; draft: Draft; period: [string, string]; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [values, setValues] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const save = async () => {
    setBusy(true);
    setErrors({});
    const data = {
      category: values.category, spent_on: values.spent_on, payee: values.payee, description: values.description,
      amount_cents: values.euros === '' ? NaN : Math.round(Number(values.euros.replace(',', '.')) * 100), receipt_attachment_id: values.receipt_attachment_id,
    };
    try {
      if (values.id) await dataProvider.update('expenses', { id: values.id, data, previousData: { id: values.id } });
      else await dataProvider.create('expenses', { data: { ...data, grantee_report_id: reportId } });
      notify(`${T}.saved`, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['expenses'] });
      refresh();
      onClose();
    } catch (e: any) {
      setErrors(e?.body?.errors ?? {});
      notify(e?.body?.message ?? e?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const receipt = await uploadReceipt(reportId, file);
      setValues({ ...values, receipt_attachment_id: receipt.id, receipt_filename: receipt.filename });
      notify(`${T}.uploaded`, { type: 'success' });
    } catch (e: any) {
      notify(e.message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="expense-dialog">
      <DialogTitle id="expense-dialog">{translate(values.id ? `${T}.edit` : `${T}.add`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label={translate(`${F}.category`)} value={values.category} onChange={set('category')} error={!!errors.category} helperText={errors.category} required>
            {BUDGET_CATEGORIES.map((c) => <MenuItem key={c} value={c}>{translate(`enums.budget_category.${c}`)}</MenuItem>)}
          </TextField>
          <TextField
            type="date" label={translate(`${F}.spent_on`)} value={values.spent_on} onChange={set('spent_on')} required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: period[0], max: period[1] } }} error={!!errors.spent_on} helperText={errors.spent_on}
          />
          <TextField label={translate(`${F}.payee`)} value={values.payee} onChange={set('payee')} required error={!!errors.payee} helperText={errors.payee} />
          <TextField label={translate(`${F}.description`)} value={values.description} onChange={set('description')} required multiline error={!!errors.description} helperText={errors.description} />
          <TextField
            label={`${translate(`${F}.amount_cents`)} (€)`} value={values.euros} onChange={set('euros')} required inputMode="decimal"
            error={!!errors.amount_cents} helperText={errors.amount_cents}
          />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Button variant="outlined" component="label" disabled={busy}>
              {busy ? <CircularProgress size={20} /> : translate(`${T}.upload`)}
              <input hidden type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void upload(file);
              }} />
            </Button>
            <Typography variant="body2">{values.receipt_filename ?? translate(`${T}.no_receipt`)}</Typography>
          </Stack>
          {errors.receipt_attachment_id && <Typography color="error" variant="body2">{errors.receipt_attachment_id}</Typography>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>{translate('ra.action.save')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** The report's expenses with receipt links; the fellow adds, edits and deletes them while the report is open. */
export const Expenses = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { permissions } = usePermissions();
  const [locale] = useLocaleState();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<any>(null);
  const phone = usePhone();
  const { data = [] } = useGetList('expenses', {
    filter: { grantee_report_id: record?.id }, pagination: { page: 1, perPage: 500 }, sort: { field: 'spent_on', order: 'ASC' },
  }, { enabled: !!record });
  if (!record) return null;
  const lang = localeTag(locale);
  const editable = permissions === 'applicant' && ['requested', 'returned'].includes(record.status);
  const blank: Draft = { category: 'personnel', spent_on: record.period_start, payee: '', description: '', euros: '', receipt_attachment_id: null };
  const total = data.reduce((s: number, e: any) => s + Number(e.amount_cents), 0);
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      {data.length > 0 && phone && (
        // On a phone: one block per expense, nothing side by side but date and amount.
        <Stack spacing={1} data-testid="expenses-list">
          {data.map((e: any) => (
            <Stack key={e.id} spacing={0.25} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
              <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
                <Typography variant="body2">{formatDate(e.spent_on, lang)} · {translate(`enums.budget_category.${e.category}`)}</Typography>
                <Typography variant="body2" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>{formatMoney(e.amount_cents, lang)}</Typography>
              </Stack>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{e.payee}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>{e.description}</Typography>
              <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                  {e.receipt_attachment_id ? <Link href={`/api/attachments/${e.receipt_attachment_id}/content`}>{e.receipt_filename}</Link> : translate(`${T}.no_receipt`)}
                </Typography>
                {editable && (
                  <Stack direction="row">
                    <IconButton aria-label={translate(`${T}.edit`)} onClick={() => setDraft({ ...e, euros: String(e.amount_cents / 100) })}><EditIcon /></IconButton>
                    <IconButton aria-label={translate(`${T}.delete`)} onClick={() => setDeleting(e)}><DeleteIcon /></IconButton>
                  </Stack>
                )}
              </Stack>
            </Stack>
          ))}
          <Typography variant="body2" sx={{ fontWeight: 500 }}>{translate(`${T}.total`)}: {formatMoney(total, lang)}</Typography>
        </Stack>
      )}
      {data.length === 0 ? <Typography color="text.secondary">{translate(`${T}.empty`)}</Typography> : !phone && (
        <Stack>
          <Table size="small" data-testid="expenses-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${F}.spent_on`)}</TableCell>
                <TableCell>{translate(`${F}.category`)}</TableCell>
                <TableCell>{translate(`${F}.payee`)}</TableCell>
                <TableCell>{translate(`${F}.description`)}</TableCell>
                <TableCell align="right">{translate(`${F}.amount_cents`)}</TableCell>
                <TableCell>{translate(`${F}.receipt_filename`)}</TableCell>
                {editable && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((e: any) => (
                <TableRow key={e.id}>
                  <TableCell>{formatDate(e.spent_on, lang)}</TableCell>
                  <TableCell>{translate(`enums.budget_category.${e.category}`)}</TableCell>
                  <TableCell>{e.payee}</TableCell>
                  <TableCell>{e.description}</TableCell>
                  <TableCell align="right">{formatMoney(e.amount_cents, lang)}</TableCell>
                  <TableCell>{e.receipt_attachment_id ? <Link href={`/api/attachments/${e.receipt_attachment_id}/content`}>{e.receipt_filename}</Link> : '–'}</TableCell>
                  {editable && (
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <IconButton aria-label={translate(`${T}.edit`)} onClick={() => setDraft({ ...e, euros: String(e.amount_cents / 100) })}><EditIcon /></IconButton>
                      <IconButton aria-label={translate(`${T}.delete`)} onClick={() => setDeleting(e)}><DeleteIcon /></IconButton>
                    </TableCell>
                  )}
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={4} sx={{ fontWeight: 500 }}>{translate(`${T}.total`)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 500 }}>{formatMoney(total, lang)}</TableCell>
                <TableCell colSpan={editable ? 2 : 1} />
              </TableRow>
            </TableBody>
          </Table>
        </Stack>
      )}
      {editable && <Button variant="outlined" onClick={() => setDraft(blank)} sx={{ alignSelf: 'flex-start' }}>{translate(`${T}.add`)}</Button>}
      {draft && <ExpenseDialog reportId={Number(record.id)} draft={draft} period={[record.period_start, record.period_end]} onClose={() => setDraft(null)} />}
      <Confirm
        isOpen={!!deleting}
        title={translate(`${T}.delete`)}
        content={translate(`${T}.confirm_delete`)}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const e = deleting;
          setDeleting(null);
          try {
            await dataProvider.delete('expenses', { id: e.id, previousData: e });
            notify(`${T}.deleted`, { type: 'success' });
          } catch (error: any) {
            notify(error?.body?.message ?? error?.message ?? 'ra.notification.http_error', { type: 'error' });
          }
          await queryClient.invalidateQueries({ queryKey: ['expenses'] });
          refresh();
        }}
      />
    </Stack>
  );
};
