import { Box, Link, Typography } from '@mui/material';
import { Login, LoginForm, LocalesMenuButton, useTranslate } from 'react-admin';
import { loadFeatures } from '../featuresContext.tsx';

/**
 * Someone who starts typing will log in: fetch the screens' chunk now, while they type, instead of
 * after the click. Not on focus: the e-mail field is focused on load, and the login page itself
 * loads none of the screens.
 */
const prefetchScreens = () => void loadFeatures();

/** The login form plus the way in for new organisations and for forgotten passwords. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login onInputCapture={prefetchScreens}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">{translate('app.title')}</Typography>
      </Box>
      <LoginForm />
      <Box sx={{ px: 2, pb: 2, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'center' }}>
        <Link href="#/register">{translate('app.auth.register_link')}</Link>
        <Link href="#/password-reset">{translate('app.auth.forgot_link')}</Link>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
