import type { Role } from '../db/schema.ts';
import type { ApiRouter, RouteDef } from '../http/api-router.ts';

export const routeKey = (route: Pick<RouteDef<any>, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;

/** Whether the router's gate lets this role through (row-level visibility is still each handler's). */
export const roleMayCall = (route: Pick<RouteDef<any>, 'access'>, role: Role) =>
  route.access === 'public' || route.access === 'authenticated' || route.access.includes(role);

/**
 * The console asks which routes its user's role may call, so it never offers a button the API
 * would refuse with 403 (react-admin's `canAccess`). Read from the route table itself: the
 * console's buttons and the API's gate come from the same place.
 */
export function registerPermissionRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/permissions', tag: 'auth', access: 'authenticated',
    summary: "The route table as it applies to the caller's role: `allowed` and `denied` `METHOD /path` keys",
    handler: (ctx) => {
      const role = ctx.user!.role;
      return {
        role,
        allowed: api.routes.filter((r) => roleMayCall(r, role)).map(routeKey),
        denied: api.routes.filter((r) => !roleMayCall(r, role)).map(routeKey),
      };
    },
  });
}
