/**
 * Sign-in, the session, the access-decision endpoint and account management (issue 9).
 *
 * POST   /v1/sessions          {username, password} → {token, user, expiresAt}  (device)
 * GET    /v1/sessions/current  → the signed-in user
 * DELETE /v1/sessions/current  → ends the session
 * POST   /v1/access-checks     {action, scope} → {allowed, reason?}; a "no" is audited
 * GET    /v1/users             accounts (supervisor: own court; admin: all or ?court=)
 * POST   /v1/users             creates an account
 * PATCH  /v1/users/:userId     role, name, courtroom, disabled, password, releaseLockout
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { AccessScope } from '../../shared/auth/conditions';
import { decide } from '../../shared/auth/decide';
import { auditedOnSuccess } from '../../shared/auth/matrix';
import { cleared, passwordProblem } from '../../shared/auth/policy';
import { usernameSchema } from '../../shared/auth/principal';
import { roles } from '../../shared/auth/roles';
// An access check asks the registry what `auth:check-access` asks main: one schema for both.
import { checkAccessInputSchema } from '../../shared/ipc/contracts/auth';
import { appendRegistryEvent } from '../audit/auditLog';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import { badRequest } from '../server';

import { requireUser } from './guard';
import { hashPassword } from '../../node/scrypt';
import { endSession, signInUser, type RegistryAuthOptions } from './sessions';
import { insertUser, listUsers, publicUser, updateUser, userById } from './users';

const ori = z.string().regex(/^[A-Z0-9]{5,12}$/, 'a court ORI: 5–12 capital letters or digits');
const password = z.string().min(1).max(128);

const signInSchema = z.object({ username: z.string().trim().min(1).max(64), password }).strict();

const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().max(100).default(''),
    role: z.enum(roles),
    courtOri: ori.optional(),
    courtroom: z.string().trim().max(40).default(''),
    password,
  })
  .strict();

const changeSchema = z
  .object({
    role: z.enum(roles).optional(),
    displayName: z.string().trim().max(100).optional(),
    courtroom: z.string().trim().max(40).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
    releaseLockout: z.literal(true).optional(),
  })
  .strict();

const actorOf = (u: { userId: string; username: string; role: (typeof roles)[number] }) => ({
  userId: u.userId,
  username: u.username,
  role: u.role,
});

/** Registers the routes above. */
export function registerAuthRoutes(
  app: FastifyInstance,
  db: Db,
  options: RegistryAuthOptions = {},
): void {
  const place = (request: FastifyRequest) => ({
    deviceId: request.principal?.device?.deviceId ?? null,
    route: `${request.method} ${request.routeOptions.url ?? ''}`,
    ip: request.ip,
  });

  /** Decides account management with the full scope; a refusal is audited and thrown. */
  async function manage(
    request: FastifyRequest,
    scope: AccessScope,
    subjectId: string,
  ): Promise<void> {
    const actor = requireUser(request);
    const d = decide(actor.role, 'users.manage', {
      ...scope,
      actorId: actor.userId,
      actorCourt: actor.courtOri,
    });
    if (d.allowed) return;
    await appendRegistryEvent(db, actor.device.courtOri, {
      actor: actorOf(actor),
      action: 'users.manage',
      outcome: 'denied',
      reason: d.reason,
      subject: { kind: 'user', id: subjectId },
      where: place(request),
    });
    throw new RegistryError(403, 'forbidden', d.reason);
  }

  async function managed(
    request: FastifyRequest,
    subjectId: string,
    reason: string,
  ): Promise<void> {
    const actor = requireUser(request);
    await appendRegistryEvent(db, actor.device.courtOri, {
      actor: actorOf(actor),
      action: 'users.manage',
      outcome: 'success',
      reason,
      subject: { kind: 'user', id: subjectId },
      where: place(request),
    });
  }

  app.post('/v1/sessions', async (request, reply) => {
    const device = request.principal?.device;
    if (!device) throw new RegistryError(401, 'unauthenticated', 'Enrol this workstation first.');
    const parsed = signInSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'sign-in');
    const s = await signInUser(
      db,
      device,
      parsed.data.username,
      parsed.data.password,
      { ip: request.ip },
      options,
    );
    return reply
      .status(201)
      .send({ token: s.token, expiresAt: s.expiresAt, user: publicUser(s.user) });
  });

  app.get('/v1/sessions/current', async (request) => publicUser(requireUser(request)));

  app.delete('/v1/sessions/current', async (request, reply) => {
    const user = requireUser(request);
    const hash = request.principal?.sessionHash;
    if (hash) await endSession(db, hash);
    await appendRegistryEvent(db, user.device.courtOri, {
      actor: actorOf(user),
      action: 'session.sign-out',
      outcome: 'success',
      where: place(request),
    });
    return reply.status(204).send();
  });

  app.post('/v1/access-checks', async (request) => {
    const user = requireUser(request);
    const parsed = checkAccessInputSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'access check');
    const { action, scope, subject } = parsed.data;
    const d = decide(user.role, action, {
      ...scope,
      actorId: user.userId,
      actorCourt: user.courtOri,
    });
    if (!d.allowed || auditedOnSuccess.has(action)) {
      await appendRegistryEvent(db, user.device.courtOri, {
        actor: actorOf(user),
        action,
        outcome: d.allowed ? 'success' : 'denied',
        ...(d.allowed ? {} : { reason: d.reason }),
        ...(subject ? { subject } : {}),
        where: place(request),
      });
    }
    return d.allowed ? { allowed: true } : { allowed: false, reason: d.reason };
  });

  app.get('/v1/users', async (request) => {
    const actor = requireUser(request);
    const q = (request.query ?? {}) as { court?: string };
    const court = actor.role === 'admin' ? q.court : actor.courtOri;
    await managed(request, court ?? 'all', 'listed accounts');
    return { users: (await listUsers(db, court)).map(publicUser) };
  });

  app.post('/v1/users', async (request, reply) => {
    const actor = requireUser(request);
    const parsed = newUserSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'account');
    const input = parsed.data;
    const courtOri = input.courtOri ?? actor.courtOri;
    await manage(
      request,
      { targetCourt: courtOri, targetUserId: `new:${input.username}`, assignedRole: input.role },
      `new:${input.username}`,
    );
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new RegistryError(400, 'invalid-request', problem);
    const user = await insertUser(db, {
      courtOri,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      courtroom: input.courtroom,
      passwordHash: await hashPassword(input.password, options.kdf),
    });
    await managed(request, user.userId, `account created (role ${user.role})`);
    return reply.status(201).send(publicUser(user));
  });

  app.patch<{ Params: { userId: string } }>('/v1/users/:userId', async (request) => {
    const parsed = changeSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'account change');
    const target = await userById(db, request.params.userId);
    if (!target) throw new RegistryError(404, 'user-not-found', 'No such account.');
    const change = parsed.data;
    await manage(
      request,
      {
        targetCourt: target.courtOri,
        targetUserId: target.userId,
        targetCurrentRole: target.role,
        assignedRole: change.role ?? target.role,
      },
      target.userId,
    );
    if (change.password) {
      const problem = passwordProblem(change.password, target.username);
      if (problem) throw new RegistryError(400, 'invalid-request', problem);
    }
    const user = await updateUser(db, target.userId, {
      ...(change.role ? { role: change.role } : {}),
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
      ...(change.courtroom !== undefined ? { courtroom: change.courtroom } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.password
        ? { passwordHash: await hashPassword(change.password, options.kdf) }
        : {}),
      ...(change.releaseLockout ? cleared : {}),
    });
    await managed(request, user.userId, `account changed (${Object.keys(change).join(', ')})`);
    return publicUser(user);
  });
}
