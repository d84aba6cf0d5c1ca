/**
 * The `auth` and `audit` channel handlers and the composition of the auth services for
 * workstation.ts: account store, audit journal, session, access gate.
 */
import { decide } from '../../shared/auth/decide';
import type { KdfParams } from '../../shared/auth/kdf';
import { auditedOnSuccess } from '../../shared/auth/matrix';
import { passwordProblem } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import type { SessionView } from '../../shared/ipc/contracts/auth';
import { DEMO_COURT, demoUsers } from '../../shared/auth/demoUsers';
import { AuditJournal } from '../audit/auditJournal';
import { loadWorkstationId } from '../audit/workstationId';
import { principalOf, type Handlers } from '../ipc/dispatcher';

import { createAccessGate, type AccessGate } from './accessGate';
import { ActorSeal } from './actorSeal';
import { AuthStore } from './authStore';
import { hashPassword } from '../../node/scrypt';
import { SessionManager, toActor } from './sessionManager';
import { UsersService } from './usersService';

type AuthChannel = Extract<keyof Handlers, `auth:${string}` | `audit:${string}`>;

export type AuthOptions = {
  readonly dataDir: string;
  readonly publish: (view: SessionView) => void;
  /** Seed the demo accounts into an empty store (CLERK_DEMO=1, or the e2e host). */
  readonly seedDemoUsers?: boolean;
  readonly now?: () => number;
  readonly kdf?: KdfParams;
  readonly schedule?: (fn: () => void, ms: number) => () => void;
  readonly deviceId?: () => string | null;
  /** See SessionManagerOptions: the registry link opens and ends the user's registry session. */
  readonly onAuthenticated?: (user: Principal, password: string) => void;
  readonly onEnded?: () => void;
};

export type Auth = {
  readonly store: AuthStore;
  readonly journal: AuditJournal;
  readonly sessions: SessionManager;
  /** Seals of "who keyed it" (the sync push checks them). */
  readonly seal: ActorSeal;
  readonly users: UsersService;
  readonly gate: AccessGate;
  readonly workstationId: string;
  readonly handlers: { readonly [C in AuthChannel]: Handlers[C] };
  /** Resolves once seeding (if any) is done. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
};

async function seed(store: AuthStore, kdf: KdfParams | undefined): Promise<void> {
  if ((await store.users()).length > 0) return;
  const at = new Date().toISOString();
  for (const u of demoUsers) {
    await store.put({
      userId: `e2e-${u.username}`,
      username: u.username,
      displayName: u.displayName,
      role: u.username,
      courtOri: DEMO_COURT,
      courtroom: u.courtroom,
      passwordHash: await hashPassword(u.password, kdf),
      failedCount: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
  }
}

export function createAuth(options: AuthOptions): Auth {
  const now = options.now ?? Date.now;
  const workstationId = loadWorkstationId(options.dataDir);
  const store = new AuthStore(options.dataDir);
  const journal = new AuditJournal({
    dataDir: options.dataDir,
    workstationId,
    now,
    ...(options.deviceId ? { deviceId: options.deviceId } : {}),
  });
  const seal = new ActorSeal(options.dataDir);
  const sessions = new SessionManager({
    sealActor: (user) => seal.seal(user),
    store,
    journal,
    workstationId,
    now,
    publish: options.publish,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.onAuthenticated ? { onAuthenticated: options.onAuthenticated } : {}),
    ...(options.onEnded ? { onEnded: options.onEnded } : {}),
  });
  const users = new UsersService(store, journal, now, options.kdf);
  const gate = createAccessGate(sessions, journal);
  const ready = options.seedDemoUsers ? seed(store, options.kdf) : Promise.resolve();
  ready.catch(() => undefined);

  const handlers: Auth['handlers'] = {
    'auth:get-session': () => sessions.view(),
    'auth:sign-in': async ({ username, password }) => {
      await ready;
      return sessions.signIn(username, password);
    },
    'auth:unlock-session': ({ password }) => sessions.unlock(password),
    'auth:sign-out': () => sessions.signOut(),
    'auth:lock-session': ({ reason }) => sessions.lock(reason),
    'auth:touch-session': () => sessions.touch(),
    'auth:change-password': ({ current, next }, ctx) =>
      sessions.changePassword(current, next, passwordProblem(next, principalOf(ctx).username)),
    'auth:check-access': async ({ action, scope, subject }, ctx) => {
      const p = principalOf(ctx);
      const d = decide(p.role, action, { ...scope, actorId: p.userId, actorCourt: p.courtOri });
      if (!d.allowed || auditedOnSuccess.has(action)) {
        await journal.record({
          actor: toActor(p),
          action,
          outcome: d.allowed ? 'success' : 'denied',
          ...(d.allowed ? {} : { reason: d.reason }),
          ...(subject ? { subject } : {}),
          where: { channel: 'auth:check-access' },
        });
      }
      return d.allowed ? { allowed: true } : { allowed: false, reason: d.reason };
    },
    'auth:list-users': async (_input, ctx) => ({ users: await users.list(principalOf(ctx)) }),
    'auth:save-user': (input, ctx) => users.save(principalOf(ctx), input),
    'auth:release-lockout': ({ userId }, ctx) => users.releaseLockout(principalOf(ctx), userId),
    'auth:set-idle-lock': async ({ minutes }, ctx) => {
      const view = await sessions.setIdleLock(minutes);
      await journal.record({
        actor: toActor(principalOf(ctx)),
        action: 'workstation.configure',
        outcome: 'success',
        reason: `idle lock set to ${view.idleLockMinutes} minutes`,
        where: { channel: 'auth:set-idle-lock' },
      });
      return view;
    },

    'audit:record-event': async ({ action, outcome, subject, reason }, ctx) => {
      const event = await journal.record({
        actor: toActor(principalOf(ctx)),
        action,
        outcome,
        ...(subject ? { subject } : {}),
        ...(reason !== undefined ? { reason } : {}),
        where: { channel: 'audit:record-event' },
      });
      return { seq: event.seq };
    },
    'audit:list-pending': async ({ limit }) => ({ events: await journal.pending(limit) }),
    'audit:confirm-queued': async ({ upToSeq }) => ({
      queuedUpTo: await journal.confirmQueued(upToSeq),
    }),
    'audit:list-events': async ({ limit, beforeSeq }, ctx) => {
      const events = await journal.list(limit, beforeSeq);
      // Reading the audit trail is itself audited (5.2: "reads are audited too").
      await journal.record({
        actor: toActor(principalOf(ctx)),
        action: 'audit.view',
        outcome: 'success',
        where: { channel: 'audit:list-events' },
      });
      return { events };
    },
  };

  return {
    store,
    journal,
    sessions,
    seal,
    users,
    gate,
    workstationId,
    handlers,
    ready,
    async close() {
      sessions.close();
      await journal.flush();
    },
  };
}
