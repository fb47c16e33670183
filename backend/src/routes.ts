import type { ApiRouter } from './http/api-router.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerUserRoutes } from './users/users.routes.ts';
import { registerOrganisationRoutes } from './organisations/organisations.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { openApiDocument, apiDocsHtml } from './docs/openapi.ts';

/** Every feature's routes, in one readable list. */
export function registerRoutes(api: ApiRouter): void {
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerOrganisationRoutes(api);
  registerPeopleRoutes(api);

  api.add({
    method: 'get', path: '/openapi.json', tag: 'docs', summary: 'OpenAPI document', access: 'public',
    handler: () => openApiDocument(api.routes),
  });
  api.add({
    method: 'get', path: '/docs', tag: 'docs', summary: 'Human-readable API reference', access: 'public',
    handler: (_ctx, _req, res) => {
      res.type('html').send(apiDocsHtml(api.routes));
      return undefined;
    },
  });
}
