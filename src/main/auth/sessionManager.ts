/**
 * The workstation's one session (a shared counter PC has one person at the keyboard): sign-in
 * with lockout, the idle lock, unlock by re-authentication, sign-out. Every attempt and every
 * state change is audited. Time comes from an injectable clock so the 10-minute lockout and the
 * idle lock are tested without waiting.
 *
 * The session holds only the user id: role, court and "disabled" are read from the account
 * store on every check, so a role change or a disabled account takes effect at once.
 */
import { randomUUID } from 'node:crypto';

import type { AuditActor } from '../../shared/auth/auditEvent';
import { DEFAULT_KDF, parseHash, weakerThan, type KdfParams } from '../../shared/auth/kdf';
import {
  afterFailure,
  attemptsLeft,
  cleared,
  isLockedOut,
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
} from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import type { SessionView } from '../../shared/ipc/contracts/auth';
import { ServiceError } from '../../shared/ipc/envelope';
import type { AuditInput, AuditJournal } from '../audit/auditJournal';

import type { AuthStore, StoredUser } from './authStore';
import { decoyHash, hashPassword, verifyPassword } from '../../node/scrypt';

export type SessionManagerOptions = {
  readonly store: AuthStore;
  readonly journal: AuditJournal;
  readonly workstationId: string;
  readonly now?: () => number;
  /** KDF parameters for new hashes (tests use cheaper ones). */
  readonly kdf?: KdfParams;
  /** Told of every change of the session's view (the shell forwards it to the windows). */
  readonly publish?: (view: SessionView) => void;
  /** Schedules the idle check; default setTimeout (unref'd). Tests pass a no-op. */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
  /**
   * Told after each successful sign-in or unlock, with the password just checked, so the registry
   * link can open the user's registry session (X-Clerk-Session) for searches and reviews. The
   * password must not be kept.
   */
  readonly onAuthenticated?: (user: Principal, password: string) => void;
  /** Told when the session ends (sign-out, another user, account disabled). */
  readonly onEnded?: () => void;
  /** Seals the signed-in user for the outbox rows they make (src/main/auth/actorSeal.ts). */
  readonly sealActor?: (user: Principal) => string;
};

type Session = {
  readonly sessionId: string;
  readonly userId: string;
  lastActivity: number;
  lockedReason: 'idle' | 'manual' | null;
};

/** The current state for the access gate. */
export type SessionState =
  | { readonly state: 'signed-out' }
  | { readonly state: 'active' | 'locked'; readonly principal: Principal };

export function toPrincipal(u: StoredUser): Principal {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    courtOri: u.courtOri,
    courtroom: u.courtroom,
  };
}

export function toActor(p: Pick<Principal, 'userId' | 'username' | 'role'>): AuditActor {
  return { userId: p.userId, username: p.username, role: p.role };
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref?.();
  return () => clearTimeout(t);
};

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    minute: '2-digit',
  });
}

export class SessionManager {
  private readonly o: SessionManagerOptions;
  private session: Session | null = null;
  private cancelTimer: () => void = () => undefined;
  private decoy: Promise<string> | null = null;

  constructor(options: SessionManagerOptions) {
    this.o = options;
  }

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  private audit(input: AuditInput): Promise<unknown> {
    return this.o.journal.record(input);
  }

  /** The view the renderer gets, after applying the idle rule. */
  async view(): Promise<SessionView> {
    const current = await this.current();
    return {
      state: current.state,
      user: current.state === 'signed-out' ? null : current.principal,
      lockedReason: current.state === 'locked' ? (this.session?.lockedReason ?? null) : null,
      idleLockMinutes: await this.o.store.idleLockMinutes(),
      workstationId: this.o.workstationId,
      ...(current.state !== 'signed-out' && this.o.sealActor
        ? { actorSeal: this.o.sealActor(current.principal) }
        : {}),
    };
  }

  private async changed(): Promise<SessionView> {
    const view = await this.view();
    this.o.publish?.(view);
    this.arm();
    return view;
  }

