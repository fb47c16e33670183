import { Typography, type TypographyProps } from '@mui/material';
import { useFieldValue, useLocaleState } from 'react-admin';
import { formatDay, formatEuro, numberLocale } from './money.ts';

/** Integer cents as "1.234,56 €" in the console's language, whatever the browser's locale. */
export const EuroField = ({ source, ...props }: { source: string; label?: string } & TypographyProps) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} {...props}>{formatEuro(value == null ? null : Number(value), numberLocale(locale))}</Typography>;
};

/** A calendar date as "07.12.2026" (dd.MM.yyyy; dd/MM/yyyy in English). */
export const DayField = ({ source, ...props }: { source: string; label?: string } & TypographyProps) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} {...props}>{formatDay(value == null ? null : String(value), numberLocale(locale))}</Typography>;
};

/** A moment as "07.12.2026, 14:05" in Europe/Berlin. */
export const BerlinDateTimeField = ({ source, ...props }: { source: string; label?: string } & TypographyProps) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  const text = value
    ? new Date(value).toLocaleString(numberLocale(locale), { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    : '';
  return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} {...props}>{text}</Typography>;
};
