import { useEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
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
  TRANSFER_MODELS, applicationDraftSchema, applicationSubmitSchema, type ApplicationDraft,
} from '../../../backend/src/applications/applications.schema.ts';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS, organisationSchema } from '../../../backend/src/organisations/organisations.schema.ts';
import { maxLengthOf } from '../../../backend/src/shared/fields.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { Countdown, berlinDateTime } from './Countdown.tsx';
import { readBackup, useAutosave, type SaveState } from './useAutosave.ts';

const CONTENT_FIELDS = Object.keys(applicationDraftSchema.shape) as Array<keyof ApplicationDraft>;
const ORG_FIELDS = ['name', 'legal_form', 'charitable_status', 'street', 'postal_code', 'city', 'state', 'website', 'email', 'phone', 'founded_year', 'staff_count', 'field', 'description'] as const;
const WITHDRAWABLE = ['draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'waitlisted'];
/** Limits come from the shared schemas the server checks with (one place): counters and errors read them. */
const appLimit = (name: keyof typeof applicationDraftSchema.shape) => maxLengthOf(applicationDraftSchema.shape[name]);
const orgLimit = (name: keyof typeof organisationSchema.shape) => maxLengthOf(organisationSchema.shape[name]);
/** Queries the form edits from: always fetched afresh on entry, never served from a cache. */
const FRESH = { staleTime: 0, gcTime: 0, refetchOnMount: 'always', refetchOnWindowFocus: false } as const;
type ErrorSink = MutableRefObject<((errors: Record<string, string>) => void) | undefined>;

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
        // No maxLength on the input: the browser would cut a long paste silently. The counter and the
        // field error (the shared schema's limit) say what is too long; nothing is sent until it fits.
        slotProps={{ input: { readOnly }, htmlInput: { 'data-max-length': max } }}
        error={!!fieldState.error || (!!max && String(field.value ?? '').length > max)}
        helperText={<Counted error={fieldState.error?.message} length={String(field.value ?? '').length} max={max} />}
      >
        {select?.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
      </TextField>
    )}
  />
);

/** A field's error and, for a limited text, its counter ("2.500 / 2.000 Zeichen"). */
const Counted = ({ error, length, max }: { error?: string; length: number; max?: number }) => {
  const translate = useTranslate();
  if (!max) return error ?? null;
  const counter = translate('application_form.counter', { length: length.toLocaleString('de-DE'), max: max.toLocaleString('de-DE') });
  return (
    <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
      <span>{error}</span>
      <span data-testid="counter">{counter}</span>
    </Box>
  );
};

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
  if (state.kind === 'conflict') return <Typography variant="body2" color="error">{translate('application_form.not_saved_conflict')}</Typography>;
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

