import { useEffect, useState, type MutableRefObject, type ReactNode } from 'react';
import { Controller, type Control, type UseFormReturn } from 'react-hook-form';
import { Alert, Box, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SaveState } from './useAutosave.ts';

/** Queries the form edits from: always fetched afresh on entry, never served from a cache. */
export const FRESH = { staleTime: 0, gcTime: 0, refetchOnMount: 'always', refetchOnWindowFocus: false } as const;
export type ErrorSink = MutableRefObject<((errors: Record<string, string>) => void) | undefined>;

export const pick = <T extends Record<string, any>>(record: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, record?.[k] ?? (k === 'charitable_status' ? false : '')]));

export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card component="section" variant="outlined">
    <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h6" component="h2">{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

/** A text field bound to react-hook-form, labelled from the resource's translations, with its error. */
export const Field = ({ control, name, label, rows, select, type, max, readOnly }: {
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

export const EuroField = ({ control, name, label, helper, readOnly }: { control: Control<any>; name: string; label: string; helper: string; readOnly?: boolean }) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <EuroInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} label={label} helper={helper} error={fieldState.error?.message} readOnly={readOnly} />
    )}
  />
);

export const SaveIndicator = ({ state }: { state: SaveState }) => {
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

export function applyServerErrors(form: UseFormReturn<any>, errors: Record<string, string> | undefined, prefix = '') {
  for (const [key, message] of Object.entries(errors ?? {})) {
    if (prefix && key.startsWith(prefix)) form.setError(key.slice(prefix.length), { message });
    else if (!prefix && !key.includes('.')) form.setError(key, { message });
  }
}
