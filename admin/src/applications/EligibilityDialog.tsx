import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { eligibilitySchema } from '../../../backend/src/applications/applications.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';

const CHECKABLE = ['submitted', 'eligible', 'ineligible'];

/** The formal check (charitable status, fit with the call) with a note; same zod rule as the API. */
export const EligibilityButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [eligible, setEligible] = useState<boolean>(true);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  if (!record || !CHECKABLE.includes(record.status)) return null;
  const save = async () => {
    const parsed = eligibilitySchema.safeParse({ eligible, note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      await dataProvider.action('applications', record.id, 'check-eligibility', { eligible, note });
      notify('resources.applications.eligibility.saved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e: any) {
      setError(e?.body?.errors?.note ?? e?.message);
    }
  };
  return (
    <>
      <Button label="resources.applications.eligibility.button" onClick={() => {
        setEligible(record.status !== 'ineligible');
        setNote(record.eligibility_note ?? '');
        setError(undefined);
        setOpen(true);
      }}>
        <FactCheckIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.applications.eligibility.title', { name: record.organisation_name })}</DialogTitle>
        <DialogContent>
          <RadioGroup row value={eligible ? 'yes' : 'no'} onChange={(e) => setEligible(e.target.value === 'yes')}>
            <FormControlLabel value="yes" control={<Radio />} label={translate('resources.applications.eligibility.eligible')} />
            <FormControlLabel value="no" control={<Radio />} label={translate('resources.applications.eligibility.ineligible')} />
          </RadioGroup>
          <TextField fullWidth multiline minRows={3} margin="dense" label={translate('resources.applications.eligibility.note')}
            value={note} onChange={(e) => setNote(e.target.value)} error={!!error} helperText={error} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('resources.applications.eligibility.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={save}>{translate('resources.applications.eligibility.save')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
