import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useCreate, useGetIdentity, useGetList, useNotify, useRecordContext, useTranslate, useUpdate } from 'react-admin';

/**
 * A fellow's own people for this workshop: register (within the per-organisation cap) or cancel
 * (excused). The server enforces the cap; the screen shows the answer.
 */
export const RegisterPanel = () => {
  const workshop = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const organisationId = (identity as any)?.organisation_id;
  const { data: people = [] } = useGetList('people', { filter: { organisation_id: organisationId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'last_name', order: 'ASC' } }, { enabled: !!organisationId });
  const { data: mine = [], refetch } = useGetList('attendances', { filter: { workshop_id: workshop?.id }, pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } }, { enabled: !!workshop?.id });
  const [create] = useCreate();
  const [update] = useUpdate();
  if (!workshop) return null;
  const open = new Date(workshop.starts_at) > new Date();
  const onError = (error: any) => notify(error?.body?.message ?? error?.message, { type: 'error' });
  const onSuccess = () => {
    notify('resources.attendances.registered', { type: 'success' });
    refetch();
  };
  return (
    <Box>
      <Typography variant="subtitle2" gutterBottom>{translate('resources.workshops.cap', { cap: workshop.cap_per_organisation })}</Typography>
      {!open && <Alert severity="info">{translate('resources.workshops.marking.not_started')}</Alert>}
      <Stack spacing={1}>
        {people.map((p: any) => {
          const a = mine.find((x: any) => x.person_id === p.id);
          return (
            <Stack key={p.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ minWidth: 200 }}>{p.first_name} {p.last_name}</Typography>
              {a && <Chip size="small" label={translate(`enums.attendance_status.${a.status}`)} />}
              {open && (!a || a.status === 'excused') && (
                <Button size="small" onClick={() => (a
                  ? update('attendances', { id: a.id, data: { status: 'registered' }, previousData: a }, { onSuccess, onError, mutationMode: 'pessimistic' })
                  : create('attendances', { data: { workshop_id: workshop.id, person_id: p.id } }, { onSuccess, onError }))}
                >
                  {translate('resources.attendances.register')}
                </Button>
              )}
              {open && a && a.status === 'registered' && (
                <Button size="small" color="warning" onClick={() => update('attendances', { id: a.id, data: { status: 'excused' }, previousData: a }, { onSuccess, onError, mutationMode: 'pessimistic' })}>
                  {translate('resources.attendances.excuse')}
                </Button>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
};
