import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './dataProvider.ts';
import { authProvider, type Role } from './auth/authProvider.ts';
import { i18nProvider } from './i18n/index.ts';
import { Layout } from './layout/Layout.tsx';
import { Dashboard } from './layout/Dashboard.tsx';
import { pages, resources } from './features.tsx';
import { theme, darkTheme } from './layout/theme.ts';

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    {(role: Role) => [
      ...resources
        .filter((r) => r.roles.includes(role))
        .map((r) => (
          <Resource
            key={r.name}
            name={r.name}
            list={r.list}
            show={r.show}
            edit={r.edit}
            create={r.create}
            icon={r.icon}
            recordRepresentation={r.recordRepresentation}
          />
        )),
      <CustomRoutes key="pages">
        {pages.filter((p) => !p.noLayout && p.roles !== 'public' && p.roles.includes(role)).map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
      </CustomRoutes>,
      <CustomRoutes key="public" noLayout>
        {pages.filter((p) => p.noLayout).map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
      </CustomRoutes>,
    ]}
  </Admin>
);
