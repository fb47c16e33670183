import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

/**
 * Shared by coach and fellow pages: GET /api/programme/fellows (scoped on the server). Its own
 * file, so the coach's home page loads the hook without the workspace's tables.
 */
export const useProgrammeFellows = (status?: 'active') => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['programme-fellows', status ?? 'all'],
    queryFn: () => dataProvider.get(status ? `programme/fellows?status=${status}` : 'programme/fellows') as Promise<any[]>,
  });
};
