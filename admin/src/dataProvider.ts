import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';

/**
 * The API speaks ra-data-simple-rest; the session cookie rides along. Server errors keep their
 * `errors` per field so react-admin shows them on the form inputs.
 */
const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  try {
    return await fetchUtils.fetchJson(url, { ...options, credentials: 'include' });
  } catch (error: any) {
    if (error instanceof HttpError && error.body?.errors) {
      throw new HttpError(error.body.message ?? error.message, error.status, { errors: error.body.errors, ...error.body });
    }
    throw error;
  }
};

const base = simpleRestProvider('/api', httpClient);

/** Plain CRUD plus `action(resource, id, verb, body)` for the POST /api/<res>/:id/<verb> actions. */
export const dataProvider = {
  ...base,
  action: async (resource: string, id: number | string, verb: string, body: unknown = {}) => {
    const { json } = await httpClient(`/api/${resource}/${id}/${verb}`, { method: 'POST', body: JSON.stringify(body) });
    return { data: json };
  },
  get: async (path: string) => {
    const { json } = await httpClient(`/api/${path}`);
    return json;
  },
  post: async (path: string, body: unknown = {}) => {
    const { json } = await httpClient(`/api/${path}`, { method: 'POST', body: JSON.stringify(body) });
    return json;
  },
} satisfies DataProvider & Record<string, unknown>;

export type AppDataProvider = typeof dataProvider;
