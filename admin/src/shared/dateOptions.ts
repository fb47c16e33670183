/** Date and time as the console shows moments of the call (deadline, sent at): Europe/Berlin. */
export const BERLIN = { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' } as const;
