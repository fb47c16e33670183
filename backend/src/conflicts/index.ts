/** What other features use of the conflicts: the applications a juror may see (never a conflicted one). */
export { jurorApplicationScope } from './conflicts.queries.ts';
