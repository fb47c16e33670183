import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { AutocompleteInput, Form, ReferenceInput, useDataProvider, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

type Status = 'registered' | 'attended' | 'absent' | 'excused';
const STATUSES: Status[] = ['attended', 'absent', 'excused', 'registered'];

/**
 * Staff's one screen per workshop: every registered person with a status toggle, "all attended",
 * walk-ins added by name; saved in one request (POST /api/workshops/:id/mark-attendance), all or
 * nothing on the server.
 */
export const AttendanceMarking = () => {
  const workshop = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending } = useGetList('attendances', {
    filter: { workshop_id: workshop?.id },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'organisation_name', order: 'ASC' },
  }, { enabled: !!workshop?.id });
  const attendances = useMemo(() => data ?? [], [data]);
  const [marks, setMarks] = useState<Record<number, Status>>({});
  const [extra, setExtra] = useState<Array<{ person_id: number; name: string }>>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setMarks(Object.fromEntries(attendances.map((a: any) => [a.person_id, a.status])));
  }, [attendances]);
  const rows = useMemo(
    () => [
      ...attendances.map((a: any) => ({ person_id: a.person_id, name: a.person_name, organisation: a.organisation_name })),
      ...extra.filter((e) => !attendances.some((a: any) => a.person_id === e.person_id)).map((e) => ({ ...e, organisation: '' })),
    ],
    [attendances, extra],
  );
  if (!workshop) return null;
  const started = new Date(workshop.starts_at) <= new Date();
  const changed = rows.filter((r) => marks[r.person_id] && marks[r.person_id] !== attendances.find((a: any) => a.person_id === r.person_id)?.status);

  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.action('workshops', workshop.id, 'mark-attendance', { entries: changed.map((r) => ({ person_id: r.person_id, status: marks[r.person_id] })) });
      notify('resources.workshops.marking.saved', { type: 'success' });
      setExtra([]);
      await queryClient.invalidateQueries({ queryKey: ['attendances'] });
      refresh();
    } catch (error: any) {
      notify(error?.body?.message ?? error?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      <Typography variant="h6" gutterBottom>{translate('resources.workshops.marking.title')}</Typography>
      {!started && <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.workshops.marking.not_started')}</Alert>}
      {!isPending && rows.length === 0 && <Typography color="text.secondary">{translate('resources.workshops.marking.none')}</Typography>}
      {rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.attendances.fields.person_name')}</TableCell>
              <TableCell>{translate('resources.attendances.fields.organisation_name')}</TableCell>
              <TableCell>{translate('resources.attendances.fields.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.person_id}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.organisation}</TableCell>
                <TableCell>
                  <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={marks[r.person_id] ?? null}
                    onChange={(_e, value) => value && setMarks((m) => ({ ...m, [r.person_id]: value }))}
                    aria-label={r.name}
                  >
                    {STATUSES.map((s) => (
                      <ToggleButton key={s} value={s} disabled={!started && (s === 'attended' || s === 'absent')}>
                        {translate(`enums.attendance_status.${s}`)}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Form>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
          <ReferenceInput source="walk_in" reference="people">
            <AutocompleteInput
              label="resources.workshops.marking.add_person"
              optionText={(p: any) => `${p.first_name} ${p.last_name} (${p.organisation_name ?? ''})`}
              onChange={(id: number, person: any) => {
                if (!id || !person) return;
                setExtra((e) => [...e, { person_id: id, name: `${person.first_name} ${person.last_name}` }]);
                setMarks((m) => ({ ...m, [id]: started ? 'attended' : 'registered' }));
              }}
              sx={{ minWidth: 320 }}
            />
          </ReferenceInput>
          <Button disabled={!started || !rows.length} onClick={() => setMarks(Object.fromEntries(rows.map((r) => [r.person_id, 'attended' as Status])))}>
            {translate('resources.workshops.marking.all_attended')}
          </Button>
          <Button variant="contained" disabled={saving || changed.length === 0} onClick={save}>
            {translate('resources.workshops.marking.save')}
          </Button>
        </Stack>
      </Form>
    </Box>
  );
};