  /** Re-arms the idle timer for the active session. */
  private arm(): void {
    this.cancelTimer();
    const s = this.session;
    if (!s || s.lockedReason) return;
    void this.o.store.idleLockMinutes().then((minutes) => {
      if (this.session !== s || s.lockedReason) return;
      const due = s.lastActivity + minutes * 60_000 - this.now();
      this.cancelTimer = (this.o.schedule ?? defaultSchedule)(
        () => void this.current().then(() => undefined),
        Math.max(0, due) + 50,
      );
    });
  }

  /** The session's state now; locks an idle session and ends one whose account went away. */
  async current(): Promise<SessionState> {
    const s = this.session;
    if (!s) return { state: 'signed-out' };
    const user = await this.o.store.byId(s.userId);
    if (!user || user.disabled || isLockedOut(user, this.now())) {
      this.session = null;
      this.o.onEnded?.();
      await this.audit({
        actor: user ? toActor(user) : null,
        action: 'session.sign-out',
        outcome: 'success',
        reason: 'the account was disabled, locked or removed',
      });
      this.o.publish?.(await this.view());
      return { state: 'signed-out' };
    }
    if (!s.lockedReason) {
      const idleMs = (await this.o.store.idleLockMinutes()) * 60_000;
      if (this.now() - s.lastActivity >= idleMs) {
        s.lockedReason = 'idle';
        await this.audit({
          actor: toActor(user),
          action: 'session.lock',
          outcome: 'success',
          reason: 'idle',
        });
        this.o.publish?.(await this.view());
      }
    }
    return { state: s.lockedReason ? 'locked' : 'active', principal: toPrincipal(user) };
  }

  /** Checks a password for `user`, counting failures toward the lockout. */
  private async check(user: StoredUser, password: string, action: string): Promise<void> {
    const now = this.now();
    if (isLockedOut(user, now)) {
      await this.audit({
        actor: toActor(user),
        action,
        outcome: 'failure',
        reason: 'account locked out',
      });
      throw new ServiceError(
        'forbidden',
        `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-ins until ${clock(user.lockedUntil ?? now)}. Try again then, or ask an administrator to release it.`,
      );
    }
    if (await verifyPassword(password, user.passwordHash)) {
      if (user.disabled) {
        await this.audit({
          actor: toActor(user),
          action,
          outcome: 'failure',
          reason: 'account disabled',
        });
        throw new ServiceError('forbidden', 'This account is disabled. Ask an administrator.');
      }
      const stored = parseHash(user.passwordHash);
      const kdf = this.o.kdf ?? DEFAULT_KDF;
      const rehash = !stored || weakerThan(stored, kdf);
      if (user.failedCount > 0 || user.lockedUntil !== null || rehash) {
        await this.o.store.put({
          ...user,
          ...cleared,
          ...(rehash ? { passwordHash: await hashPassword(password, kdf) } : {}),
          updatedAt: new Date(now).toISOString(),
        });
      }
      return;
    }
    const next = { ...user, ...afterFailure(user, now), updatedAt: new Date(now).toISOString() };
    await this.o.store.put(next);
    const locked = next.lockedUntil !== null;
    await this.audit({
      actor: toActor(user),
      action,
      outcome: 'failure',
      reason: locked
        ? `wrong password; account locked for ${LOCKOUT_MS / 60_000} minutes`
        : 'wrong password',
    });
    throw new ServiceError(
      'forbidden',
      locked
        ? `Wrong password. The account is now locked for ${LOCKOUT_MS / 60_000} minutes (until ${clock(next.lockedUntil ?? now)}).`
        : `Wrong user name or password. ${attemptsLeft(next)} attempt(s) left before the account locks.`,
    );
  }

