import { useRecordContext, useTranslate } from 'react-admin';

/** "7 Tage vorher", "am Tag", "1 Tag danach". */
export const OffsetField = () => {
  const record = useRecordContext<{ offset_days: number }>();
  const translate = useTranslate();
  if (!record) return null;
  const days = record.offset_days;
  if (days === 0) return <>{translate('resources.reminder-rules.on_the_day')}</>;
  return <>{translate(days < 0 ? 'resources.reminder-rules.before' : 'resources.reminder-rules.after', { smart_count: Math.abs(days) })}</>;
};
