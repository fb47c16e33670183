/**
 * The one builder for links in messages: `PUBLIC_URL` (the address people reach the console at)
 * plus a console route. Every e-mail link goes through here, so a deployment behind another host
 * or path only sets `PUBLIC_URL`, and no text carries a hard-coded host.
 */
export function consoleLink(publicUrl: string, route = '', params: Record<string, string> = {}): string {
  const base = publicUrl.replace(/\/+$/, '');
  const path = route.replace(/^[#/]+/, '');
  const query = new URLSearchParams(params).toString();
  return `${base}/#/${path}${query ? `?${query}` : ''}`;
}
