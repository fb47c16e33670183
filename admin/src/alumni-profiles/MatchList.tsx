import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCreatePath, useTranslate } from 'react-admin';

export interface Match {
  id: number;
  organisation_id: number;
  organisation_name: string;
  cohort_year: number;
  visible: boolean;
  score: number;
  offers_to_me: Array<{ offer: string; need: string }>;
  needs_from_me: Array<{ offer: string; need: string }>;
}

/** Ranked matches with their explanation, one line per matched pair of topics. */
export const MatchList = ({ matches }: { matches: Match[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const t = (key: string, options?: any) => translate(`resources.alumni-profiles.matches.${key}`, options);
  if (!matches.length) return <Typography color="text.secondary">{t('empty')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {matches.map((m) => (
        <Card key={m.id} variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography component={Link} to={createPath({ resource: 'alumni-profiles', id: m.id, type: 'show' })} variant="subtitle1" sx={{ fontWeight: 600 }}>
                {m.organisation_name}
              </Typography>
              <Typography variant="body2" color="text.secondary">{m.cohort_year}</Typography>
              <Chip size="small" color="primary" label={t('score', { score: m.score })} />
              {!m.visible && <Chip size="small" color="warning" label={translate('resources.alumni-profiles.card.hidden')} />}
            </Stack>
            <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
              {m.offers_to_me.map((p, i) => (
                <li key={`o${i}`} title={t('explain_they_offer')}>
                  <Typography variant="body2">{t('they_offer', { offer: p.offer, need: p.need })}</Typography>
                </li>
              ))}
              {m.needs_from_me.map((p, i) => (
                <li key={`n${i}`} title={t('explain_they_need')}>
                  <Typography variant="body2" color="text.secondary">{t('they_need', { offer: p.offer, need: p.need })}</Typography>
                </li>
              ))}
            </Box>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
