import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import { deepmerge } from '@mui/utils';

/**
 * Console-wide defaults: react-admin's empty list draws its sentence in `text.disabled`, too faint
 * to read (WCAG contrast); edits wait for the server; deletes confirm.
 */
const consoleDefaults = {
  components: {
    // Server rules (states, deadlines, budgets) decide most saves: wait for the answer, so a refusal
    // lands on the form's fields instead of after an optimistic "saved". Deleting asks first.
    RaEdit: { defaultProps: { mutationMode: 'pessimistic' } },
    RaDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
    RaBulkDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
    // Spacing by `gap`, not margins: a row that wraps on a narrow screen keeps its rows aligned.
    MuiStack: { defaultProps: { useFlexGap: true } },
    // Phones: a tab strip wider than the screen scrolls within itself instead of widening the page.
    MuiTabs: { defaultProps: { variant: 'scrollable', scrollButtons: 'auto', allowScrollButtonsMobile: true } },
    // react-admin widens the whole layout to its widest content (`min-width: fit-content`), so one
    // long title or word pushed the app bar and every screen past a phone's edge. On a phone the
    // layout is the screen's width and long words (organisation names, e-mail addresses) break.
    RaLayout: {
      styleOverrides: {
        root: ({ theme }: any) => ({ [theme.breakpoints.down('sm')]: { minWidth: 0, '& .RaLayout-content': { minWidth: 0, overflowWrap: 'anywhere' } } }),
      },
    },
    RaEmpty: { styleOverrides: { root: ({ theme }: any) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  },
};
const brand = { palette: { primary: { main: '#0b5f73' }, secondary: { main: '#e2683c' } } };
export const theme = deepmerge(deepmerge(defaultLightTheme, brand), consoleDefaults);
export const darkTheme = deepmerge(deepmerge(defaultDarkTheme, { palette: { primary: { main: '#6fc3d6' }, secondary: { main: '#f29a78' } } }), consoleDefaults);
