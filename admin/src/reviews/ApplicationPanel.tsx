import { Alert, Box, Card, CardContent, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatFileSize, formatMoney } from '../shared/format.ts';

/** The application's attachments (PDF/PNG/JPEG), to open beside the text: the API shows a juror those of assigned applications only. */
const Attachments = ({ applicationId }: { applicationId: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data = [], isPending } = useGetList('attachments', {
    filter: { application_id: applicationId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' },
  });
  if (isPending) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">{translate('resources.reviews.application.attachments')}</Typography>
      {data.length ? (
        <List dense disablePadding>
          {data.map((a) => (
            <ListItem key={a.id} disableGutters>
              <ListItemText
                primary={<Link href={`/api/attachments/${a.id}/content`} target="_blank" rel="noopener">{a.filename}</Link>}
                secondary={formatFileSize(a.size_bytes, locale)}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">{translate('resources.reviews.application.no_attachments')}</Typography>
      )}
    </Box>
  );
};

const TEXT_FIELDS = ['summary', 'target_regions', 'impact_evidence', 'scaling_goals', 'team', 'budget_plan', 'motivation'] as const;

/** The application as the jury sees it: its text and the organisation's name, never contact data. */
export const ApplicationPanel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const application = record?.application;
  if (!application) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby="application-title">
      <CardContent>
        <Typography id="application-title" variant="h6" component="h2">{application.project_name ?? translate('resources.reviews.application.title')}</Typography>
        <Typography variant="subtitle1" color="text.secondary" gutterBottom>{application.organisation_name}</Typography>
        <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.reviews.application.blind_hint')}</Alert>
        {application.transfer_model && (
          <Typography variant="body2" gutterBottom>
            <strong>{translate('resources.reviews.application.transfer_model')}:</strong>{' '}
            {translate(`enums.transfer_model.${application.transfer_model}`, { _: application.transfer_model })}
          </Typography>
        )}
        {application.funding_requested_cents != null && (
          <Typography variant="body2" gutterBottom>
            <strong>{translate('resources.reviews.application.funding_requested_cents')}:</strong> {formatMoney(application.funding_requested_cents, locale)}
          </Typography>
        )}
        {TEXT_FIELDS.filter((f) => application[f]).map((f) => (
          <Box key={f} sx={{ mt: 2 }}>
            <Typography variant="subtitle2" component="h3">{translate(`resources.reviews.application.${f}`)}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{application[f]}</Typography>
          </Box>
        ))}
        <Attachments applicationId={record.application_id} />
      </CardContent>
    </Card>
  );
};
