import { isAbsolute, relative } from 'node:path';
import { DataDirInUseError } from '../db/database.ts';
import { OpsError } from './backup.ts';

/** Prints a refusal as a sentence (no stack trace: it is meant for the person at the terminal) and exits 1. */
export function failAndExit(what: string, error: unknown): never {
  const expected = error instanceof OpsError || error instanceof DataDirInUseError || (error instanceof Error && error.message.startsWith('Ungültige Einstellungen'));
  console.error(`${what}: ${expected ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
  process.exit(1);
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

/** A path as the person typed it would look: relative below the working directory, absolute elsewhere. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
