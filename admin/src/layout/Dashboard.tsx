import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';

/** Landing page; the staff dashboard with charts replaces this for staff. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.title')} />
      <CardContent>
        <Typography variant="h5">{translate('app.title')}</Typography>
        <Typography variant="body1">{identity?.fullName}</Typography>
      </CardContent>
    </Card>
  );
};
