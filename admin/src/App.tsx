import { createElement, useState, type ComponentProps } from 'react';
import { CssBaseline } from '@mui/material';
import {
  AccessDenied, AdminContext, AuthCallback, AuthenticationError, CoreAdminUI, CustomRoutes, Error as ErrorPage, Loading, LoadingPage,
  localStorageStore, NotFound, Notification, Resource,
} from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './dataProvider.ts';
import { authProvider, routeDenied, type Role } from './auth/authProvider.ts';
import type { ResourceDef } from './registry.tsx';
import { i18nProvider } from './i18n/index.ts';
import { Layout } from './layout/Layout.tsx';
import { Dashboard } from './layout/Dashboard.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { theme, darkTheme } from './layout/theme.ts';
import { FeaturesContext, useFeatures, type Features } from './featuresContext.tsx';
import { publicPages } from './publicPages.tsx';

/**
 * Until the screens' chunk has arrived, an unknown route is "still loading", not "not found". The
 * stock page greys its message out to half opacity, below the WCAG contrast minimum: shown in full.
 */
const CatchAll = () => (useFeatures() ? <NotFound sx={{ '& .RaNotFound-message': { opacity: 1 } }} /> : <Loading />);

const publicRoutes = (
  <CustomRoutes key="public" noLayout>
    {publicPages.map((p) => (
      <Route key={p.path} path={p.path} element={p.element} />
    ))}
  </CustomRoutes>
);

/**
 * A resource's screens as this role may use them: no create form where the API refuses the role
 * `POST /<res>`, no edit form where it refuses `PUT /<res>/:id` (buttons follow `canAccess`).
 */
const screensFor = (r: ResourceDef): ResourceDef => ({
  ...r,
  create: routeDenied(`POST /${r.name}`) ? undefined : r.create,
  edit: routeDenied(`PUT /${r.name}/:id`) ? undefined : r.edit,
});

/**
 * The routes this role can open, on `window.__consoleScreens` (names and paths only, nothing the
 * bundle does not already contain): the browser test walks every one in both languages.
 */
function exposeScreens(role: Role, features: Features) {
  (window as unknown as { __consoleScreens: unknown }).__consoleScreens = {
    role,
    resources: features.resources
      .filter((r) => r.roles.includes(role))
      .map(screensFor)
      .map((r) => ({ name: r.name, list: !!r.list, show: !!r.show, edit: !!r.edit, create: !!r.create })),
    pages: features.pages.filter((p) => p.roles !== 'public' && p.roles.includes(role)).map((p) => p.path),
  };
}

/**
 * react-admin's `<Admin>` is `<AdminContext>` plus `<AdminUI>`; this is that `AdminUI` with every
 * page named. The stock one imports its default login form (and with it react-hook-form and the
 * form inputs) even when `loginPage` replaces it, so the login page would carry a form library
 * it never uses.
 */
const ConsoleUI = (props: ComponentProps<typeof CoreAdminUI>) => (
  <CssBaseline enableColorScheme>
    <CoreAdminUI
      accessDenied={AccessDenied}
      authCallbackPage={AuthCallback}
      authenticationError={AuthenticationError}
      error={ErrorPage}
      loading={LoadingPage}
      {...props}
    />
    {createElement(Notification)}
  </CssBaseline>
);

const store = localStorageStore();

export const App = () => {
  const [features, setFeatures] = useState<Features | null>(null);
  return (
    <FeaturesContext.Provider value={{ features, setFeatures }}>
      <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} store={store} theme={theme} darkTheme={darkTheme}>
      <ConsoleUI
        layout={Layout}
        dashboard={Dashboard}
        loginPage={LoginPage}
        catchAll={CatchAll}
        requireAuth
        disableTelemetry
      >
        {(role?: Role) => {
          if (!role || !features) return [publicRoutes];
          exposeScreens(role, features);
          return [
            ...features.resources
              .filter((r) => r.roles.includes(role))
              .map(screensFor)
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
              {features.pages
                .filter((p) => !p.noLayout && p.roles !== 'public' && p.roles.includes(role))
                .map((p) => (
                  <Route key={p.path} path={p.path} element={p.element} />
                ))}
            </CustomRoutes>,
            <CustomRoutes key="pages-full" noLayout>
              {features.pages
                .filter((p) => p.noLayout && p.roles !== 'public' && p.roles.includes(role))
                .map((p) => (
                  <Route key={p.path} path={p.path} element={p.element} />
                ))}
            </CustomRoutes>,
            publicRoutes,
          ];
        }}
      </ConsoleUI>
      </AdminContext>
    </FeaturesContext.Provider>
  );
};
