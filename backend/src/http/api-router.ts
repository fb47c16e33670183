import { Router, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import type { Role } from '../db/schema.ts';
import type { AppContext, RequestContext } from './context.ts';
import { forbidden, unauthorized } from './errors.ts';

export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path below /api, e.g. `/applications/:id/submit`. */
  path: string;
  tag: string;
  summary: string;
  /** Who may call it at all; row-level visibility (404) is the handler's job. */
  access: Access;
  body?: ZodType;
  /**
   * Returns the JSON answer (status 200, or `status`). Return undefined after writing the
   * response yourself (files, streams).
   */
  handler: (ctx: RequestContext, req: Request, res: Response) => unknown | Promise<unknown>;
  status?: number;
}

/**
 * Every API route goes through here: it is the route table that the OpenAPI document and the
 * authorization matrix are generated from, and the policy gate (401/403) every route passes.
 */
export class ApiRouter {
  readonly routes: RouteDef[] = [];
  readonly router = Router();

  constructor(private readonly app: AppContext) {}

  add(def: RouteDef): void {
    this.routes.push(def);
    this.router[def.method](def.path, async (req, res) => {
      const user = req.user ?? null;
      if (def.access !== 'public') {
        if (!user) throw unauthorized();
        if (def.access !== 'authenticated' && !def.access.includes(user.role)) throw forbidden();
      }
      const result = await def.handler({ ...this.app, user }, req, res);
      if (result === undefined) return;
      res.status(def.status ?? 200).json(result);
    });
  }
}

export const STAFF: readonly Role[] = ['admin', 'staff'];
export const ADMIN: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ['admin', 'staff', 'jury', 'coach', 'applicant'];
