import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller, useForm, type Control, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, AlertTitle, Box, Button, Card, CardContent, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle,
  FormControlLabel, IconButton, Link, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Confirm, Title, useDataProvider, useGetIdentity, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  APPLICATION_LIMITS, TRANSFER_MODELS, applicationDraftSchema, applicationSubmitSchema, type ApplicationDraft,
} from '../../../backend/src/applications/applications.schema.ts';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS, organisationSchema } from '../../../backend/src/organisations/organisations.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { Countdown, berlinDateTime } from './Countdown.tsx';
import { readBackup, useAutosave, type SaveState } from './useAutosave.ts';

const CONTENT_FIELDS = Object.keys(applicationDraftSchema.shape) as Array<keyof ApplicationDraft>;
const ORG_FIELDS = ['name', 'legal_form', 'charitable_status', 'street', 'postal_code', 'city', 'state', 'website', 'email', 'phone', 'founded_year', 'staff_count', 'field', 'description'] as const;
const WITHDRAWABLE = ['draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'waitlisted'];

const pick = <T extends Record<string, any>>(record: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, record?.[k] ?? (k === 'charitable_status' ? false : '')]));

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card component="section" variant="outlined">
    <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h6" component="h2">{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

/** A text field bound to react-hook-form, labelled from the resource's translations, with its error. */
const Field = ({ control, name, label, rows, select, type, max, readOnly }: {
  control: Control<any>; name: string; label: string; rows?: number; select?: Array<{ id: string; name: string }>; type?: string; max?: number; readOnly?: boolean;
}) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <TextField
        {...field}
        value={field.value ?? ''}
        onChange={(e) => field.onChange(type === 'number' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value)}
        label={label}
        multiline={!!rows}
        minRows={rows}
        select={!!select}
        type={type}
        fullWidth
        slotProps={{ input: { readOnly }, htmlInput: max ? { maxLength: max } : undefined }}
        error={!!fieldState.error}
        helperText={fieldState.error?.message ?? (max && rows ? `${String(field.value ?? '').length} / ${max}` : undefined)}
      >
        {select?.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
      </TextField>
    )}
  />
);

/** Money is stored in cents; the applicant types euros. */
const EuroInput = ({ value, onChange, onBlur, label, helper, error, readOnly }: {
  value: number | null | undefined; onChange: (v: unknown) => void; onBlur: () => void; label: string; helper: string; error?: string; readOnly?: boolean;
}) => {
  const [text, setText] = useState(value == null ? '' : String(value / 100).replace('.', ','));
  useEffect(() => {
    setText((current) => {
      const n = Number(current.replace(/\./g, '').replace(',', '.'));
      return value != null && Math.round(n * 100) === value ? current : value == null ? '' : String(value / 100).replace('.', ',');
    });
  }, [value]);
  return (
    <TextField
      label={label}
      value={text}
      inputMode="decimal"
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value.replace(/\./g, '').replace(',', '.'));
        onChange(e.target.value.trim() === '' ? null : Number.isFinite(n) ? Math.round(n * 100) : e.target.value);
      }}
      onBlur={onBlur}
      slotProps={{ input: { readOnly, endAdornment: '€' } }}
      error={!!error}
      helperText={error ?? helper}
    />
  );
};

const EuroField = ({ control, name, label, helper, readOnly }: { control: Control<any>; name: string; label: string; helper: string; readOnly?: boolean }) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <EuroInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} label={label} helper={helper} error={fieldState.error?.message} readOnly={readOnly} />
    )}
  />
);

