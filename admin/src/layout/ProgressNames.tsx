import { useMemo, type ReactNode } from 'react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useLocale, useTranslate } from 'react-admin';

/**
 * Every progress indicator needs an accessible name (role="progressbar", WCAG 4.1.2). Loading bars
 * and spinners appear on many screens without one; this gives them the translated "Laden"/"Loading"
 * by default. A bar that measures something (hours used, share scored) names what it measures.
 */
export const ProgressNames = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const withNames = useMemo(() => {
    const loading = translate('ra.page.loading');
    return (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiLinearProgress?.defaultProps } },
        MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { 'aria-label': loading, ...outer.components?.MuiCircularProgress?.defaultProps } },
      },
    });
    // The name follows the chosen language.
  }, [translate, locale]);
  return <ThemeProvider theme={withNames}>{children}</ThemeProvider>;
};
