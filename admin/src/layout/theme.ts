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
    // Phones: a tab strip wider than the screen scrolls within itself instead of widening the page.
    MuiTabs: { defaultProps: { variant: 'scrollable', scrollButtons: 'auto', allowScrollButtonsMobile: true } },
    RaEmpty: { styleOverrides: { root: ({ theme }: any) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  },
};
const brand = { palette: { primary: { main: '#0b5f73' }, secondary: { main: '#e2683c' } } };
export const theme = deepmerge(deepmerge(defaultLightTheme, brand), consoleDefaults);
export const darkTheme = deepmerge(deepmerge(defaultDarkTheme, { palette: { primary: { main: '#6fc3d6' }, secondary: { main: '#f29a78' } } }), consoleDefaults);
