import { Alert } from '@mui/material';
import {
  ArrayInput, BooleanInput, Create, DateTimeInput, DeleteButton, Edit, FormDataConsumer, ReferenceInput, SaveButton, SelectInput, SimpleForm,
  SimpleFormIterator, TextInput, Toolbar, useRecordContext, useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { QUESTION_TYPES, SURVEY_KINDS, questionsSchema, surveySchema, surveyUpdateSchema } from '../../../backend/src/surveys/surveys.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** The form keeps choice options as lines of text; blank lines and options of other types go before checking. */
const cleanQuestions = (value: unknown) =>
  Array.isArray(value)
    ? value.map((q) => {
        if (!q || typeof q !== 'object') return q;
        const { options, ...rest } = q as { options?: unknown };
        if (rest && (rest as { type?: string }).type !== 'choice') return rest;
        return { ...rest, options: Array.isArray(options) ? options.map((o) => String(o).trim()).filter(Boolean) : options };
      })
    : value;
const formQuestions = z.preprocess(cleanQuestions, questionsSchema);
const createResolver = schemaResolver(surveySchema.extend({ questions: formQuestions }));
const updateResolver = schemaResolver(surveyUpdateSchema.extend({ questions: formQuestions.optional() }));

const toIso = (v: string) => (v ? new Date(v).toISOString() : v);

const WorkshopInput = ({ disabled }: { disabled?: boolean }) => {
  const translate = useTranslate();
  const cohortId = useWatch({ name: 'cohort_id' });
  return (
    <ReferenceInput source="workshop_id" reference="workshops" filter={cohortId ? { cohort_id: cohortId } : {}} sort={{ field: 'starts_at', order: 'DESC' }}>
      <SelectInput optionText="title" disabled={disabled} helperText={translate('resources.surveys.workshop_helper')} emptyText="—" />
    </ReferenceInput>
  );
};

/** The questions editor: key, wording, type, and for a choice its options (one per line). */
const QuestionsInput = ({ disabled }: { disabled?: boolean }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.surveys.question.${key}`);
  return (
    <ArrayInput source="questions">
      <SimpleFormIterator inline disableReordering={disabled} disableAdd={disabled} disableRemove={disabled}>
        <TextInput source="key" label={t('key')} helperText={t('key_helper')} disabled={disabled} />
        <TextInput source="label" label={t('label')} sx={{ minWidth: { sm: 360 } }} disabled={disabled} />
        <SelectInput source="type" label={t('type')} choices={enumChoices(translate, 'survey_question_type', QUESTION_TYPES)} disabled={disabled} />
        <FormDataConsumer>
          {({ scopedFormData }) =>
            scopedFormData?.type === 'choice' ? (
              <TextInput
                source="options"
                label={t('options')}
                multiline
                minRows={2}
                disabled={disabled}
                format={(v: unknown) => (Array.isArray(v) ? v.join('\n') : (v as string) ?? '')}
                parse={(v: string) => v.split('\n')}
              />
            ) : null
          }
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
};

const Fields = ({ answered = false }: { answered?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      {answered && <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.surveys.locked')}</Alert>}
      <TextInput source="title" fullWidth />
      <SelectInput source="kind" choices={enumChoices(translate, 'survey_kind', SURVEY_KINDS)} />
      <WorkshopInput disabled={answered} />
      <DateTimeInput source="opens_at" parse={toIso} />
      <DateTimeInput source="closes_at" parse={toIso} />
      <BooleanInput source="anonymous" disabled={answered} helperText={translate('resources.surveys.anonymous_helper')} />
      <QuestionsInput disabled={answered} />
    </>
  );
};

const EditFields = () => {
  const record = useRecordContext();
  return <Fields answered={Number(record?.response_count) > 0} />;
};

const EditToolbar = () => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {!Number(record?.response_count) && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

export const SurveyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm resolver={updateResolver} toolbar={<EditToolbar />}>
      <EditFields />
    </SimpleForm>
  </Edit>
);

/** A new survey opens now for two weeks, anonymous, with one (empty) question to fill in. */
const newSurvey = () => ({
  kind: 'custom', anonymous: true, opens_at: new Date().toISOString(), closes_at: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  questions: [{ key: '', label: '', type: 'scale_1_5' }],
});

export const SurveyCreate = () => (
  <Create redirect="show">
    <SimpleForm resolver={createResolver} defaultValues={newSurvey}>
      <ReferenceInput source="cohort_id" reference="cohorts" sort={{ field: 'year', order: 'DESC' }}>
        <SelectInput optionText="name" />
      </ReferenceInput>
      <Fields />
    </SimpleForm>
  </Create>
);
