import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' };

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
      // A 4xx (e.g. a field too long) is not "offline": the form shows it; the backup stays anyway.
      setState(error?.status && error.status < 500 ? { kind: 'idle' } : { kind: 'offline' });
      throw error;
    }
  }, [key]);

  const change = useCallback((values: T) => {
    pending.current = values;
    localStorage.setItem(key, JSON.stringify({ values, at: Date.now() } satisfies Backup<T>));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush().catch(() => undefined), delayMs);
  }, [key, delayMs, flush]);

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
      window.removeEventListener('online', retry);
      window.removeEventListener('beforeunload', beforeUnload);
      clearInterval(interval);
      clearTimeout(timer.current);
    };
  }, [flush]);

  return { state, change, flush };
}
