import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type Control } from 'react-hook-form';
import { Alert, AlertTitle, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { Confirm, Title, useDataProvider, useGetIdentity, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  TRANSFER_MODELS, applicationDraftSchema, applicationSubmitSchema, type ApplicationDraft,
} from '../../../backend/src/applications/applications.schema.ts';
import { maxLengthOf } from '../../../backend/src/shared/fields.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { Attachments } from './Attachments.tsx';
import { Countdown, berlinDateTime } from './Countdown.tsx';
import { OfferPanel } from './OfferPanel.tsx';
import { OrganisationSection } from './OrganisationSection.tsx';
import { EuroField, FRESH, Field, SaveIndicator, Section, applyServerErrors, pick, type ErrorSink } from './applicationFormParts.tsx';
import { readBackup, useAutosave } from './useAutosave.ts';
import { schemaResolver } from '../shared/schemaResolver.ts';

const CONTENT_FIELDS = Object.keys(applicationDraftSchema.shape) as Array<keyof ApplicationDraft>;
const WITHDRAWABLE = ['draft', 'submitted', 'eligible', 'ineligible', 'shortlisted', 'waitlisted'];
/** Limits come from the shared schemas the server checks with (one place): counters and errors read them. */
const appLimit = (name: keyof typeof applicationDraftSchema.shape) => maxLengthOf(applicationDraftSchema.shape[name]);

/** The applicant's application: sections, autosave, countdown, submit; read-only with PDF once submitted. */
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
  const form = useForm({ resolver: schemaResolver(applicationDraftSchema), mode: 'onChange', defaultValues: {} });
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
