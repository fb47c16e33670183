import { Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { List, Link, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../shared/format.ts';

interface TemplateRow {
  id: number;
  key: string;
  locale: 'de' | 'en';
  subject: string;
  updated_at: string;
  updated_by: number | null;
}

const LOCALES = ['de', 'en'] as const;

/** One row per message, its German and English version side by side. */
const ByKey = () => {
  const { data, isPending } = useListContext<TemplateRow>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isPending || !data) return null;
  const keys = [...new Set(data.map((t) => t.key))];
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={translate('resources.email-templates.name', { smart_count: 2 })}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.email-templates.fields.key')}</TableCell>
            {LOCALES.map((l) => <TableCell key={l}>{translate(`resources.email-templates.locales.${l}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key} data-key={key}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>{translate(`resources.email-templates.keys.${key}`, { _: key })}</Typography>
                <Typography variant="caption" component="code" color="text.secondary">{key}</Typography>
              </TableCell>
              {LOCALES.map((l) => {
                const t = data.find((row) => row.key === key && row.locale === l);
                return (
                  <TableCell key={l}>
                    {t ? (
                      <>
                        <Link to={`/email-templates/${t.id}`} lang={l}>{t.subject}</Link>
                        {t.updated_by != null && (
                          <Typography variant="caption" component="div" color="text.secondary">
                            <Chip size="small" label={translate('resources.email-templates.edited')} sx={{ mr: 1 }} />
                            {formatDateTime(t.updated_at, locale)}
                          </Typography>
                        )}
                      </>
                    ) : '–'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

export const EmailTemplateList = () => (
  <List perPage={200} pagination={false} sort={{ field: 'key', order: 'ASC' }} exporter={false}>
    <ByKey />
  </List>
);
