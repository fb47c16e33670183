import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useLocale, useTranslate } from 'react-admin';

/**
 * Accessibility defaults of the signed-in console, set once for every screen:
 * - every progress indicator needs an accessible name (role="progressbar", WCAG 4.1.2): loading
 *   bars and spinners get the translated "Laden"/"Loading"; a bar that measures something (hours
 *   used, share scored) names what it measures where it is drawn;
 * - every DataTable row that opens a record is reachable by keyboard (`KeyboardDataTableRow`). It
 *   is loaded with the screens, not with the login page: until then rows render as react-admin's.
 */
export const AccessibleDefaults = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const [row, setRow] = useState<ComponentType | undefined>();
  useEffect(() => {
    void import('./KeyboardDataTableRow.tsx').then((m) => setRow(() => m.KeyboardDataTableRow));
  }, []);
  const withDefaults = useMemo(() => {
    const loading = translate('ra.page.loading');
    return (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiLinearProgress?.defaultProps } },
        MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiCircularProgress?.defaultProps } },
        ...(row ? { RaDataTableBody: { defaultProps: { row } } } : {}),
      } as Theme['components'],
    });
    // The name follows the chosen language.
  }, [translate, locale, row]);
  return <ThemeProvider theme={withDefaults}>{children}</ThemeProvider>;
};
