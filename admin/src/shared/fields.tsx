import { Typography, type TypographyProps } from '@mui/material';
import { useFieldValue, useLocaleState } from 'react-admin';
import { formatDate, formatDateTime, formatFileSize, formatMoney } from './format.ts';

type Props = { source: string; label?: string; emptyText?: string } & Omit<TypographyProps, 'children'>;

const Text = ({ text, ...props }: { text: string } & Omit<TypographyProps, 'children'>) => (
  <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} {...props}>{text}</Typography>
);

/** Integer cents as "1.234,56 €" in the console's language, whatever the browser's locale. */
export const EuroField = ({ source, emptyText, label: _label, ...props }: Props) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Text text={value == null ? (emptyText ?? '') : formatMoney(Number(value), locale)} {...props} />;
};

/** A calendar date as "07.12.2026" (dd.MM.yyyy; dd/MM/yyyy in English), never shifted by a zone. */
export const DayField = ({ source, emptyText, label: _label, ...props }: Props) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Text text={value == null || value === '' ? (emptyText ?? '') : formatDate(String(value), locale)} {...props} />;
};

/** A moment as "07.12.2026, 14:05" in Europe/Berlin; `weekday` for events ("Mo., 07.12.2026, 14:05"). */
export const DateTimeField = ({ source, emptyText, weekday, label: _label, ...props }: Props & { weekday?: boolean }) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Text text={value == null || value === '' ? (emptyText ?? '') : formatDateTime(String(value), locale, { weekday })} {...props} />;
};

/** A file size as "12 KB" / "1,5 MB". */
export const FileSizeField = ({ source, emptyText, label: _label, ...props }: Props) => {
  const value = useFieldValue({ source });
  const [locale] = useLocaleState();
  return <Text text={value == null ? (emptyText ?? '') : formatFileSize(Number(value), locale)} {...props} />;
};
