/**
 * Account management on the workstation (users.manage): the matrix cell decides with the full
 * scope (whose account, which court, which role is given), so a supervisor manages clerk and
 * courtroom accounts of their own court, an administrator any, and nobody their own role.
 */
import { randomUUID } from 'node:crypto';

import { hashPassword } from '../../node/scrypt';
import { accountView } from '../../shared/auth/accountView';
import { decide } from '../../shared/auth/decide';
import type { KdfParams } from '../../shared/auth/kdf';
import { cleared, passwordProblem } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import type { SaveUserInput, UserView } from '../../shared/ipc/contracts/auth';
import { ServiceError } from '../../shared/ipc/envelope';
import type { AuditJournal } from '../audit/auditJournal';

import type { AuthStore, StoredUser } from './authStore';
import { toActor } from './sessionManager';

export function toUserView(u: StoredUser): UserView {
  return { ...accountView(u), createdAt: u.createdAt };
}

export class UsersService {
  constructor(
    private readonly store: AuthStore,
    private readonly journal: AuditJournal,
    private readonly now: () => number,
    private readonly kdf?: KdfParams,
  ) {}

  private async allow(
    actor: Principal,
    channel: string,
    scope: Parameters<typeof decide>[2],
    subjectId: string,
  ): Promise<void> {
    const d = decide(actor.role, 'users.manage', {
      ...scope,
      actorId: actor.userId,
      actorCourt: actor.courtOri,
    });
    if (d.allowed) return;
    await this.done(actor, channel, subjectId, 'denied', d.reason);
    throw new ServiceError('forbidden', d.reason);
  }

  private async done(
    actor: Principal,
    channel: string,
    subjectId: string,
    outcome: 'success' | 'denied',
    reason: string,
  ): Promise<void> {
    await this.journal.record({
      actor: toActor(actor),
      action: 'users.manage',
      outcome,
      reason,
      subject: { kind: 'user', id: subjectId },
      where: { channel },
    });
  }

  /** Admins see every account; supervisors those of their court. */
  async list(actor: Principal): Promise<UserView[]> {
    const all = await this.store.users();
    const visible = actor.role === 'admin' ? all : all.filter((u) => u.courtOri === actor.courtOri);
    await this.journal.record({
      actor: toActor(actor),
      action: 'users.manage',
      outcome: 'success',
      reason: 'listed accounts',
      where: { channel: 'auth:list-users' },
    });
    return visible.map(toUserView);
  }

  async save(actor: Principal, input: SaveUserInput): Promise<UserView> {
    const existing = input.userId ? await this.store.byId(input.userId) : undefined;
    if (input.userId && !existing) {
      throw new ServiceError('not-found', 'That account no longer exists; reload the list.');
    }
    const userId = existing?.userId ?? randomUUID();
    await this.allow(
      actor,
      'auth:save-user',
      {
        targetCourt: input.courtOri,
        targetUserId: userId,
        ...(existing ? { targetCurrentRole: existing.role } : {}),
        assignedRole: input.role,
      },
      userId,
    );
    // A supervisor may not move an account out of their court either.
    if (existing && existing.courtOri !== input.courtOri && actor.role !== 'admin') {
      throw new ServiceError(
        'forbidden',
        'Only an administrator moves an account to another court.',
      );
    }
    if (!existing && !input.password) {
      throw new ServiceError('invalid-input', 'A new account needs a first password.', [
        { path: 'password', message: 'Enter a first password.' },
      ]);
    }
    if (input.password) {
      const problem = passwordProblem(input.password, input.username);
      if (problem) {
        throw new ServiceError('invalid-input', problem, [{ path: 'password', message: problem }]);
      }
    }
    const at = new Date(this.now()).toISOString();
    const user: StoredUser = {
      userId,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      courtOri: input.courtOri,
      courtroom: input.courtroom,
      passwordHash: input.password
        ? await hashPassword(input.password, this.kdf)
        : (existing?.passwordHash ?? ''),
      failedCount: existing?.failedCount ?? 0,
      lockedUntil: existing?.lockedUntil ?? null,
      disabled: input.disabled,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    const saved = toUserView(await this.store.put(user));
    await this.done(
      actor,
      'auth:save-user',
      userId,
      'success',
      existing
        ? `account changed (role ${user.role}${user.disabled ? ', disabled' : ''})`
        : `account created (role ${user.role})`,
    );
    return saved;
  }

  /** Lets a locked-out account sign in again before the 10 minutes are over. */
  async releaseLockout(actor: Principal, userId: string): Promise<UserView> {
    const user = await this.store.byId(userId);
    if (!user)
      throw new ServiceError('not-found', 'That account no longer exists; reload the list.');
    await this.allow(
      actor,
      'auth:release-lockout',
      {
        targetCourt: user.courtOri,
        targetUserId: user.userId,
        targetCurrentRole: user.role,
        assignedRole: user.role,
      },
      user.userId,
    );
    const next = { ...user, ...cleared, updatedAt: new Date(this.now()).toISOString() };
    const saved = toUserView(await this.store.put(next));
    await this.done(actor, 'auth:release-lockout', user.userId, 'success', 'lockout released');
    return saved;
  }
}
