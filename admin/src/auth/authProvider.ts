import type { AuthProvider } from 'react-admin';

export type Role = 'admin' | 'staff' | 'jury' | 'coach' | 'applicant';
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation_id: number | null;
  locale: 'de' | 'en';
}

let cached: Me | null | undefined;

export async function fetchMe(): Promise<Me | null> {
  if (cached !== undefined) return cached;
  const res = await fetch('/api/auth/me', { credentials: 'include' });
  cached = res.ok ? ((await res.json()) as Me) : null;
  return cached;
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
      throw new Error(body.message ?? 'Anmeldung fehlgeschlagen');
    }
    cached = (await res.json()) as Me;
  },
  async logout() {
    cached = null;
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => undefined);
  },
  async checkAuth() {
    if (!(await fetchMe())) throw new Error('not authenticated');
  },
  async checkError(error) {
    if (error?.status === 401) {
      cached = null;
      throw new Error('session expired');
    }
  },
  async getIdentity() {
    const me = await fetchMe();
    if (!me) throw new Error('not authenticated');
    return { ...me, fullName: me.name };
  },
  async getPermissions() {
    return (await fetchMe())?.role;
  },
};
