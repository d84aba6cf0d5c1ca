/**
 * What every registry route needs, as data (deny by default: a route missing here answers 403
 * to everyone, so a new endpoint cannot go live unprotected).
 *
 * - public: nobody signs in (health, enrolment with a code);
 * - secret: a service secret the route checks itself (the bootstrap admin code, the relay
 *   process's token);
 * - device: an enrolled workstation acting as a machine (sync: push, pull, pages), court-scoped;
 * - user: a device AND a user session (X-Clerk-Session) whose role the matrix allows `action`
 *   with the scope the route describes; `gate: 'role'` leaves the full-scope decision to the
 *   handler (account management, which knows whose account it touches).
 */
import type { FastifyRequest } from 'fastify';

import type { Action } from '../../shared/auth/actions';
import type { AccessScope } from '../../shared/auth/conditions';
import { searchByOf } from '../../shared/auth/searchBy';

export type RouteRule =
  | { readonly principal: 'public' }
  | { readonly principal: 'secret'; readonly secret: 'admin-code' | 'relay-token' }
  | { readonly principal: 'device' }
  | {
      readonly principal: 'user';
      readonly action: Action;
      readonly gate?: 'role';
      /** Facts the matrix needs, read from the request. */
      readonly scope?: (request: FastifyRequest) => AccessScope;
      /** The handler records its own audit event on success. */
      readonly selfAudited?: true;
    };

/** What a search looks things up by (case number alone is the clerk's search). */
function searchBy(request: FastifyRequest): AccessScope {
  return { searchBy: searchByOf((request.query ?? {}) as Record<string, unknown>) };
}

/** `METHOD /route/pattern` → rule. HEAD falls back to the GET rule. */
export const routeRules: Readonly<Record<string, RouteRule>> = {
  'GET /v1/health': { principal: 'public' },
  'POST /v1/enrol': { principal: 'public' },
  'POST /v1/admin/enrolment-codes': { principal: 'secret', secret: 'admin-code' },
  'POST /v1/relay/next': { principal: 'secret', secret: 'relay-token' },
  'POST /v1/relay/outcomes': { principal: 'secret', secret: 'relay-token' },
  // Due-by lists of the device's court (status bars); the supervisors' review builds on it.
  'GET /v1/clets/deadlines': { principal: 'device' },

  'POST /v1/mutations': { principal: 'device' },
  'GET /v1/changes': { principal: 'device' },
  'PUT /v1/pages/:sha256': { principal: 'device' },
  'HEAD /v1/pages/:sha256': { principal: 'device' },
  'GET /v1/pages/:sha256': { principal: 'device' },
  'GET /v1/pages/:sha256/status': { principal: 'device' },

  // Signing in needs the device only; the route checks the password and audits each attempt.
  'POST /v1/sessions': { principal: 'device' },
  'GET /v1/sessions/current': {
    principal: 'user',
    action: 'session.unlock-own',
    selfAudited: true,
  },
  'DELETE /v1/sessions/current': {
    principal: 'user',
    action: 'session.unlock-own',
    selfAudited: true,
  },
  'POST /v1/access-checks': { principal: 'user', action: 'session.unlock-own', selfAudited: true },

  'GET /v1/orders/search': { principal: 'user', action: 'registry.search', scope: searchBy },
  'GET /v1/orders/:orderId': {
    principal: 'user',
    action: 'registry.search',
    scope: () => ({ searchBy: 'order-id' }),
  },
  'GET /v1/orders/:orderId/history': {
    principal: 'user',
    action: 'registry.search',
    scope: () => ({ searchBy: 'order-id' }),
  },

  'GET /v1/users': { principal: 'user', action: 'users.manage', gate: 'role', selfAudited: true },
  'POST /v1/users': { principal: 'user', action: 'users.manage', gate: 'role', selfAudited: true },
  'PATCH /v1/users/:userId': {
    principal: 'user',
    action: 'users.manage',
    gate: 'role',
    selfAudited: true,
  },

  // Supervisors' review (src/registry/review): the handlers audit each action with its order
  // and decide "never one's own entry" / "with a reason" with the full scope (body, approval).
  'GET /v1/review/day': { principal: 'user', action: 'queue.work' },
  'POST /v1/orders/:orderId/return': { principal: 'user', action: 'queue.work', selfAudited: true },
  'POST /v1/approvals/:approvalId/decision': {
    principal: 'user',
    action: 'correction.approve',
    gate: 'role',
    selfAudited: true,
  },
  'POST /v1/orders/:orderId/void-request': {
    principal: 'user',
    action: 'order.void-request',
    gate: 'role',
    selfAudited: true,
  },

  'GET /v1/audit': { principal: 'user', action: 'audit.view' },
  'GET /v1/audit/verify': { principal: 'user', action: 'audit.view' },

  // The court calendar (src/registry/calendar): each workstation reads its own court's rows;
  // only an administrator reads or replaces the whole table (audited by the guard).
  'GET /v1/court-calendar': { principal: 'device' },
  'GET /v1/admin/court-calendar': { principal: 'user', action: 'calendar.manage' },
  'PUT /v1/admin/court-calendar': { principal: 'user', action: 'calendar.manage' },
};

/** The rule for a matched route, or undefined (refused). */
export function routeRule(method: string, url: string | undefined): RouteRule | undefined {
  if (!url) return undefined;
  const own = (key: string) =>
    Object.prototype.hasOwnProperty.call(routeRules, key) ? routeRules[key] : undefined;
  return own(`${method} ${url}`) ?? (method === 'HEAD' ? own(`GET ${url}`) : undefined);
}
