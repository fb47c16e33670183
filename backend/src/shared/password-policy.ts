/**
 * The one password rule's length: the server checks it (auth.schema.ts) and the console's hints
 * read the number from this constant (never a second copy of it). A file without zod, so the
 * console's login page can import it without carrying zod along.
 */
export const PASSWORD_MIN_LENGTH = 10;