  async signIn(username: string, password: string): Promise<SessionView> {
    const user = await this.o.store.byUsername(username);
    if (!user) {
      // Same work as a real check, so a missing name is not revealed by timing.
      this.decoy ??= decoyHash(this.o.kdf ?? DEFAULT_KDF);
      await verifyPassword(password, await this.decoy);
      await this.audit({
        actor: null,
        attemptedUser: username.trim().toLowerCase().slice(0, 64),
        action: 'session.sign-in',
        outcome: 'failure',
        reason: 'unknown user name',
      });
      throw new ServiceError('forbidden', 'Wrong user name or password.');
    }
    await this.check(user, password, 'session.sign-in');
    const previous = this.session;
    if (previous && previous.userId !== user.userId) {
      const old = await this.o.store.byId(previous.userId);
      await this.audit({
        actor: old ? toActor(old) : null,
        action: 'session.sign-out',
        outcome: 'success',
        reason: `replaced by ${user.username}`,
      });
    }
    this.session = {
      sessionId: randomUUID(),
      userId: user.userId,
      lastActivity: this.now(),
      lockedReason: null,
    };
    await this.audit({ actor: toActor(user), action: 'session.sign-in', outcome: 'success' });
    this.o.onAuthenticated?.(toPrincipal(user), password);
    return this.changed();
  }

  async unlock(password: string): Promise<SessionView> {
    const s = this.session;
    if (!s) throw new ServiceError('forbidden', 'Nobody is signed in; sign in instead.');
    const user = await this.o.store.byId(s.userId);
    if (!user) throw new ServiceError('forbidden', 'Nobody is signed in; sign in instead.');
    try {
      await this.check(user, password, 'session.unlock');
    } catch (error) {
      // A lockout reached while unlocking ends the session (the next check signs it out).
      await this.current();
      await this.changed();
      throw error;
    }
    s.lockedReason = null;
    s.lastActivity = this.now();
    await this.audit({ actor: toActor(user), action: 'session.unlock', outcome: 'success' });
    this.o.onAuthenticated?.(toPrincipal(user), password);
    return this.changed();
  }

  async lock(reason: 'idle' | 'manual' = 'manual'): Promise<SessionView> {
    const current = await this.current();
    if (current.state === 'active' && this.session) {
      this.session.lockedReason = reason;
      await this.audit({
        actor: toActor(current.principal),
        action: 'session.lock',
        outcome: 'success',
        reason,
      });
    }
    return this.changed();
  }

  async signOut(): Promise<SessionView> {
    const current = await this.current();
    if (current.state !== 'signed-out') {
      this.session = null;
      this.o.onEnded?.();
      await this.audit({
        actor: toActor(current.principal),
        action: 'session.sign-out',
        outcome: 'success',
      });
    }
    return this.changed();
  }

  /** The user did something: the idle clock starts again (active sessions only). */
  async touch(): Promise<SessionView> {
    const current = await this.current();
    if (current.state === 'active' && this.session) this.session.lastActivity = this.now();
    this.arm();
    return this.view();
  }

  /** Re-authenticates the signed-in user, then sets the new password. */
  async changePassword(
    currentPassword: string,
    next: string,
    problem: string | undefined,
  ): Promise<SessionView> {
    const current = await this.current();
    if (current.state !== 'active') throw new ServiceError('forbidden', 'Sign in first.');
    const user = await this.o.store.byId(current.principal.userId);
    if (!user) throw new ServiceError('forbidden', 'Sign in first.');
    await this.check(user, currentPassword, 'session.password-change');
    if (problem)
      throw new ServiceError('invalid-input', problem, [{ path: 'next', message: problem }]);
    const fresh = (await this.o.store.byId(user.userId)) ?? user;
    await this.o.store.put({
      ...fresh,
      passwordHash: await hashPassword(next, this.o.kdf ?? DEFAULT_KDF),
      updatedAt: new Date(this.now()).toISOString(),
    });
    await this.audit({
      actor: toActor(user),
      action: 'session.password-change',
      outcome: 'success',
    });
    return this.view();
  }

  /** Applies a new idle-lock setting (already clamped to 1…30 by the contract). */
  async setIdleLock(minutes: number): Promise<SessionView> {
    await this.o.store.setIdleLockMinutes(minutes);
    return this.changed();
  }

  close(): void {
    this.cancelTimer();
  }
}
