import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { EditButton, Labeled, ReferenceField, Show, TextField, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { ReactNode } from 'react';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField, EuroField } from '../shared/fields.tsx';
import { BudgetTable, History, Totals } from './BudgetTable.tsx';
import { Expenses } from './Expenses.tsx';
import { ReviewButtons, SubmitButton } from './ReportActions.tsx';
import { DueField, Period } from './GranteeReportList.tsx';

const T = 'resources.grantee-reports';

/** Edit: the fellow's texts while the report is open; staff's period and due date until it is accepted. */
const EditTexts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  if (permissions === 'applicant' && ['requested', 'returned'].includes(record.status)) return <EditButton label={translate(`${T}.actions.edit_texts`)} />;
  if ((permissions === 'staff' || permissions === 'admin') && record.status !== 'accepted') return <EditButton />;
  return null;
};

/** The Verwendungsnachweis as a PDF (GET /api/reports/grantee-reports/:id/report.pdf). */
const PdfButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={`/api/reports/grantee-reports/${record.id}/report.pdf`}>
      {translate(`${T}.actions.pdf`)}
    </Button>
  );
};

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <PdfButton />
    <EditTexts />
    <SubmitButton />
    <ReviewButtons />
  </TopToolbar>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ width: '100%' }}>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

/** The state note a reader must not miss: the return note above everything while it is to be reworked. */
const StateNote = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.review_note) return null;
  if (record.status === 'returned') return <Alert severity="warning" data-testid="return-note">{translate(`${T}.returned_note`, { note: record.review_note })}</Alert>;
  if (record.status === 'accepted') return <Alert severity="success">{translate(`${T}.accepted_note`, { note: record.review_note })}</Alert>;
  return null;
};

const Text = ({ source }: { source: 'achievements' | 'challenges' | 'next_steps' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Labeled label={`${T}.fields.${source}`} fullWidth>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} color={record?.[source] ? undefined : 'text.secondary'}>
        {record?.[source] || translate(`${T}.empty_text`)}
      </Typography>
    </Labeled>
  );
};

/**
 * One report as staff review it and the fellow writes it: state and dates, the narrative, the
 * expenses with receipts, budget against actual (flags over plan + 20 %), the funds paid against
 * those spent, and the review history. Single column, so it reads at 390 px.
 */
export const GranteeReportShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
        <StateNote />
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label={`${T}.fields.organisation_name`}><ReferenceField source="fellowship_id" reference="fellowships" link="show"><TextField source="organisation_name" /></ReferenceField></Labeled>
          <Labeled label={`${T}.fields.kind`}><EnumField source="kind" enumName="grantee_report_kind" /></Labeled>
          <Labeled label={`${T}.fields.status`}><EnumField source="status" enumName="grantee_report_status" chip /></Labeled>
          <Labeled label={`${T}.fields.period`}><Period /></Labeled>
          <Labeled label={`${T}.fields.due_on`}><DueField /></Labeled>
          <Labeled label={`${T}.fields.submitted_at`}><DateTimeField source="submitted_at" emptyText="–" /></Labeled>
          <Labeled label={`${T}.fields.submitted_by_name`}><TextField source="submitted_by_name" emptyText="–" /></Labeled>
          <Labeled label={`${T}.fields.report_expenses_cents`}><EuroField source="report_expenses_cents" /></Labeled>
        </Stack>
        <Section title={translate(`${T}.sections.texts`)}>
          <Stack spacing={1}>
            <Text source="achievements" />
            <Text source="challenges" />
            <Text source="next_steps" />
          </Stack>
        </Section>
        <Section title={translate(`${T}.sections.expenses`)}><Expenses /></Section>
        <Section title={translate(`${T}.sections.budget`)}><BudgetTable /></Section>
        <Section title={translate(`${T}.sections.totals`)}><Totals /></Section>
        <Section title={translate(`${T}.sections.history`)}><History /></Section>
      </Stack>
    </Show>
  );
};
