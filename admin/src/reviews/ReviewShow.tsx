import { Card, CardContent, Grid } from '@mui/material';
import { DeleteButton, Labeled, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { ApplicationPanel } from './ApplicationPanel.tsx';
import { ReadOnlyReview } from './ReadOnlyReview.tsx';
import { DateTimeField } from '../shared/fields.tsx';

const Content = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 6 }}><ApplicationPanel /></Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Card variant="outlined">
          <CardContent>
            <Labeled source="juror_name"><TextField source="juror_name" /></Labeled>
            <Labeled source="status"><EnumField source="status" enumName="review_status" /></Labeled>
            <Labeled source="submitted_at"><DateTimeField source="submitted_at" emptyText="–" /></Labeled>
            <ReadOnlyReview />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};

/** Staff take a juror off an application while the review is not submitted (a submitted one stays). */
const Actions = () => {
  const record = useRecordContext();
  return (
    <TopToolbar>
      {record && record.status !== 'submitted' && (
        <DeleteButton mutationMode="pessimistic" label="resources.reviews.unassign" confirmTitle="resources.reviews.unassign" confirmContent="resources.reviews.unassign_confirm" />
      )}
    </TopToolbar>
  );
};

/** Staff's view of one review: scores only once the juror has submitted. */
export const ReviewShow = () => (
  <Show actions={<Actions />}>
    <Content />
  </Show>
);
