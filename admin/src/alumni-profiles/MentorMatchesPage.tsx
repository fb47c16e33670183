import { useState } from 'react';
import { Box, Button, Card, CardContent, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { MatchList, type Match } from './MatchList.tsx';

/** Staff: alumni whose offers meet a current fellow's needs (GET /api/fellowships/:id/mentor-matches). */
export const MentorMatchesPage = () => {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.alumni-profiles.mentors.${key}`);
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: fellowships } = useGetList('fellowships', { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'DESC' }, filter: { status: 'active' } });
  const [fellowshipId, setFellowshipId] = useState<number | ''>('');
  const [needs, setNeeds] = useState('');
  const [asked, setAsked] = useState<{ id: number; needs: string } | null>(null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['mentor-matches', asked],
    queryFn: () => {
      const query = asked!.needs.trim() ? `?needs=${encodeURIComponent(asked!.needs.trim())}` : '';
      return dataProvider.get(`fellowships/${asked!.id}/mentor-matches${query}`) as Promise<Match[]>;
    },
    enabled: !!asked,
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 3, alignItems: 'flex-start' }}>
          <MuiTextField select label={t('fellowship')} value={fellowshipId} onChange={(e) => setFellowshipId(Number(e.target.value))} sx={{ minWidth: 280 }}>
            {(fellowships ?? []).map((f: any) => (
              <MenuItem key={f.id} value={f.id}>
                {f.organisation_name ?? `#${f.id}`}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField label={t('needs')} value={needs} onChange={(e) => setNeeds(e.target.value)} fullWidth helperText={translate('resources.alumni-profiles.helper.topics')} />
          <Box>
            <Button variant="contained" sx={{ whiteSpace: 'nowrap', mt: 1 }} disabled={!fellowshipId || isFetching} onClick={() => setAsked({ id: Number(fellowshipId), needs })}>
              {t('search')}
            </Button>
          </Box>
        </Stack>
        {error ? <Typography color="error">{String((error as Error).message)}</Typography> : null}
        {asked && data && (data.length ? <MatchList matches={data} /> : <Typography color="text.secondary">{t('empty')}</Typography>)}
      </CardContent>
    </Card>
  );
};
