import type { ReactNode } from 'react';
import { Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import Grid from '@mui/material/Grid';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, useTranslate } from 'react-admin';

/** Greeting and the role's name: the first thing each workspace says. */
export const HomeFrame = ({ intro, children }: { intro: string; children: ReactNode }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.home.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.home.hello', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 2 }}>{intro}</Typography>
      <Grid container spacing={2}>{children}</Grid>
    </Box>
  );
};

export const HomeCard = ({ title, children, actions, size = 6 }: { title: string; children: ReactNode; actions?: ReactNode; size?: number }) => (
  <Grid size={{ xs: 12, md: size }}>
    <Card component="section" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1 }}>
        <Typography variant="h6" component="h2" gutterBottom>{title}</Typography>
        {children}
      </CardContent>
      {actions && <Stack direction="row" spacing={1} sx={{ px: 2, pb: 2, flexWrap: 'wrap' }}>{actions}</Stack>}
    </Card>
  </Grid>
);

export const LinkButton = ({ to, children, primary }: { to: string; children: ReactNode; primary?: boolean }) => (
  <Button component={Link} to={to} variant={primary ? 'contained' : 'outlined'} size="small">{children}</Button>
);

/** "7 of 12" with a bar, labelled for screen readers. */
export const Progress = ({ done, total, label }: { done: number; total: number; label: string }) => {
  const value = total ? Math.round((100 * done) / total) : 0;
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2">{label}</Typography>
      <LinearProgress variant="determinate" value={value} aria-label={label} color={total > 0 && done === total ? 'success' : 'primary'} sx={{ height: 8, borderRadius: 4 }} />
    </Box>
  );
};

export const Muted = ({ children }: { children: ReactNode }) => <Typography variant="body2" color="text.secondary">{children}</Typography>;
