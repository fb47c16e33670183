import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The area of an audit event by the resource's own name ("Tranche"), not its API path ("disbursements"). */
export const ResourceNameField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value == null) return null;
  return <Typography component="span" variant="body2">{translate(`resources.${value}.name`, { smart_count: 1, _: String(value) })}</Typography>;
};

/** "Ausgezahlt · Tranche #12" — what an audit event is called wherever react-admin names a record. */
export const AuditEventRepresentation = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const action = translate(`enums.audit_action.${record.action}`, { _: String(record.action) });
  const resource = translate(`resources.${record.resource}.name`, { smart_count: 1, _: String(record.resource) });
  return <>{`${action} · ${resource}${record.record_id != null ? ` #${record.record_id}` : ''}`}</>;
};
