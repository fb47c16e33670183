import { useEffect, useState } from 'react';
import { Alert } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../shared/format.ts';

/** The deadline as the whole console writes a moment, with its weekday: `Mo., 07.12.2026, 14:00`. */
export const berlinDateTime = (d: string | Date, locale = 'de') => formatDateTime(d, locale, { weekday: true });

/**
 * Time left until the deadline by the server's clock: `serverNow` (from the cohort record) fixes the
 * offset between this browser's clock and the server's, so a wrong PC clock cannot mislead.
 */
export const Countdown = ({ closesAt, serverNow, onClosed }: { closesAt: string; serverNow: string; onClosed?: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(t);
  }, [offset]);
  const left = new Date(closesAt).getTime() - now;
  useEffect(() => {
    if (left <= 0) onClosed?.();
  }, [left <= 0]);
  const deadline = translate('application_form.deadline', { date: berlinDateTime(closesAt, locale) });
  if (left <= 0) return <Alert severity="error">{deadline} — {translate('application_form.closed')}</Alert>;
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  const time = days > 0 ? `${translate('application_form.days', { smart_count: days })} ${hms}` : hms;
  return (
    <Alert severity={s < 86400 ? 'warning' : 'info'} role="timer" aria-live="off">
      {deadline} · <strong>{translate('application_form.countdown', { time })}</strong>
    </Alert>
  );
};
