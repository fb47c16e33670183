import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

/** The server's own words for a refused action (409 reasons are written for people), else react-admin's. */
const errorMessage = (error: any): string => error?.body?.message ?? error?.message ?? 'ra.notification.http_error';

/**
 * Calls `POST /api/<resource>/:id/<verb>` for a record and tells the user how it went: the success
 * message on success, the server's reason on failure, and the screen reloaded either way (a refused
 * action usually means the record changed meanwhile).
 */
export function useRecordAction(resource: string) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: ({ id, verb, body }: { id: number | string; verb: string; body?: unknown; done: string }) =>
      dataProvider.action(resource, id, verb, body ?? {}),
    onSuccess: (_data, { done }) => {
      notify(done, { type: 'success' });
      refresh();
    },
    onError: (error) => {
      notify(errorMessage(error), { type: 'error' });
      refresh();
    },
  });
  /** `done` is the translation key of the success message. */
  const run = (id: number | string, verb: string, done: string, body?: unknown) => mutate({ id, verb, body, done });
  return { run, isPending };
}
