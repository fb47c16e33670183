import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import { deepmerge } from '@mui/utils';

const brand = { palette: { primary: { main: '#0b5f73' }, secondary: { main: '#e2683c' } } };
export const theme = deepmerge(defaultLightTheme, brand);
export const darkTheme = deepmerge(defaultDarkTheme, { palette: { primary: { main: '#6fc3d6' }, secondary: { main: '#f29a78' } } });
