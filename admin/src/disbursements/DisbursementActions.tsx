import { useState, type ReactNode } from 'react';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Table, TableBody, TableCell, TableRow, TextField, Tooltip,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useGetIdentity, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { maskIban } from './money.ts';
import { formatDate, formatMoney, localeTag } from '../shared/format.ts';

const T = 'resources.disbursements.actions';

function useTrancheAction(verb: 'approve' | 'pay' | 'cancel', done: string) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => dataProvider.action('disbursements', record!.id, verb, body),
    onSuccess: () => {
      notify(`${T}.${done}`, { type: 'success' });
      refresh();
    },
    onError: (error: any) => {
      notify(error?.body?.errors?.payment_reference ?? error?.message ?? 'ra.notification.http_error', { type: 'error' });
      refresh();
    },
  });
}

/**
 * Second pair of eyes: disabled for whoever planned the tranche or changed its money fields or the
 * payee's bank details (`money_editors`, kept by the database), and while the milestone is open.
 * Approving asks first, showing who gets how much on which account (the account the approval
 * copies onto the tranche); the API refuses it when that account changed in the meantime.
 */
const ApproveButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { identity } = useGetIdentity();
  const { mutate, isPending } = useTrancheAction('approve', 'approved');
  // A refusal (409) stays in the dialog in the server's words, next to what the approver was looking at.
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!record || record.status !== 'planned') return null;
  if (identity && (record.created_by === identity.id || record.money_editors?.includes(identity.id))) {
    return (
      <Tooltip title={translate(record.created_by === identity.id ? `${T}.own_tranche` : `${T}.edited_tranche`)}>
        <span><Button size="small" disabled>{translate(`${T}.approve`)}</Button></span>
      </Tooltip>
    );
  }
  const milestoneOpen = record.milestone_id != null && record.milestone_status !== 'achieved';
  const reportOpen = record.grantee_report_id != null && record.grantee_report_status !== 'accepted';
  const blocked = milestoneOpen || reportOpen;
  const language = localeTag(locale);
  const button = (
    <Button size="small" variant="contained" color="success" disabled={isPending || blocked} onClick={() => { setRefusal(null); setOpen(true); }}>
      {translate(`${T}.approve`)}
    </Button>
  );
  const row = (label: string, value: ReactNode, testId: string) => (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ pl: 0, color: 'text.secondary', width: '40%' }}>{label}</TableCell>
      <TableCell data-testid={testId} sx={{ fontWeight: 500 }}>{value}</TableCell>
    </TableRow>
  );
  return (
    <>
      {blocked ? <Tooltip title={translate(milestoneOpen ? `${T}.milestone_open` : `${T}.report_open`)}><span>{button}</span></Tooltip> : button}
      <Dialog open={open} onClose={() => { setOpen(false); setRefusal(null); }} fullWidth maxWidth="sm" aria-labelledby={`approve-title-${record.id}`}>
        <DialogTitle id={`approve-title-${record.id}`}>{translate(`${T}.approve_title`, { label: record.label })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{translate(`${T}.approve_text`)}</DialogContentText>
          <Table size="small">
            <TableBody>
              {row(translate('resources.disbursements.fields.organisation_name'), record.organisation_name, 'approve-organisation')}
              {row(translate(`${T}.payee_holder`), record.current_account_holder, 'approve-payee')}
              {row('IBAN', <span style={{ fontFamily: 'monospace' }}>{maskIban(record.current_iban)}</span>, 'approve-iban')}
              {record.current_bic ? row('BIC', record.current_bic, 'approve-bic') : null}
              {row(translate('resources.disbursements.fields.amount_cents'), formatMoney(Number(record.amount_cents), language), 'approve-amount')}
              {record.due_on ? row(translate('resources.disbursements.fields.due_on'), formatDate(record.due_on, language), 'approve-due') : null}
            </TableBody>
          </Table>
          {!record.current_iban && <Alert severity="warning" sx={{ mt: 2 }}>{translate(`${T}.no_iban`)}</Alert>}
          {record.bank_change_note && <Alert severity="warning" sx={{ mt: 2 }}>{record.bank_change_note}</Alert>}
          {!record.agreement_signed_on && <Alert severity="warning" sx={{ mt: 2 }} data-testid="approve-unsigned">{translate(`${T}.agreement_unsigned`)}</Alert>}
          {refusal && <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="approve-refusal">{refusal}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained" color="success" disabled={isPending}
            onClick={() => mutate({ iban: record.current_iban ?? null }, {
              onSuccess: () => setOpen(false),
              onError: (error: any) => setRefusal(error?.body?.message ?? error?.message ?? translate('ra.notification.http_error')),
            })}
          >
            {translate(`${T}.approve`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Records the bank transfer of an approved tranche with its reference. */
const PayButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const { mutate, isPending } = useTrancheAction('pay', 'paid');
  if (!record || record.status !== 'approved') return null;
  const amount = formatMoney(record.amount_cents, localeTag(locale));
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>{translate(`${T}.pay`)}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`${T}.pay_title`, { label: record.label })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`${T}.pay_text`, { amount, organisation: record.organisation_name })}</DialogContentText>
          <TextField
            autoFocus fullWidth required label={translate('resources.disbursements.fields.payment_reference')}
            value={reference} onChange={(e) => setReference(e.target.value)} slotProps={{ htmlInput: { maxLength: 140 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained" disabled={isPending || !reference.trim()}
            onClick={() => mutate({ payment_reference: reference.trim() }, { onSettled: () => setOpen(false) })}
          >
            {translate(`${T}.pay`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Cancels a tranche that is neither paid nor exported, after a confirmation. */
const CancelButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useTrancheAction('cancel', 'cancelled');
  if (!record || !['planned', 'approved'].includes(record.status) || record.export_id != null) return null;
  return (
    <>
      <Button size="small" color="error" disabled={isPending} onClick={() => setOpen(true)}>{translate(`${T}.cancel`)}</Button>
      <Confirm
        isOpen={open}
        title={`${T}.cancel`}
        content={translate(`${T}.confirm_cancel`, {
          label: record.label, organisation: record.organisation_name, amount: formatMoney(record.amount_cents, localeTag(locale)),
        })}
        onConfirm={() => {
          setOpen(false);
          mutate({});
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** All actions that fit the tranche's state, for staff only. */
export const TrancheActions = () => {
  const { permissions } = usePermissions();
  if (permissions !== 'admin' && permissions !== 'staff') return null;
  return (
    <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
      <ApproveButton />
      <PayButton />
      <CancelButton />
    </Stack>
  );
};
