import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import { deepmerge } from '@mui/utils';
import { KeyboardDataTableRow } from './KeyboardDataTableRow.tsx';

/**
 * Console-wide defaults: react-admin's empty list draws its sentence in `text.disabled`, too faint
 * to read (WCAG contrast); edits wait for the server; deletes confirm.
 */
const consoleDefaults = {
  components: {
    // react-admin puts a row checkbox's name ("Zeile auswählen") on MUI's wrapper span, where it is
    // not allowed and names nothing; the native input is what assistive technology reaches.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: (ownerState: Record<string, unknown>) => (ownerState['aria-label'] ? { 'aria-label': undefined } : {}),
          input: (ownerState: Record<string, unknown>) => (ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {}),
        },
      },
    },
    // Server rules (states, deadlines, budgets) decide most saves: wait for the answer, so a refusal
    // lands on the form's fields instead of after an optimistic "saved". Deleting asks first.
    RaEdit: { defaultProps: { mutationMode: 'pessimistic' }, styleOverrides: { root: { '& .RaEdit-main': { minWidth: 0 } } } },
    RaDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
    RaBulkDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
    // List rows that open a record take focus and open with Enter; a focused row shows it.
    RaDataTableBody: { defaultProps: { row: KeyboardDataTableRow } },
    MuiTableRow: { styleOverrides: { root: ({ theme }: any) => ({ '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 } }) } },
    // The help under a disabled field says why it is disabled ("choose a fellowship first"): MUI
    // greys it to text.disabled (2.6:1); it stays readable.
    MuiFormHelperText: { styleOverrides: { root: ({ theme }: any) => ({ '&.Mui-disabled': { color: theme.palette.text.secondary } }) } },
    // Spacing by `gap`, not margins: a row that wraps on a narrow screen keeps its rows aligned.
    MuiStack: { defaultProps: { useFlexGap: true } },
    // Phones: a tab strip wider than the screen scrolls within itself instead of widening the page.
    MuiTabs: { defaultProps: { variant: 'scrollable', scrollButtons: 'auto', allowScrollButtonsMobile: true } },
    // react-admin widens the whole layout to its widest content (`min-width: fit-content`): a table
    // of 1,300 px made a 1,366 px laptop's page scroll sideways, and the content slid under the
    // fixed side menu. The layout is the window's width at every size; what is wider scrolls in its
    // own box (tables, below). Flex items shrink below their content only with `min-width: 0`.
    // On a phone long words (organisation names, e-mail addresses) break as well.
    RaLayout: {
      styleOverrides: {
        root: ({ theme }: any) => ({
          minWidth: 0,
          '& .RaLayout-content': { minWidth: 0 },
          [theme.breakpoints.down('sm')]: { '& .RaLayout-content': { overflowWrap: 'anywhere' } },
        }),
      },
    },
    // The same for the list's, the record's and the form's column (RaEdit's is set with its defaults above).
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
    RaShow: { styleOverrides: { root: { '& .RaShow-main': { minWidth: 0 } } } },
    // Wide tables scroll sideways inside their own box, at every width: the filters, the title and
    // the menu stay where they are. (Their header cells stick within that box, as they did within
    // the list's card, which already clipped.)
    RaDataTable: { styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } } },
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
    RaEmpty: { styleOverrides: { root: ({ theme }: any) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  },
};
/**
 * WCAG AA (4.5:1) for text on every colour the console uses: white on a filled chip or button, the
 * colour as text on white and on react-admin's grey form toolbar (#e0e0e0, where Löschen sits).
 * MUI's defaults miss it: warning #ed6c02 3.1:1 under white, info #0288d1 3.9:1, error #d32f2f 3.8:1
 * on the toolbar, success #2e7d32 3.9:1 there; the brand orange #e2683c 3.3:1 under white.
 */
const accessiblePalette = {
  primary: { main: '#0b5f73' },
  // `light` stays MUI's (a background under dark text); `dark` (hover) is darker than `main`.
  secondary: { main: '#a8431c', light: '#e2683c', dark: '#7a2f12' },
  error: { main: '#b3261e', light: '#ef5350', dark: '#8c1d18' },
  warning: { main: '#9a4a00', light: '#ff9800', dark: '#6d3400' },
  info: { main: '#01579b', light: '#03a9f4', dark: '#003c6c' },
  success: { main: '#1b5e20', light: '#4caf50', dark: '#0d3f11' },
};
const brand = { palette: accessiblePalette };
export const theme = deepmerge(deepmerge(defaultLightTheme, brand), consoleDefaults);
export const darkTheme = deepmerge(deepmerge(defaultDarkTheme, { palette: { primary: { main: '#6fc3d6' }, secondary: { main: '#f29a78' } } }), consoleDefaults);
