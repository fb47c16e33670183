import { Alert, Box, List as MuiList, ListItem, ListItemText } from '@mui/material';
import { EmailField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { RespondButtons } from './RespondButtons.tsx';
import { DateTimeField } from '../shared/fields.tsx';

/** The other side's contact details: the API sends them only once the request is accepted. */
const Contact = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || !record.direction) return null;
  if (record.contact_email == null && record.contact_people == null) {
    return <Alert severity="info">{translate('resources.introductions.contact_hidden')}</Alert>;
  }
  return (
    <Box>
      <Labeled source="contact_email"><EmailField source="contact_email" /></Labeled>
      <Labeled source="contact_people">
        <MuiList dense disablePadding>
          {(record.contact_people ?? []).map((p: any, i: number) => (
            <ListItem key={i} disableGutters>
              <ListItemText
                primary={`${p.first_name} ${p.last_name}${p.role_title ? ` (${p.role_title})` : ''}`}
                secondary={[p.email, p.phone].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </MuiList>
      </Labeled>
    </Box>
  );
};

export const IntroductionShow = () => (
  <Show actions={<TopToolbar><RespondButtons /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="from_organisation_name" />
      <TextField source="to_organisation_name" />
      <EnumField source="status" enumName="introduction_status" chip />
      <TextField source="message" sx={{ whiteSpace: 'pre-wrap' }} />
      <DateTimeField source="created_at" />
      <DateTimeField source="responded_at" emptyText="–" />
      <Contact />
    </SimpleShowLayout>
  </Show>
);
