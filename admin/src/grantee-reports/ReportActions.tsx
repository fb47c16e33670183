import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { Confirm, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useRecordAction } from '../shared/useRecordAction.ts';

const T = 'resources.grantee-reports.actions';

/** The fellow submits (after a confirmation saying what it freezes). */
export const SubmitButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useRecordAction('grantee-reports');
  if (!record || permissions !== 'applicant' || !['requested', 'returned'].includes(record.status)) return null;
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} disabled={isPending}>{translate(`${T}.submit`)}</Button>
      <Confirm
        isOpen={open}
        title={translate(`${T}.confirm_submit_title`)}
        content={translate(`${T}.confirm_submit`)}
        confirm={translate(`${T}.submit`)}
        onConfirm={() => {
          setOpen(false);
          run(record.id, 'submit', `${T}.submitted`);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/**
 * Staff review a submitted report: accept (a note required when a category is over its limit, as
 * the API's 409 says) or return with a note. Each dialog states what follows.
 */
const ReviewDialog = ({ verb, onClose }: { verb: 'accept' | 'return'; onClose: () => void }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [note, setNote] = useState('');
  const { run, isPending } = useRecordAction('grantee-reports');
  if (!record) return null;
  const over = (record.over_limit_categories ?? []) as string[];
  const overNames = over.map((c) => translate(`enums.budget_category.${c}`)).join(', ');
  const required = verb === 'return' || over.length > 0;
  const missing = required && !note.trim();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={`review-${verb}`}>
      <DialogTitle id={`review-${verb}`}>{translate(`${T}.${verb}_title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`${T}.${verb}_text`)}</DialogContentText>
        {verb === 'accept' && over.length > 0 && <Alert severity="warning" sx={{ mb: 2 }}>{translate(`${T}.accept_over`, { categories: overNames })}</Alert>}
        <TextField
          label={translate(`${T}.note`)} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={3} fullWidth required={required}
          helperText={missing ? translate(`${T}.note_required`) : ' '} slotProps={{ htmlInput: { maxLength: 4000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained" color={verb === 'accept' ? 'success' : 'warning'} disabled={isPending || missing}
          onClick={() => {
            run(record.id, verb, verb === 'accept' ? `${T}.accepted` : `${T}.returned`, note.trim() ? { note: note.trim() } : {});
            onClose();
          }}
        >
          {translate(`${T}.${verb}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ReviewButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const [open, setOpen] = useState<'accept' | 'return' | null>(null);
  if (!record || (permissions !== 'staff' && permissions !== 'admin') || record.status !== 'submitted') return null;
  return (
    <>
      <Button variant="contained" color="success" onClick={() => setOpen('accept')}>{translate(`${T}.accept`)}</Button>
      <Button variant="outlined" color="warning" onClick={() => setOpen('return')}>{translate(`${T}.return`)}</Button>
      {open && <ReviewDialog verb={open} onClose={() => setOpen(null)} />}
    </>
  );
};
