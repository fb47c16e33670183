import { Button, Card, CardContent, Chip, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate, localeTag } from '../shared/format.ts';

/**
 * The surveys open to the signed-in respondent (the server lists only those), each with a button to
 * answer or a mark that it is answered. `hideEmpty`: nothing at all when none is open (the fellow's home).
 */
export const OpenSurveysCard = ({ hideEmpty = false }: { hideEmpty?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, options?: any) => translate(`resources.surveys.respond.${key}`, options);
  const { data = [], isPending } = useGetList('surveys', { sort: { field: 'closes_at', order: 'ASC' }, pagination: { page: 1, perPage: 20 } });
  if (isPending || (hideEmpty && !data.length)) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="open-surveys">
      <CardContent>
        <Typography variant="h6" component="h2">{t('open')}</Typography>
        {!data.length && <Typography color="text.secondary">{t('none')}</Typography>}
        <MuiList dense disablePadding>
          {data.map((s) => (
            <ListItem key={s.id} disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
              <ListItemText
                primary={s.title}
                secondary={`${translate(`enums.survey_kind.${s.kind}`)} · ${t('until', { date: formatDate(s.closes_at, localeTag(locale)) })}`}
                sx={{ flex: '1 1 14rem' }}
              />
              {s.answered ? (
                <Chip icon={<CheckIcon />} color="success" variant="outlined" label={t('done')} />
              ) : (
                <Stack>
                  <Button component={Link} to={`/survey-answer/${s.id}`} variant="contained" size="large">{t('answer')}</Button>
                </Stack>
              )}
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};
