import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState =
  | { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' }
  /** The server has a newer version (409 stale_version): nothing is retried, the backup stays. */
  | { kind: 'conflict'; message: string };

interface Backup<T> {
  values: T;
  at: number;
}

export function readBackup<T>(key: string): Backup<T> | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Backup<T>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Autosave for a draft: every change goes to localStorage at once (survives a reload or a crash),
 * and to the server after `delayMs` of quiet. A failed save keeps the backup and retries on the next
 * change, when the browser comes back online, or every 15 s; a successful one clears the backup.
 * A 409 `stale_version` (someone saved a newer version meanwhile) stops the saving: the form shows
 * the conflict and the typed text stays in the backup until the person decides.
 */
export function useAutosave<T>(key: string, save: (values: T) => Promise<unknown>, delayMs = 1500) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<T | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    const values = pending.current;
    if (values === undefined) return;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(values);
      if (pending.current === values) {
        pending.current = undefined;
        localStorage.removeItem(key);
      }
      setState({ kind: 'saved', at: new Date() });
    } catch (error: any) {
      if (error?.status === 409 && error?.body?.code === 'stale_version') {
        pending.current = undefined;
        clearTimeout(timer.current);
        setState({ kind: 'conflict', message: error.body.message ?? error.message });
        throw error;
      }
      // A 4xx (e.g. a field too long) is not "offline": the form shows it; the backup stays anyway.
      setState(error?.status && error.status < 500 ? { kind: 'idle' } : { kind: 'offline' });
      throw error;
    }
  }, [key]);

  /** Keeps what was typed in this browser, also while it is not valid (a too-long paste) and so not sent. */
  const backup = useCallback((values: T) => {
    localStorage.setItem(key, JSON.stringify({ values, at: Date.now() } satisfies Backup<T>));
  }, [key]);

  const change = useCallback((values: T) => {
    pending.current = values;
    backup(values);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush().catch(() => undefined), delayMs);
  }, [delayMs, flush, backup]);

  /** After a conflict: the server's version is loaded, the saving starts afresh from it. */
  const reset = useCallback(() => {
    pending.current = undefined;
    clearTimeout(timer.current);
    setState({ kind: 'idle' });
  }, []);

  useEffect(() => {
    const retry = () => void flush().catch(() => undefined);
    window.addEventListener('online', retry);
    const interval = setInterval(() => {
      if (pending.current !== undefined) retry();
    }, 15_000);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current !== undefined) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      // Leaving within the quiet period keeps the change in the backup (with the version it is based
      // on); the form restores it on entry. Not saved from here: a save racing the next entry's
      // fresh load would make the form's own text look like someone else's newer version.
      window.removeEventListener('online', retry);
      window.removeEventListener('beforeunload', beforeUnload);
      clearInterval(interval);
      clearTimeout(timer.current);
    };
  }, [flush]);

  return { state, change, flush, backup, reset };
}