const SaveIndicator = ({ state }: { state: SaveState }) => {
  const translate = useTranslate();
  if (state.kind === 'saving') return <Typography variant="body2" color="text.secondary">{translate('application_form.saving')}</Typography>;
  if (state.kind === 'saved') {
    const time = new Intl.DateTimeFormat('de-DE', { timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(state.at);
    return <Typography variant="body2" color="success.main">{translate('application_form.saved_at', { time })}</Typography>;
  }
  if (state.kind === 'offline') return <Alert severity="warning">{translate('application_form.offline')}</Alert>;
  return null;
};

function applyServerErrors(form: UseFormReturn<any>, errors: Record<string, string> | undefined, prefix = '') {
  for (const [key, message] of Object.entries(errors ?? {})) {
    if (prefix && key.startsWith(prefix)) form.setError(key.slice(prefix.length), { message });
    else if (!prefix && !key.includes('.')) form.setError(key, { message });
  }
}

const Attachments = ({ applicationId, editable }: { applicationId: number; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const { data = [] } = useGetList('attachments', { filter: { application_id: applicationId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' } });
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['attachments'] });
  const upload = async (file: File) => {
    setBusy(true);
    const body = new FormData();
    body.append('application_id', String(applicationId));
    body.append('file', file);
    try {
      const res = await fetch('/api/attachments', { method: 'POST', body, credentials: 'include' });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(json.errors?.file ?? json.message ?? res.statusText);
      notify('application_form.uploaded', { type: 'success' });
      await refresh();
    } catch (e: any) {
      notify(e.message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1}>
      <List dense>
        {data.map((a: any) => (
          <ListItem key={a.id} secondaryAction={editable && (
            <IconButton aria-label={translate('application_form.delete_file')} onClick={async () => {
              await dataProvider.delete('attachments', { id: a.id, previousData: a }).catch((e: any) => notify(e.message, { type: 'error' }));
              await refresh();
            }}><DeleteIcon /></IconButton>
          )}>
            <ListItemText primary={<Link href={`/api/attachments/${a.id}/content`}>{a.filename}</Link>} secondary={`${Math.ceil(a.size_bytes / 1024).toLocaleString('de-DE')} KB`} />
          </ListItem>
        ))}
      </List>
      {editable && (
        <Button variant="outlined" component="label" disabled={busy}>
          {busy ? <CircularProgress size={20} /> : translate('application_form.upload')}
          <input hidden type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }} />
        </Button>
      )}
    </Stack>
  );
};

const OrganisationSection = ({ organisationId, readOnly }: { organisationId: number; readOnly: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const key = `organisation-draft:${organisationId}`;
  const { data: org } = useQuery({ queryKey: ['organisations', 'getOne', organisationId], queryFn: async () => (await dataProvider.getOne('organisations', { id: organisationId })).data });
  const form = useForm({ resolver: zodResolver(organisationSchema.partial()) as any, mode: 'onChange', defaultValues: {} as Record<string, any> });
  const autosave = useAutosave<Record<string, any>>(key, async (values) => {
    try {
      await dataProvider.update('organisations', { id: organisationId, data: values, previousData: org });
    } catch (e: any) {
      applyServerErrors(form, e?.body?.errors);
      throw e;
    }
  });
  useEffect(() => {
    if (!org) return;
    const backup = readBackup<Record<string, any>>(key);
    form.reset(backup && backup.at > new Date(org.updated_at).getTime() ? backup.values : pick(org, ORG_FIELDS));
    if (backup) autosave.change(backup.values);
  }, [org]);
  useEffect(() => {
    if (readOnly) return;
    const sub = form.watch((values) => {
      void form.trigger().then((ok) => ok && autosave.change(values as Record<string, any>));
    });
    return () => sub.unsubscribe();
  }, [form, readOnly]);
  if (!org) return <CircularProgress />;
  const t = (f: string) => translate(`resources.organisations.fields.${f}`);
  const c = form.control;
  return (
    <Section title={translate('application_form.sections.organisation')}>
      <Field control={c} name="name" label={t('name')} readOnly={readOnly} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="legal_form" label={t('legal_form')} select={LEGAL_FORMS.map((v) => ({ id: v, name: translate(`enums.legal_form.${v}`) }))} readOnly={readOnly} />
        <Field control={c} name="field" label={t('field')} select={FIELDS.map((v) => ({ id: v, name: translate(`enums.field.${v}`) }))} readOnly={readOnly} />
      </Stack>
      <Controller control={c} name="charitable_status" render={({ field, fieldState }) => (
        <Box>
          <FormControlLabel control={<Checkbox checked={!!field.value} disabled={readOnly} onChange={(e) => field.onChange(e.target.checked)} />} label={t('charitable_status')} />
          {fieldState.error && <Typography color="error" variant="caption">{fieldState.error.message}</Typography>}
        </Box>
      )} />
      <Field control={c} name="street" label={t('street')} readOnly={readOnly} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="postal_code" label={t('postal_code')} readOnly={readOnly} />
        <Field control={c} name="city" label={t('city')} readOnly={readOnly} />
        <Field control={c} name="state" label={t('state')} select={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} readOnly={readOnly} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="email" label={t('email')} type="email" readOnly={readOnly} />
        <Field control={c} name="phone" label={t('phone')} readOnly={readOnly} />
        <Field control={c} name="website" label={t('website')} readOnly={readOnly} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="founded_year" label={t('founded_year')} type="number" readOnly={readOnly} />
        <Field control={c} name="staff_count" label={t('staff_count')} type="number" readOnly={readOnly} />
      </Stack>
      <Field control={c} name="description" label={t('description')} rows={3} max={5000} readOnly={readOnly} />
      {!readOnly && <SaveIndicator state={autosave.state} />}
    </Section>
  );
};

/** The applicant's application: sections, autosave, countdown, submit; read-only with PDF once submitted. */
/**
 * A seat offered after the release (someone ahead withdrew): the organisation accepts it, which
 * starts its fellowship, or declines it with a reason, which passes it to the next on the waitlist.
 */
const OfferPanel = ({ applicationId, onDone }: { applicationId: number; onDone: (message: { severity: 'success' | 'info' | 'error'; text: string }) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: 'accept-offer' | 'decline-offer', body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      await dataProvider.action('applications', applicationId, action, body);
      onDone({ severity: action === 'accept-offer' ? 'success' : 'info', text: translate(done) });
      await queryClient.invalidateQueries();
    } catch (e: any) {
      onDone({ severity: 'error', text: e?.body?.errors?.reason ?? e.message });
    } finally {
      setBusy(false);
      setAccepting(false);
      setDeclining(false);
    }
  };
  return (
    <Alert severity="success" variant="outlined">
      <AlertTitle>{translate('application_form.offer.title')}</AlertTitle>
      {translate('application_form.offer.text')}
      <Stack direction="row" spacing={2} sx={{ mt: 1.5 }}>
        <Button variant="contained" color="success" disabled={busy} onClick={() => setAccepting(true)}>{translate('application_form.offer.accept')}</Button>
        <Button variant="outlined" color="error" disabled={busy} onClick={() => setDeclining(true)}>{translate('application_form.offer.decline')}</Button>
      </Stack>
      <Confirm
        isOpen={accepting}
        title="application_form.offer.accept"
        content="application_form.offer.accept_confirm"
        onConfirm={() => run('accept-offer', {}, 'application_form.offer.accepted')}
        onClose={() => setAccepting(false)}
      />
      <Dialog open={declining} onClose={() => setDeclining(false)} aria-labelledby="decline-offer-title" fullWidth maxWidth="sm">
        <DialogTitle id="decline-offer-title">{translate('application_form.offer.decline')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{translate('application_form.offer.decline_text')}</Typography>
          <TextField
            label={translate('application_form.offer.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            required
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeclining(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || !reason.trim()} onClick={() => run('decline-offer', { reason: reason.trim() }, 'application_form.offer.declined')}>
            {translate('application_form.offer.decline')}
          </Button>
        </DialogActions>
      </Dialog>
    </Alert>
  );
};

export const ApplicationFormPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const { data: identity } = useGetIdentity();
  const organisationId = (identity as any)?.organisation_id as number | undefined;
  const { data: openCohorts = [], isPending: cohortsPending } = useGetList('cohorts', { filter: { phase: 'call_open' }, sort: { field: 'application_closes_at', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
  const { data: applications = [], isPending: appsPending, refetch } = useGetList('applications', { sort: { field: 'created_at', order: 'DESC' }, pagination: { page: 1, perPage: 20 } });
  const cohort = openCohorts[0];
  const application = useMemo(
    () =>
      applications.find((a: any) => a.offer_open) ??
      (cohort ? applications.find((a: any) => a.cohort_id === cohort.id) : undefined) ??
      applications.find((a: any) => a.status !== 'draft') ??
      applications[0],
    [applications, cohort],
  );
  const [closed, setClosed] = useState(false);
  const [confirm, setConfirm] = useState<'submit' | 'withdraw' | 'discard'>();
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const key = application ? `application-draft:${application.id}` : 'application-draft:none';
  const form = useForm<ApplicationDraft>({ resolver: zodResolver(applicationDraftSchema) as any, mode: 'onChange', defaultValues: {} });
  const editable = application?.status === 'draft' && !closed && !!cohort && application.cohort_id === cohort.id;
  const autosave = useAutosave<ApplicationDraft>(key, async (values) => {
    try {
      await dataProvider.update('applications', { id: application!.id, data: values, previousData: application });
    } catch (e: any) {
      applyServerErrors(form, e?.body?.errors);
      throw e;
    }
  });

  useEffect(() => {
    if (!application) return;
    const backup = readBackup<ApplicationDraft>(key);
    const server = pick(application, CONTENT_FIELDS) as ApplicationDraft;
    if (backup && application.status === 'draft' && backup.at > new Date(application.updated_at).getTime()) {
      form.reset(backup.values);
      setMessage({ severity: 'info', text: translate('application_form.restored') });
      autosave.change(backup.values);
    } else {
      form.reset(server);
      if (backup && application.status !== 'draft') localStorage.removeItem(key);
    }
  }, [application?.id, application?.status]);

  useEffect(() => {
    if (!editable) return;
    const sub = form.watch((values) => {
      void form.trigger().then((ok) => ok && autosave.change(values as ApplicationDraft));
    });
    return () => sub.unsubscribe();
  }, [form, editable]);

  if (cohortsPending || appsPending || !identity) return <CircularProgress />;

  const start = async () => {
    try {
      await dataProvider.create('applications', { data: { cohort_id: cohort!.id } });
      await refetch();
    } catch (e: any) {
      notify(e.message, { type: 'error' });
    }
  };

  const submit = async () => {
    setConfirm(undefined);
    const values = form.getValues();
    const check = applicationSubmitSchema.safeParse(values);
    if (!check.success) {
      for (const issue of check.error.issues) form.setError(issue.path.join('.') as any, { message: issue.message });
      setMessage({ severity: 'error', text: translate('application_form.incomplete') });
      return;
    }
    try {
      await autosave.flush();
      await dataProvider.action('applications', application!.id, 'submit', {});
      setMessage({ severity: 'success', text: translate('application_form.submitted') });
      localStorage.removeItem(key);
      await queryClient.invalidateQueries();
    } catch (e: any) {
      applyServerErrors(form, e?.body?.errors);
      setMessage({ severity: 'error', text: e?.body?.errors ? `${translate('application_form.incomplete')} ${Object.entries(e.body.errors).filter(([k]) => k.startsWith('organisation.')).map(([, v]) => v).join(' ')}` : e.message });
    }
  };

  const withdraw = async () => {
    setConfirm(undefined);
    try {
      await dataProvider.action('applications', application!.id, 'withdraw', {});
      setMessage({ severity: 'info', text: translate('application_form.withdrawn') });
      await queryClient.invalidateQueries();
    } catch (e: any) {
      setMessage({ severity: 'error', text: e.message });
    }
  };

  /** A draft that will not be handed in is deleted, so the organisation can start afresh while the call runs. */
  const discard = async () => {
    setConfirm(undefined);
    try {
      await dataProvider.delete('applications', { id: application!.id, previousData: application });
      localStorage.removeItem(key);
      setMessage({ severity: 'info', text: translate('application_form.discarded') });
      await queryClient.invalidateQueries();
    } catch (e: any) {
      setMessage({ severity: 'error', text: e?.body?.message ?? e.message });
    }
  };

  const f = (name: string) => translate(`resources.applications.fields.${name}`);
  const c = form.control as unknown as Control<any>;
  const ro = !editable;
  const titleCohort = cohort?.name ?? application?.cohort_name ?? '';

  return (
    <Box sx={{ maxWidth: 900, mx: 'auto', p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={translate('application_form.title', { cohort: titleCohort })} />
      <Typography variant="h4" component="h1">{translate('application_form.title', { cohort: titleCohort })}</Typography>
      {cohort && <Countdown closesAt={cohort.application_closes_at} serverNow={cohort.server_now} onClosed={() => setClosed(true)} />}
      {message && <Alert severity={message.severity} onClose={() => setMessage(undefined)}>{message.text}</Alert>}
      {!cohort && <Alert severity="info">{translate('application_form.no_call')}</Alert>}
      {cohort && !applications.some((a: any) => a.cohort_id === cohort.id) && !closed && (
        <Button variant="contained" onClick={start}>{translate('application_form.start')}</Button>
      )}
      {application && (
        <>
          {application.status !== 'draft' && (
            <Alert severity="success" action={<Button href={`/api/applications/${application.id}/pdf`}>{translate('resources.applications.pdf')}</Button>}>
              {application.submitted_at && translate('application_form.read_only', { date: berlinDateTime(application.submitted_at, locale === 'en' ? 'en-GB' : 'de-DE') })}{' '}
              {translate(`enums.application_status.${application.status}`)}
            </Alert>
          )}
          {application.offer_open && <OfferPanel applicationId={application.id} onDone={setMessage} />}
          {organisationId && <OrganisationSection organisationId={organisationId} readOnly={ro} />}
          <Section title={translate('application_form.sections.project')}>
            <Field control={c} name="project_name" label={f('project_name')} max={APPLICATION_LIMITS.project_name} readOnly={ro} />
            <Field control={c} name="summary" label={f('summary')} rows={4} max={APPLICATION_LIMITS.summary} readOnly={ro} />
            <Field control={c} name="target_regions" label={f('target_regions')} max={APPLICATION_LIMITS.target_regions} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.transfer')}>
            <Field control={c} name="transfer_model" label={f('transfer_model')} select={TRANSFER_MODELS.map((v) => ({ id: v, name: translate(`enums.transfer_model.${v}`) }))} readOnly={ro} />
            <Field control={c} name="scaling_goals" label={f('scaling_goals')} rows={4} max={APPLICATION_LIMITS.scaling_goals} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.impact')}>
            <Field control={c} name="impact_evidence" label={f('impact_evidence')} rows={5} max={APPLICATION_LIMITS.impact_evidence} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.budget')}>
            <EuroField control={c} name="funding_requested_cents" label={f('funding_requested_cents')} helper={translate('application_form.funding_hint')} readOnly={ro} />
            <Field control={c} name="budget_plan" label={f('budget_plan')} rows={4} max={APPLICATION_LIMITS.budget_plan} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.team')}>
            <Field control={c} name="team" label={f('team')} rows={3} max={APPLICATION_LIMITS.team} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.motivation')}>
            <Field control={c} name="motivation" label={f('motivation')} rows={3} max={APPLICATION_LIMITS.motivation} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.attachments')}>
            <Attachments applicationId={application.id} editable={editable} />
          </Section>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', position: 'sticky', bottom: 0, bgcolor: 'background.paper', py: 1 }}>
            {editable && <Button variant="contained" size="large" onClick={() => setConfirm('submit')}>{translate('application_form.submit')}</Button>}
            {WITHDRAWABLE.includes(application.status) && (
              <Button color="error" variant="outlined" onClick={() => setConfirm('withdraw')}>{translate('application_form.withdraw')}</Button>
            )}
            {application.status === 'draft' && (
              <Button color="error" onClick={() => setConfirm('discard')}>{translate('application_form.discard')}</Button>
            )}
            {editable && <SaveIndicator state={autosave.state} />}
          </Stack>
        </>
      )}
      <Confirm isOpen={confirm === 'submit'} title="application_form.submit" content="application_form.submit_confirm" onConfirm={submit} onClose={() => setConfirm(undefined)} />
      <Confirm isOpen={confirm === 'withdraw'} title="application_form.withdraw" content="application_form.withdraw_confirm" onConfirm={withdraw} onClose={() => setConfirm(undefined)} />
      <Confirm isOpen={confirm === 'discard'} title="application_form.discard" content="application_form.discard_confirm" onConfirm={discard} onClose={() => setConfirm(undefined)} />
    </Box>
  );
};
