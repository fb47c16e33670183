import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, FormControlLabel, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import { Title, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { berlinToday, COACHING_FORMATS, coachingSessionSchema } from '../../../backend/src/coaching-sessions/coaching-sessions.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { BudgetBar } from './BudgetBar.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

type FormValues = z.input<typeof coachingSessionSchema>;

/**
 * The coach's quick "log a session" form: react-hook-form with the API's own zod schema, so the
 * same rules answer in the browser and on the server; the server's field errors (e.g. the hour
 * budget) land on the fields too.
 */
export const LogSessionForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [params] = useSearchParams();
  const { data: fellows = [] } = useQuery({ queryKey: ['programme-fellows'], queryFn: () => dataProvider.get('programme/fellows') as Promise<any[]> });
  const active = useMemo(() => fellows.filter((f) => f.status === 'active'), [fellows]);
  const preselected = Number(params.get('fellowship_id')) || undefined;
  const { control, handleSubmit, watch, setError, reset, formState } = useForm<FormValues>({
    resolver: schemaResolver(coachingSessionSchema),
    defaultValues: { fellowship_id: preselected as any, held_on: berlinToday(), duration_minutes: 60, format: 'video', topics: '', notes: '', next_steps: '', confidential: false },
  });
  const fellowshipId = watch('fellowship_id');
  const selected = active.find((f) => f.id === Number(fellowshipId));
  const f = (key: string) => translate(`resources.coaching-sessions.fields.${key}`);

  const onSubmit = async (values: FormValues) => {
    try {
      const { data } = await dataProvider.create('coaching-sessions', { data: values });
      notify('resources.coaching-sessions.log.saved', { type: 'success' });
      if (data.budget?.state && data.budget.state !== 'ok') notify(`resources.coaching-sessions.budget.${data.budget.state}`, { type: 'warning' });
      await queryClient.invalidateQueries({ queryKey: ['programme-fellows'] });
      reset({ ...values, topics: '', notes: '', next_steps: '', confidential: false });
      redirect('list', 'coaching-sessions');
    } catch (error: any) {
      const errors = error?.body?.errors ?? {};
      for (const [field, message] of Object.entries(errors)) setError(field as any, { message: String(message) });
      notify(error?.body?.message ?? error?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={translate('resources.coaching-sessions.log.title')} />
      <CardContent>
        <Box component="form" onSubmit={handleSubmit(onSubmit)} noValidate>
          <Stack spacing={2}>
            <Controller
              name="fellowship_id"
              control={control}
              render={({ field, fieldState }) => (
                <TextField select label={translate('resources.coaching-sessions.log.choose')} value={field.value ?? ''} onChange={(e) => field.onChange(Number(e.target.value))} error={!!fieldState.error} helperText={fieldState.error?.message}>
                  {active.map((fellow) => (
                    <MenuItem key={fellow.id} value={fellow.id}>{fellow.organisation_name} · {fellow.cohort_name}</MenuItem>
                  ))}
                </TextField>
              )}
            />
            {selected && <BudgetBar budget={selected.coaching} />}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Controller name="held_on" control={control} render={({ field, fieldState }) => (
                <TextField type="date" label={f('held_on')} {...field} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldState.error} helperText={fieldState.error?.message} />
              )} />
              <Controller name="duration_minutes" control={control} render={({ field, fieldState }) => (
                <TextField type="number" label={f('duration_minutes')} value={field.value ?? ''} onChange={(e) => field.onChange(e.target.value === '' ? undefined : Number(e.target.value))} slotProps={{ htmlInput: { step: 15, min: 5, max: 600 } }} error={!!fieldState.error} helperText={fieldState.error?.message} />
              )} />
              <Controller name="format" control={control} render={({ field }) => (
                <TextField select label={f('format')} {...field} sx={{ minWidth: 160 }}>
                  {COACHING_FORMATS.map((v) => <MenuItem key={v} value={v}>{translate(`enums.coaching_format.${v}`)}</MenuItem>)}
                </TextField>
              )} />
            </Stack>
            {(['topics', 'notes', 'next_steps'] as const).map((name) => (
              <Controller key={name} name={name} control={control} render={({ field, fieldState }) => (
                <TextField label={f(name)} {...field} value={field.value ?? ''} multiline={name !== 'topics'} minRows={name === 'notes' ? 4 : 2} error={!!fieldState.error} helperText={fieldState.error?.message} />
              )} />
            ))}
            <Controller name="confidential" control={control} render={({ field }) => (
              <FormControlLabel control={<Switch checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} />} label={f('confidential')} />
            )} />
            {watch('confidential') && <Alert severity="info">{translate('resources.coaching-sessions.confidential_hint')}</Alert>}
            {formState.errors.root && <Typography color="error">{formState.errors.root.message}</Typography>}
            <Box>
              <Button type="submit" variant="contained" disabled={formState.isSubmitting || selected?.coaching?.state === 'at_limit'}>
                {translate('resources.coaching-sessions.log.submit')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
};
