import { forwardRef, useEffect } from 'react';
import { Card, CardContent, FormControlLabel, ListItemIcon, ListItemText, MenuItem, Radio, RadioGroup, Typography, FormLabel, FormControl, FormHelperText } from '@mui/material';
import SettingsIcon from '@mui/icons-material/ManageAccounts';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, useLocaleState, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { rememberLocale } from '../auth/authProvider.ts';

type Locale = 'de' | 'en';

// react-admin keeps the console's language in localStorage under this key (localStorageStore()).
const STORED = 'RaStore.locale';
// The language last taken over from the account in this browser.
const FROM_ACCOUNT = 'crm.accountLocale';


/** Stores the language on the account: the console and every message to this user follow it. */
async function saveLocale(locale: Locale): Promise<void> {
  const res = await fetch('/api/auth/me', {
    method: 'PUT',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale }),
  });
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { message?: string }).message ?? res.statusText);
  rememberLocale(locale);
  localStorage.setItem(FROM_ACCOUNT, JSON.stringify(locale));
}

/**
 * After login the console speaks the account's language, unless someone chose another one in this
 * browser's language menu (a choice that differs from what was last taken over from the account):
 * that choice stays local to the browser. The account page changes the account, and so the
 * language on every device and of every message.
 */
// Once per signed-in user and page load: a language change re-renders the layout, and must not re-apply.
let appliedFor: unknown = null;

export const AccountLanguageSync = () => {
  const { identity } = useGetIdentity();
  const [locale, setLocale] = useLocaleState();
  useEffect(() => {
    if (!identity || appliedFor === identity.id) return;
    appliedFor = identity.id;
    const stored = localStorage.getItem(STORED);
    const chosenHere = stored !== null && stored !== localStorage.getItem(FROM_ACCOUNT);
    if (chosenHere || !identity.locale) return;
    if (identity.locale !== locale) setLocale(identity.locale);
    localStorage.setItem(FROM_ACCOUNT, JSON.stringify(identity.locale));
  }, [identity, locale, setLocale]);
  return null;
};

/** The "My account" page: the language of the console and of the messages to this user. */
export const AccountSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale, setLocale] = useLocaleState();
  const { refetch } = useGetIdentity();
  const change = async (next: Locale) => {
    try {
      await saveLocale(next);
      await refetch();
      setLocale(next);
      notify('app.account.saved', { type: 'info' });
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="app.account.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>{translate('app.account.title')}</Typography>
        <FormControl>
          <FormLabel id="account-language">{translate('app.account.language')}</FormLabel>
          <RadioGroup aria-labelledby="account-language" value={locale} onChange={(e) => void change(e.target.value as Locale)}>
            <FormControlLabel value="de" control={<Radio />} label="Deutsch" />
            <FormControlLabel value="en" control={<Radio />} label="English" />
          </RadioGroup>
          <FormHelperText>{translate('app.account.language_help')}</FormHelperText>
        </FormControl>
      </CardContent>
    </Card>
  );
};

/** The user menu's way to the account page. */
export const AccountMenuItem = forwardRef<HTMLAnchorElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} component={Link} to="/account" onClick={() => userMenu?.onClose()}>
      <ListItemIcon><SettingsIcon fontSize="small" /></ListItemIcon>
      <ListItemText>{translate('app.account.title')}</ListItemText>
    </MenuItem>
  );
});
AccountMenuItem.displayName = 'AccountMenuItem';
