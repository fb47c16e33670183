import type { AuthProvider } from 'react-admin';

export type Role = 'admin' | 'staff' | 'jury' | 'coach' | 'applicant';
interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation_id: number | null;
  locale: 'de' | 'en';
}

let cached: Me | null | undefined;

/** Fired when the login answers `email_unconfirmed` (only ever with the right password). */
export const UNCONFIRMED_EVENT = 'crm:email-unconfirmed';
export interface UnconfirmedLogin { email: string; password: string; message: string }
let routes: Promise<{ allowed: Set<string>; denied: Set<string> }> | undefined;
let loadedDenied = new Set<string>();

/** The route table as it applies to this user's role (`GET /api/permissions`), fetched once per login. */
function permittedRoutes() {
  routes ??= fetch('/api/permissions', { credentials: 'include' })
    .then((res) => (res.ok ? res.json() : { allowed: [], denied: [] }))
    .then((body: { allowed: string[]; denied: string[] }) => {
      loadedDenied = new Set(body.denied);
      return { allowed: new Set(body.allowed), denied: loadedDenied };
    });
  return routes;
}

/**
 * Synchronous answer for rendering the routes: the permissions are loaded before react-admin
 * receives the role (see getPermissions), so this reflects the logged-in role.
 */
export const routeDenied = (key: string) => loadedDenied.has(key);

/** react-admin's actions as the API routes they call (ra-data-simple-rest). */
const ACTION_ROUTES: Record<string, (resource: string) => string> = {
  list: (r) => `GET /${r}`,
  export: (r) => `GET /${r}`,
  show: (r) => `GET /${r}/:id`,
  create: (r) => `POST /${r}`,
  edit: (r) => `PUT /${r}/:id`,
  delete: (r) => `DELETE /${r}/:id`,
};

/**
 * Whether the API's gate lets this role call what a button or screen would call. Only routes the
 * API knows and refuses this role are denied; everything else is left to the screens (and rows a
 * role may not see still answer 404 from the server).
 */
async function canCall(resource: string, action: string): Promise<boolean> {
  const key = (ACTION_ROUTES[action] ?? ((r: string) => `POST /${r}/:id/${action}`))(resource);
  return !(await permittedRoutes()).denied.has(key);
}

async function fetchMe(): Promise<Me | null> {
  if (cached !== undefined) return cached;
  const res = await fetch('/api/auth/me', { credentials: 'include' });
  cached = res.ok ? ((await res.json()) as Me) : null;
  if (cached) void permittedRoutes();
  return cached;
}

/** After the user changed their language: the identity react-admin reads next carries it. */
export function rememberLocale(locale: 'de' | 'en'): void {
  if (cached) cached = { ...cached, locale };
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }) {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: email ?? username, password }),
    });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      // Right password, address not confirmed yet: the login page offers to resend the link.
      if (body.code === 'email_unconfirmed') {
        window.dispatchEvent(new CustomEvent(UNCONFIRMED_EVENT, { detail: { email: email ?? username, password, message: body.message } }));
      }
      throw new Error(body.message ?? 'Anmeldung fehlgeschlagen');
    }
    cached = (await res.json()) as Me;
    routes = undefined;
    loadedDenied = new Set();
    // On its way while react-admin checks the session and loads the screens.
    void permittedRoutes();
  },
  async logout() {
    cached = null;
    routes = undefined;
    loadedDenied = new Set();
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => undefined);
  },
  async checkAuth() {
    if (!(await fetchMe())) throw new Error('not authenticated');
  },
  async checkError(error) {
    if (error?.status === 401) {
      cached = null;
      routes = undefined;
      throw new Error('session expired');
    }
  },
  async getIdentity() {
    const me = await fetchMe();
    if (!me) throw new Error('not authenticated');
    return { ...me, fullName: me.name };
  },
  async getPermissions() {
    const me = await fetchMe();
    if (me) await permittedRoutes();
    return me?.role;
  },
  async canAccess({ resource, action }) {
    return resource ? canCall(resource, action) : true;
  },
};
