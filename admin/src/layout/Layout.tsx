import { useState, type ReactNode } from 'react';
import LanguageIcon from '@mui/icons-material/Translate';
import { IconButton, Menu, MenuItem } from '@mui/material';
import {
  AppBar, Layout as RaLayout, LocalesMenuButton, Logout, TitlePortal, ToggleThemeButton, UserMenu, useLocaleState, useLocales, useTranslate,
} from 'react-admin';
import { LogoutEverywhere } from './LogoutEverywhere.tsx';
import { AccountLanguageSync, AccountMenuItem } from '../account/AccountSettings.tsx';
import { Menu as ConsoleMenu } from './Menu.tsx';
import { AccessibleDefaults } from './AccessibleDefaults.tsx';
import { useLoadFeatures } from '../featuresContext.tsx';
import { usePhone } from '../shared/usePhone.ts';

/** On a phone the language is an icon (its name in the label), leaving the app bar to the title. */
const PhoneLanguageButton = () => {
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = languages.find((l) => l.locale === locale)?.name ?? locale;
  return (
    <>
      <IconButton color="inherit" aria-label={`${translate('app.language')}: ${current}`} aria-haspopup="true" onClick={(e) => setAnchor(e.currentTarget)}>
        <LanguageIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {languages.map((l) => (
          <MenuItem key={l.locale} selected={l.locale === locale} onClick={() => { setLocale(l.locale); setAnchor(null); }}>{l.name}</MenuItem>
        ))}
      </Menu>
    </>
  );
};

const AppBarWithLocale = () => {
  const phone = usePhone();
  return (
    <AppBar
      color="primary"
      toolbar={<>{phone ? <PhoneLanguageButton /> : <LocalesMenuButton />}<ToggleThemeButton /></>}
      userMenu={<UserMenu><AccountMenuItem /><LogoutEverywhere /><Logout /></UserMenu>}
    >
      {/* A phone gives the title two smaller lines instead of one clipped after a few letters. */}
      <TitlePortal sx={phone ? { fontSize: '1rem', lineHeight: 1.25, whiteSpace: 'normal', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' } : undefined} />
    </AppBar>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => {
  useLoadFeatures();
  return (
    <AccessibleDefaults>
      <RaLayout menu={ConsoleMenu} appBar={AppBarWithLocale}>
        <AccountLanguageSync />
        {children}
      </RaLayout>
    </AccessibleDefaults>
  );
};
