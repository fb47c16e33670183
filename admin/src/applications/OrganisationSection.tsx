import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Box, Checkbox, CircularProgress, FormControlLabel, Stack, Typography } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS, organisationSchema } from '../../../backend/src/organisations/organisations.schema.ts';
import { maxLengthOf } from '../../../backend/src/shared/fields.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { FRESH, Field, SaveIndicator, Section, applyServerErrors, pick, type ErrorSink } from './applicationFormParts.tsx';
import { readBackup, useAutosave } from './useAutosave.ts';
import { schemaResolver } from '../shared/schemaResolver.ts';

const ORG_FIELDS = ['name', 'legal_form', 'charitable_status', 'street', 'postal_code', 'city', 'state', 'website', 'email', 'phone', 'founded_year', 'staff_count', 'field', 'description'] as const;
/** Limits come from the shared schemas the server checks with (one place): counters and errors read them. */
const orgLimit = (name: keyof typeof organisationSchema.shape) => maxLengthOf(organisationSchema.shape[name]);

/** The applicant's organisation within the application form, autosaved to its own record. */
export const OrganisationSection = ({ organisationId, readOnly, errorSink }: { organisationId: number; readOnly: boolean; errorSink: ErrorSink }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const key = `organisation-draft:${organisationId}`;
  const { data: org } = useQuery({ queryKey: ['organisations', 'form', organisationId], queryFn: async () => (await dataProvider.getOne('organisations', { id: organisationId })).data, ...FRESH });
  const form = useForm({ resolver: schemaResolver(organisationSchema.partial()), mode: 'onChange', defaultValues: {} as Record<string, any> });
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
