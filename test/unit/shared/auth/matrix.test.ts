import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { actionList, actions, type Action } from '../../../../src/shared/auth/actions';
import type { AccessScope } from '../../../../src/shared/auth/conditions';
import { decide, isAllowed, mayAttempt } from '../../../../src/shared/auth/decide';
import { roleMatrix } from '../../../../src/shared/auth/matrix';
import { roles, type Role } from '../../../../src/shared/auth/roles';

import { expectedMark, satisfyingScope } from './expectedMatrix';

const court = 'CA034999J';
const me = 'user-1';
const base = { actorId: me, actorCourt: court };

const cells = actions.flatMap((action) => roles.map((role) => [action, role] as const));

describe('the role matrix', () => {
  it('has one row per action, each with a distinct id and a §5.2 row or "workstation"', () => {
    expect(new Set(actions).size).toBe(actionList.length);
    expect(Object.keys(roleMatrix).sort()).toEqual([...actions].sort());
    for (const a of actionList) expect(a.row.length).toBeGreaterThan(5);
  });

  it.each(cells)('%s for %s matches the hand transcription of §5.2', (action, role) => {
    const cell = roleMatrix[action][role];
    const mark = expectedMark(action, role);
    const kind = !cell.allow ? 'N' : cell.when && cell.when.length > 0 ? 'C' : 'Y';
    expect(kind).toBe(mark);
  });

  it.each(cells)('%s for %s: the decision follows the mark', (action, role) => {
    const mark = expectedMark(action, role);
    const scope = { ...base, ...satisfyingScope(action, role, me, court) } as AccessScope;
    expect(isAllowed(role, action, scope)).toBe(mark !== 'N');
    expect(mayAttempt(role, action)).toBe(mark !== 'N');
    if (mark === 'C') {
      // Every fact of the satisfying scope is needed: drop one and the answer is no.
      for (const key of Object.keys(satisfyingScope(action, role, me, court))) {
        if (key === 'targetCourt') continue;
        const partial = { ...scope } as Record<string, unknown>;
        delete partial[key];
        expect(isAllowed(role, action, partial as AccessScope), key).toBe(false);
      }
      expect(isAllowed(role, action, base)).toBe(false);
    }
  });

  it('nobody hard-deletes or edits audit records, whatever the scope', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom<Action>('record.hard-delete', 'audit.edit'),
        fc.record({ keying: fc.boolean(), entryAuthor: fc.string(), onCalendar: fc.boolean() }),
        (role, action, extra) => !isAllowed(role, action, { ...base, ...extra }),
      ),
    );
  });

  it('never allows an action on another court, except admin account management', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.constantFrom('CA019015J', 'CA001997J'),
        ([action, role], other) => {
          const scope = {
            ...base,
            ...satisfyingScope(action, role, me, court),
            targetCourt: other,
          };
          const allowed = isAllowed(role, action, scope as AccessScope);
          return !allowed || (role === 'admin' && action === 'users.manage');
        },
      ),
    );
  });

  it('denies without a court, an unknown role or an unknown action', () => {
    expect(isAllowed('clerk', 'order.submit', { actorId: me })).toBe(false);
    expect(decide('judge', 'order.submit', base)).toMatchObject({ allowed: false });
    expect(decide('supervisor', 'order.delete', base)).toEqual({
      allowed: false,
      reason: '"order.delete" is not an action this system knows.',
    });
    expect(decide('clerk', 'queue.work', base)).toEqual({
      allowed: false,
      reason: 'A counter clerk may not review rejections and conflicts, return work to a clerk.',
    });
  });

  it('keeps the two-person rule: a supervisor never approves their own entry', () => {
    for (const action of [
      'order.change-approve',
      'correction.approve',
      'order.void-approve',
    ] as const) {
      expect(isAllowed('supervisor', action, { ...base, entryAuthor: me })).toBe(false);
      expect(isAllowed('supervisor', action, { ...base, entryAuthor: 'other' })).toBe(true);
    }
  });

  it('has no self-elevation and keeps supervisors to counter roles', () => {
    const s = { ...base, targetCourt: court };
    expect(
      isAllowed('supervisor', 'users.manage', { ...s, targetUserId: me, assignedRole: 'clerk' }),
    ).toBe(false);
    expect(
      isAllowed('admin', 'users.manage', { ...s, targetUserId: me, assignedRole: 'admin' }),
    ).toBe(false);
    expect(
      isAllowed('supervisor', 'users.manage', {
        ...s,
        targetUserId: 'u2',
        assignedRole: 'supervisor',
      }),
    ).toBe(false);
    expect(
      isAllowed('supervisor', 'users.manage', {
        ...s,
        targetUserId: 'u2',
        targetCurrentRole: 'supervisor',
        assignedRole: 'clerk',
      }),
    ).toBe(false);
    expect(
      isAllowed('supervisor', 'users.manage', {
        ...s,
        targetUserId: 'u2',
        assignedRole: 'courtroom',
      }),
    ).toBe(true);
    expect(
      isAllowed('admin', 'users.manage', { ...s, targetUserId: 'u2', assignedRole: 'supervisor' }),
    ).toBe(true);
  });

  it('lets a clerk search the registry by case number only', () => {
    const roleOf: Role = 'clerk';
    for (const searchBy of ['name', 'dob', 'licence', 'fcn'] as const) {
      expect(isAllowed(roleOf, 'registry.search', { ...base, searchBy })).toBe(false);
    }
    expect(isAllowed(roleOf, 'registry.search', { ...base, searchBy: 'case-number' })).toBe(true);
  });
});
