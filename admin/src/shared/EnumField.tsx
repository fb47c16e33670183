import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { Chip, Typography } from '@mui/material';

/** Shows an enum value with its translated label (enums.<enumName>.<value>). */
export const EnumField = ({ source, enumName, chip }: FieldProps & { source: string; enumName: string; chip?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value == null) return null;
  const label = translate(`enums.${enumName}.${value}`, { _: String(value) });
  return chip ? <Chip size="small" label={label} /> : <Typography component="span" variant="body2">{label}</Typography>;
};
