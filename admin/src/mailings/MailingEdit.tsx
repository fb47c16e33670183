import { Box, Chip, Stack, Typography } from '@mui/material';
import { AutocompleteInput, Create, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { APPLICATION_STATUSES } from '../../../backend/src/applications/applications.schema.ts';
import { AUDIENCE_KINDS, MAILING_MERGE_FIELDS, mailingSchema, mailingUpdateSchema } from '../../../backend/src/mailings/mailings.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** A click adds the merge field at the end of the text. */
const MergeFieldChips = () => {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="caption" component="div" color="text.secondary">{translate('resources.mailings.merge_fields')}</Typography>
      <Stack direction="row" sx={{ mt: 0.5, gap: 1 }}>
        {MAILING_MERGE_FIELDS.map((field) => (
          <Chip key={field} size="small" variant="outlined" label={`{{${field}}}`}
            onClick={() => setValue('body', `${getValues('body') ?? ''}{{${field}}}`, { shouldDirty: true })} />
        ))}
      </Stack>
    </Box>
  );
};

/** Who receives it: the kind, optionally one cohort, and for applicants their application status. */
const AudienceInputs = () => {
  const translate = useTranslate();
  const kind = useWatch({ name: 'audience.kind' }) as string | undefined;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, width: '100%' }}>
      <SelectInput source="audience.kind" choices={enumChoices(translate, 'mailing_audience', AUDIENCE_KINDS)} sx={{ minWidth: 260 }} />
      <ReferenceInput source="audience.cohort_id" reference="cohorts">
        <AutocompleteInput label="resources.mailings.fields.audience.cohort_id" helperText="resources.mailings.all_cohorts" sx={{ minWidth: 260 }} />
      </ReferenceInput>
      {kind === 'applicants' && (
        <SelectInput source="audience.status" choices={enumChoices(translate, 'application_status', APPLICATION_STATUSES)} emptyText="resources.mailings.any_status" sx={{ minWidth: 220 }} />
      )}
    </Stack>
  );
};

const Fields = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" fullWidth />
      <AudienceInputs />
      <TextInput source="subject" fullWidth />
      <MergeFieldChips />
      <TextInput source="body" multiline minRows={12} fullWidth helperText={translate('resources.mailings.body_help')} />
    </>
  );
};

/** Only what the API takes; a status left on another audience kind is dropped. */
const transform = (data: { name?: string; subject?: string; body?: string; audience?: { kind?: string; cohort_id?: number | null; status?: string | null } }) => ({
  name: data.name, subject: data.subject, body: data.body,
  audience: { kind: data.audience?.kind, cohort_id: data.audience?.cohort_id ?? null, ...(data.audience?.kind === 'applicants' ? { status: data.audience?.status ?? null } : {}) },
});

export const MailingCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm resolver={schemaResolver(mailingSchema)} defaultValues={{ audience: { kind: 'applicants' } }}><Fields /></SimpleForm>
  </Create>
);

export const MailingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transform}>
    <SimpleForm resolver={schemaResolver(mailingUpdateSchema)}><Fields /></SimpleForm>
  </Edit>
);
