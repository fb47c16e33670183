import { Router, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import type { Role } from '../db/schema.ts';
import type { AppContext, RequestContext } from './context.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';
import { parseId, validate } from './input.ts';
import { parseListQuery, type ListQuery, type ListSpec } from './list-query.ts';

export type Access = 'public' | 'authenticated' | readonly Role[];

/** What the router has already checked for the handler: the URL's `:id` and the body. */
interface RouteInput<B> {
  /** The `:id` of the path (404 before the handler runs if malformed); 0 for paths without one. */
  id: number;
  /** The body parsed by `body` (400 with per-field errors before the handler runs). */
  body: B;
  /** With `list`: `sort/range/filter` parsed for this caller (400 before the handler runs). */
  list: ListQuery;
}

export interface RouteDef<B = undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path below /api, e.g. `/applications/:id/submit`. */
  path: string;
  tag: string;
  summary: string;
  /** Who may call it at all; row-level visibility (404) is the handler's job. */
  access: Access;
  /** The body's schema: validated here, documented in the OpenAPI document from the same object. */
  body?: ZodType<B>;
  /** With `body`: a request without one is validated as `{}` (every field optional). */
  optionalBody?: boolean;
  /**
   * For lists: the sortable/filterable fields and who may not see which. The router parses the
   * query against it for the caller; the route table carries it for the blindness tests.
   */
  list?: ListSpec;
  /**
   * Returns the JSON answer (status 200, or `status`). Return undefined after writing the
   * response yourself (files, streams).
   */
  handler: (ctx: RequestContext, req: Request, res: Response, input: RouteInput<B>) => unknown | Promise<unknown>;
  status?: number;
}

/**
 * Every API route goes through here: it is the route table that the OpenAPI document and the
 * authorization matrix are generated from, and the policy gate (401/403) every route passes.
 */
export class ApiRouter {
  readonly routes: RouteDef<any>[] = [];
  readonly router = Router();

  constructor(private readonly app: AppContext) {}

  add<B = undefined>(def: RouteDef<B>): void {
    this.routes.push(def);
    this.router[def.method](def.path, async (req, res) => {
      const user = req.user ?? null;
      if (def.access !== 'public') {
        if (!user) throw unauthorized();
        if (def.access !== 'authenticated' && !def.access.includes(user.role)) throw refusal(user.role, def);
      }
      // A malformed id is 404 before a bad body is 400, as for a record the caller cannot see.
      const id = 'id' in req.params ? parseId(req.params.id) : 0;
      const body = def.body ? validate(def.body, def.optionalBody ? (req.body ?? {}) : req.body) : (undefined as B);
      const list = def.list ? parseListQuery(req.query as Record<string, unknown>, def.list, { user }) : (undefined as unknown as ListQuery);
      const result = await def.handler({ ...this.app, user }, req, res, { id, body, list });
      if (result === undefined) return;
      res.status(def.status ?? 200).json(result);
    });
  }
}

/**
 * A funder (DESIGN.md "Impact") reads a single record of anything it may not read as missing (404),
 * as if it were another funder's cohort: the role learns nothing about the records it is shut out
 * of. Lists and writes it may not call answer 403.
 */
function refusal(role: Role, def: Pick<RouteDef<any>, 'method' | 'path'>) {
  return role === 'funder' && def.method === 'get' && def.path.includes('/:id') ? notFound() : forbidden();
}

export const STAFF: readonly Role[] = ['admin', 'staff'];
export const ADMIN: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ['admin', 'staff', 'jury', 'coach', 'applicant'];
