import { useMemo, type ReactNode } from 'react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useLocale, useTranslate } from 'react-admin';

/**
 * Every progress indicator needs an accessible name (role="progressbar", WCAG 4.1.2): loading bars
 * and spinners of the signed-in console get the translated `ra.page.loading`; a bar that measures
 * something (hours used, share scored) names what it measures where it is drawn.
 */
export const AccessibleDefaults = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const withDefaults = useMemo(() => {
    const loading = translate('ra.page.loading');
    return (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiLinearProgress?.defaultProps } },
        MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiCircularProgress?.defaultProps } },
      } as Theme['components'],
    });
    // The name follows the chosen language.
  }, [translate, locale]);
  return <ThemeProvider theme={withDefaults}>{children}</ThemeProvider>;
};
