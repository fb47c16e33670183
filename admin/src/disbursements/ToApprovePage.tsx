import { Alert } from '@mui/material';
import { List, Title, useTranslate } from 'react-admin';
import { TrancheTable } from './DisbursementList.tsx';

/** The second pair of eyes: planned tranches the current user did not plan (`filter={"to_approve":true}`). */
export const ToApprovePage = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate('resources.disbursements.to_approve.title')} />
      <Alert severity="info" sx={{ mt: 2 }}>{translate('resources.disbursements.to_approve.intro')}</Alert>
      <List
        resource="disbursements"
        filter={{ to_approve: true }}
        sort={{ field: 'due_on', order: 'ASC' }}
        actions={false}
        disableSyncWithLocation
        title={' '}
        empty={<Alert severity="success" sx={{ mt: 2 }}>{translate('resources.disbursements.to_approve.empty')}</Alert>}
      >
        <TrancheTable variant="approve" />
      </List>
    </>
  );
};
