import { describe, expect, it } from 'vitest';

import { checkRowActors } from '../../../../src/main/review/actorCheck';
import { reviewNote, reviewNoteRows } from '../../../../src/renderer/features/clets/reviewNotes';

const accounts = new Map([
  ['clerk', { userId: 'u1', disabled: false }],
  ['gone', { userId: 'u2', disabled: true }],
]);
const lookup = async (name: string) => accounts.get(name.toLowerCase());
const row = (key: string, actor?: unknown) => ({
  localSeq: 1,
  idempotencyKey: key,
  kind: 'order.submit',
  payload: { order: {}, ...(actor === undefined ? {} : { actor }) },
});

describe('main vouches only for its own accounts', () => {
  it('sends known actors and rows without one; refuses unknown, mismatched, disabled and unreadable actors', async () => {
    const { send, refused } = await checkRowActors(
      [
        row('ok-1', { userId: 'u1', username: 'clerk', role: 'clerk' }),
        row('none-2'),
        row('who-3', { userId: 'u9', username: 'mallory', role: 'supervisor' }),
        row('id-4', { userId: 'u9', username: 'clerk', role: 'clerk' }),
        row('off-5', { userId: 'u2', username: 'gone', role: 'clerk' }),
        row('bad-6', { username: 'clerk' }),
      ],
      lookup,
    );
    expect(send.map((r) => r.idempotencyKey)).toEqual(['ok-1', 'none-2']);
    expect(refused.map((r) => [r.idempotencyKey, r.outcome, r.reason])).toEqual([
      ['who-3', 'needs-attention', 'unknown-actor'],
      ['id-4', 'needs-attention', 'unknown-actor'],
      ['off-5', 'needs-attention', 'unknown-actor'],
      ['bad-6', 'needs-attention', 'unknown-actor'],
    ]);
    expect(refused[0]?.message).toMatch(/mallory.*no account on this workstation/);
  });
});

describe('review notes for the clerk', () => {
  const by = { username: 'sup', displayName: 'Sam Rivera' };
  it('says who returned it and why, and that a fix waits for approval', () => {
    expect(
      reviewNote({ state: 'returned', approvalKind: null, by, at: null, comment: 'Fix the name' }),
    ).toBe('Returned by Sam Rivera: Fix the name');
    expect(
      reviewNote({
        state: 'awaiting-approval',
        approvalKind: 'correction',
        by,
        at: null,
        comment: null,
      }),
    ).toMatch(/^Waiting for supervisor approval/);
    expect(
      reviewNote({ state: 'approved', approvalKind: 'correction', by, at: null, comment: null }),
    ).toBeNull();
    expect(reviewNote(null)).toBeNull();
  });
  it('lists reviewed orders the refused table does not already show', () => {
    const base = { orderType: 'DV-110', updatedAt: '', courtroom: '', submittedAt: '', order: {} };
    const rows = reviewNoteRows([
      {
        ...base,
        id: 'a',
        caseNumber: 'B2',
        status: 'at-registry',
        review: {
          state: 'awaiting-approval',
          approvalKind: 'correction',
          by,
          at: null,
          comment: null,
        },
      },
      {
        ...base,
        id: 'b',
        caseNumber: 'A1',
        status: 'rejected',
        review: { state: 'returned', approvalKind: null, by, at: null, comment: 'x' },
      },
      { ...base, id: 'c', caseNumber: 'C3', status: 'acknowledged', review: null },
    ]);
    expect(rows.map((r) => r.orderId)).toEqual(['a']);
  });
});