const OrganisationSection = ({ organisationId, readOnly, errorSink }: { organisationId: number; readOnly: boolean; errorSink: ErrorSink }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const key = `organisation-draft:${organisationId}`;
  const { data: org } = useQuery({ queryKey: ['organisations', 'form', organisationId], queryFn: async () => (await dataProvider.getOne('organisations', { id: organisationId })).data, ...FRESH });
  const form = useForm({ resolver: zodResolver(organisationSchema.partial()) as any, mode: 'onChange', defaultValues: {} as Record<string, any> });
  // The submission's `organisation.<field>` errors land on these fields.
  errorSink.current = (errors) => applyServerErrors(form, errors, 'organisation.');
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
    const sub = form.watch((values, { type }) => {
      if (type !== 'change') return;
      void form.trigger().then((ok) => (ok ? autosave.change(values as Record<string, any>) : autosave.backup(values as Record<string, any>)));
    });
    return () => sub.unsubscribe();
  }, [form, readOnly]);
  if (!org) return <CircularProgress />;
  const t = (f: string) => translate(`resources.organisations.fields.${f}`);
  const c = form.control;
  return (
    <Section title={translate('application_form.sections.organisation')}>
      <Field control={c} name="name" label={t('name')} max={orgLimit('name')} readOnly={readOnly} />
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
      <Field control={c} name="street" label={t('street')} max={orgLimit('street')} readOnly={readOnly} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="postal_code" label={t('postal_code')} readOnly={readOnly} />
        <Field control={c} name="city" label={t('city')} max={orgLimit('city')} readOnly={readOnly} />
        <Field control={c} name="state" label={t('state')} select={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} readOnly={readOnly} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="email" label={t('email')} type="email" max={orgLimit('email')} readOnly={readOnly} />
        <Field control={c} name="phone" label={t('phone')} max={orgLimit('phone')} readOnly={readOnly} />
        <Field control={c} name="website" label={t('website')} max={orgLimit('website')} readOnly={readOnly} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Field control={c} name="founded_year" label={t('founded_year')} type="number" readOnly={readOnly} />
        <Field control={c} name="staff_count" label={t('staff_count')} type="number" readOnly={readOnly} />
      </Stack>
      <Field control={c} name="description" label={t('description')} rows={3} max={orgLimit('description')} readOnly={readOnly} />
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
  // The record the form edits, fetched from the server on every entry (the list above may be a
  // cached copy from before the last save: editing that would overwrite newer text).
  const { data: fresh, dataUpdatedAt, refetch: reload } = useQuery({
    queryKey: ['applications', 'form', application?.id],
    queryFn: async () => (await dataProvider.getOne('applications', { id: application!.id })).data,
    enabled: !!application?.id,
    ...FRESH,
  });
  const current = fresh && fresh.id === application?.id ? fresh : undefined;
  /** The version the form's text is based on; every save sends it, a successful one moves it on. */
  const version = useRef<number | undefined>(undefined);
  /** Text typed in this browser that was not saved and differs from the server's newer version. */
  const [kept, setKept] = useState<ApplicationDraft>();
  const orgErrors: ErrorSink = useRef(undefined);
  const editable = current?.status === 'draft' && !closed && !!cohort && current.cohort_id === cohort.id;
  const autosave = useAutosave<ApplicationDraft & { version?: number }>(key, async (values) => {
    try {
      const { data } = await dataProvider.update('applications', { id: application!.id, data: { ...values, version: version.current }, previousData: current });
      version.current = data.version;
    } catch (e: any) {
      applyServerErrors(form, e?.body?.errors);
      throw e;
    }
  });
  const conflict = autosave.state.kind === 'conflict';
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;

  useEffect(() => {
    if (!current) return;
    version.current = current.version;
    autosave.reset();
    const backup = readBackup<ApplicationDraft & { version?: number }>(key);
    const server = pick(current, CONTENT_FIELDS) as ApplicationDraft;
    form.reset(server);
    if (!backup) return;
    const { version: base, ...typed } = backup.values;
    const differs = CONTENT_FIELDS.some((k) => String(typed[k] ?? '') !== String(server[k] ?? ''));
    if (current.status !== 'draft' || !differs) {
      localStorage.removeItem(key);
    } else if (base === current.version) {
      // Typed here after the last save, on top of this very version: carry on with it.
      form.reset(typed);
      setMessage({ severity: 'info', text: translate('application_form.restored') });
      autosave.change(backup.values);
    } else {
      // The server has a newer version (another tab, another person): show it, keep ours aside.
      setKept(typed);
    }
  }, [current?.id, dataUpdatedAt]);

  useEffect(() => {
    if (!editable) return;
    const sub = form.watch((values, { type }) => {
      if (type !== 'change') return; // a reset from the server is not an edit
      const draft = { ...(values as ApplicationDraft), version: version.current };
      if (conflictRef.current) return autosave.backup(draft);
      void form.trigger().then((ok) => (ok ? autosave.change(draft) : autosave.backup(draft)));
    });
    return () => sub.unsubscribe();
  }, [form, editable]);

  if (cohortsPending || appsPending || !identity || (application && !current)) return <CircularProgress />;

  /** Loads the server's version; what was typed here stays in the local backup to take over. */
  const reloadFromServer = async () => {
    setMessage(undefined);
    await reload();
  };

  /** Takes the text kept in this browser over the server's version (a deliberate choice, saved as a new version). */
  const takeKept = () => {
    if (!kept) return;
    form.reset(kept);
    autosave.change({ ...kept, version: version.current });
    setKept(undefined);
  };

  const dropKept = () => {
    localStorage.removeItem(key);
    setKept(undefined);
  };

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
      // Every field error lands on its field (the application's and the organisation's); the
      // banner only says that there are some.
      applyServerErrors(form, e?.body?.errors);
      orgErrors.current?.(e?.body?.errors ?? {});
      setMessage({ severity: 'error', text: e?.body?.errors ? translate('application_form.incomplete') : (e?.body?.message ?? e.message) });
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
      {autosave.state.kind === 'conflict' && (
        <Alert severity="warning" role="alert" data-testid="conflict" action={<Button color="inherit" onClick={reloadFromServer}>{translate('application_form.conflict_reload')}</Button>}>
          <AlertTitle>{translate('application_form.conflict_title')}</AlertTitle>
          {autosave.state.message}
        </Alert>
      )}
      {kept && (
        <Alert severity="info" data-testid="kept" action={
          <Stack direction="row" spacing={1}>
            <Button color="inherit" onClick={takeKept}>{translate('application_form.kept_use')}</Button>
            <Button color="inherit" onClick={dropKept}>{translate('application_form.kept_drop')}</Button>
          </Stack>
        }>
          {translate('application_form.kept')}
        </Alert>
      )}
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
          {organisationId && <OrganisationSection organisationId={organisationId} readOnly={ro} errorSink={orgErrors} />}
          <Section title={translate('application_form.sections.project')}>
            <Field control={c} name="project_name" label={f('project_name')} max={appLimit('project_name')} readOnly={ro} />
            <Field control={c} name="summary" label={f('summary')} rows={4} max={appLimit('summary')} readOnly={ro} />
            <Field control={c} name="target_regions" label={f('target_regions')} max={appLimit('target_regions')} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.transfer')}>
            <Field control={c} name="transfer_model" label={f('transfer_model')} select={TRANSFER_MODELS.map((v) => ({ id: v, name: translate(`enums.transfer_model.${v}`) }))} readOnly={ro} />
            <Field control={c} name="scaling_goals" label={f('scaling_goals')} rows={4} max={appLimit('scaling_goals')} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.impact')}>
            <Field control={c} name="impact_evidence" label={f('impact_evidence')} rows={5} max={appLimit('impact_evidence')} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.budget')}>
            <EuroField control={c} name="funding_requested_cents" label={f('funding_requested_cents')} helper={translate('application_form.funding_hint')} readOnly={ro} />
            <Field control={c} name="budget_plan" label={f('budget_plan')} rows={4} max={appLimit('budget_plan')} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.team')}>
            <Field control={c} name="team" label={f('team')} rows={3} max={appLimit('team')} readOnly={ro} />
          </Section>
          <Section title={translate('application_form.sections.motivation')}>
            <Field control={c} name="motivation" label={f('motivation')} rows={3} max={appLimit('motivation')} readOnly={ro} />
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
