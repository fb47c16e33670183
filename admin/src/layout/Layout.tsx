import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LocalesMenuButton, Logout, TitlePortal, ToggleThemeButton, UserMenu } from 'react-admin';
import { LogoutEverywhere } from './LogoutEverywhere.tsx';
import { Menu } from './Menu.tsx';
import { AccessibleDefaults } from './AccessibleDefaults.tsx';
import { useLoadFeatures } from '../featuresContext.tsx';

const AppBarWithLocale = () => (
  <AppBar
    color="primary"
    toolbar={<><LocalesMenuButton /><ToggleThemeButton /></>}
    userMenu={<UserMenu><LogoutEverywhere /><Logout /></UserMenu>}
  >
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => {
  useLoadFeatures();
  return (
    <AccessibleDefaults>
      <RaLayout menu={Menu} appBar={AppBarWithLocale}>
        {children}
      </RaLayout>
    </AccessibleDefaults>
  );
};
