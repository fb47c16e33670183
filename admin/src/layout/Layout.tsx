import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LocalesMenuButton, TitlePortal, ToggleThemeButton } from 'react-admin';
import { Menu } from './Menu.tsx';
import { useLoadFeatures } from '../featuresContext.tsx';

const AppBarWithLocale = () => (
  <AppBar color="primary" toolbar={<><LocalesMenuButton /><ToggleThemeButton /></>}>
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => {
  useLoadFeatures();
  return (
    <RaLayout menu={Menu} appBar={AppBarWithLocale}>
      {children}
    </RaLayout>
  );
};
