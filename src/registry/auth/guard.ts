/**
 * The registry's access guard: one onRequest hook in front of every route, driven by
 * routeActions.ts and the shared role matrix (deny by default). Every refusal is written to
 * the audit chain of the court concerned (or the REGISTRY chain when no court is known) before
 * the 401/403 goes out; actions audited on success are recorded before the answer is sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { decide, mayAttempt } from '../../shared/auth/decide';
import { auditedOnSuccess } from '../../shared/auth/matrix';
import { appendRegistryEvent } from '../audit/auditLog';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';

import { authenticate, type Device } from './devices';
import { routeRule } from './routeActions';
import { resolveSession, SESSION_HEADER, type RegistryAuthOptions } from './sessions';
import type { RegistryUser } from './users';

/** Who is calling, once the guard has let a request through. */
export type RegistryPrincipal = {
  readonly device: Device | null;
  readonly user: RegistryUser | null;
  /** SHA-256 of the session token (to end it). */
  readonly sessionHash: string | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal: RegistryPrincipal | null;
  }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The signed-in user of a request (routes behind a 'user' rule always have one). */
export function requireUser(request: FastifyRequest): RegistryUser & { device: Device } {
  const p = request.principal;
  if (!p?.user || !p.device) throw new RegistryError(401, 'session-required', 'Sign in first.');
  return { ...p.user, device: p.device };
}

const routeKeys = new WeakMap<FastifyInstance, string[]>();

/** Every `METHOD /url` registered after the guard (tests check each has a rule). */
export function registeredRoutes(app: FastifyInstance): readonly string[] {
  return routeKeys.get(app) ?? [];
}

/** Registers the guard (call before any route). */
export function registerAccessGuard(
  app: FastifyInstance,
  db: Db,
  options: RegistryAuthOptions = {},
): void {
  app.decorateRequest('principal', null);
  const keys: string[] = [];
  routeKeys.set(app, keys);
  app.addHook('onRoute', (route) => {
    for (const m of [route.method].flat()) keys.push(`${m} ${route.url}`);
  });

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url) return; // no such route: the 404 handler answers
    const route = `${request.method} ${url}`;
    const rule = routeRule(request.method, url);
    const refuse = async (
      status: number,
      code: string,
      message: string,
      court: string | undefined,
      device: Device | null,
      user: RegistryUser | null,
      action: string,
    ) => {
      await appendRegistryEvent(db, court, {
        actor: user ? { userId: user.userId, username: user.username, role: user.role } : null,
        action,
        outcome: 'denied',
        reason: message,
        where: { deviceId: device?.deviceId ?? null, route, ip: request.ip },
      });
      return new RegistryError(status, code, message);
    };
    if (!rule) {
      throw await refuse(
        403,
        'forbidden',
        `${route} has no access rule, so it is refused.`,
        undefined,
        null,
        null,
        'route.undeclared',
      );
    }
    if (rule.principal === 'public' || rule.principal === 'secret') return;
    const device = await authenticate(db, request.headers.authorization);
    const action = rule.principal === 'user' ? rule.action : 'sync.run';
    if (!device) {
      throw await refuse(
        401,
        'unauthenticated',
        'This workstation is not enrolled with the registry (missing, wrong or revoked credential). Enrol it again with a code from the registry administrator.',
        undefined,
        null,
        null,
        action,
      );
    }
    if (rule.principal === 'device') {
      request.principal = { device, user: null, sessionHash: null };
      return;
    }
    const session = await resolveSession(db, device, header(request, SESSION_HEADER), options);
    if (!session.ok) {
      throw await refuse(
        401,
        'session-required',
        `Sign in first: ${session.reason}.`,
        device.courtOri,
        device,
        null,
        action,
      );
    }
    const { user } = session;
    const decision =
      rule.gate === 'role' && mayAttempt(user.role, rule.action)
        ? ({ allowed: true } as const)
        : decide(user.role, rule.action, {
            ...(rule.scope?.(request) ?? {}),
            actorId: user.userId,
            actorCourt: user.courtOri,
            targetCourt: device.courtOri,
          });
    if (!decision.allowed) {
      throw await refuse(
        403,
        'forbidden',
        decision.reason,
        device.courtOri,
        device,
        user,
        rule.action,
      );
    }
    request.principal = { device, user, sessionHash: session.tokenHash };
  });

  // Before the answer leaves: a read of audited data is on record before anyone sees it.
  app.addHook('onSend', async (request, reply, payload) => {
    const rule = routeRule(request.method, request.routeOptions.url);
    const user = request.principal?.user;
    if (!rule || rule.principal !== 'user' || rule.selfAudited || !user) return payload;
    if (!auditedOnSuccess.has(rule.action) || reply.statusCode === 401 || reply.statusCode === 403)
      return payload;
    await appendRegistryEvent(db, request.principal?.device?.courtOri, {
      actor: { userId: user.userId, username: user.username, role: user.role },
      action: rule.action,
      outcome: reply.statusCode < 400 ? 'success' : 'failure',
      where: {
        deviceId: request.principal?.device?.deviceId ?? null,
        route: `${request.method} ${request.routeOptions.url ?? ''}`,
        ip: request.ip,
      },
    });
    return payload;
  });
}
