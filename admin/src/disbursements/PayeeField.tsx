import { Alert, Chip, Stack, Tooltip, Typography } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../shared/format.ts';

const T = 'resources.disbursements.payee';

/** "DE89 3704 0044 0532 0130 00": the IBAN in groups of four, as people read it off a letter. */
const groupedIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

const useBankChangeTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.bank_changed_at) return '';
  const at = formatDateTime(record.bank_changed_at, locale);
  return translate(`${T}.changed_at`, { at });
};

/**
 * Who gets the money: for an approved or paid tranche the account copied at approval (the export
 * pays exactly this one, whatever the organisation's record says today); for an open tranche a
 * warning when the organisation's bank details changed (the note says what changed).
 */
export const PayeeField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const title = useBankChangeTitle();
  if (!record) return null;
  if (record.payee_iban) {
    return (
      <Stack spacing={0}>
        <Typography variant="body2">{record.payee_account_holder}</Typography>
        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
          {groupedIban(record.payee_iban)}{record.payee_bic ? ` · ${record.payee_bic}` : ''}
        </Typography>
      </Stack>
    );
  }
  if (record.bank_change_note) {
    return (
      <Tooltip title={<><strong>{title}</strong><br />{record.bank_change_note}</>}>
        <Chip size="small" color="warning" icon={<WarningAmberIcon />} label={translate(`${T}.changed`)} />
      </Tooltip>
    );
  }
  return null;
};

/** The note in full above the edit form of a tranche whose payee's bank details changed. */
export const BankChangeAlert = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const title = useBankChangeTitle();
  if (!record?.bank_change_note) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
      <strong>{title}</strong> {translate(`${T}.check`)}
      <Typography variant="body2" sx={{ mt: 0.5 }}>{record.bank_change_note}</Typography>
    </Alert>
  );
};
