import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { eventHash } from '../../../../src/main/audit/auditChain';
import { AuditJournal } from '../../../../src/main/audit/auditJournal';
import { ActorSeal } from '../../../../src/main/auth/actorSeal';

import { checkRowActors } from '../../../../src/main/review/actorCheck';
import { reviewNote, reviewNoteRows } from '../../../../src/renderer/features/clets/reviewNotes';

const accounts = new Map([
  ['clerk', { userId: 'u1', disabled: false }],
  ['gone', { userId: 'u2', disabled: true }],
]);
const lookup = async (name: string) => accounts.get(name.toLowerCase());
const row = (key: string, actor?: unknown, kind = 'order.submit') => ({
  localSeq: 1,
  idempotencyKey: key,
  kind,
  payload: { order: {}, ...(actor === undefined ? {} : { actor }) },
});

// A real seal with a throwaway key: only main's key makes a seal that verifies.
const dir = mkdtempSync(path.join(os.tmpdir(), 'actor-seal-'));
const seals = new ActorSeal(dir);
const sealOk = (a: { userId: string; username: string; role: string }, s: string | undefined) =>
  seals.verify(a, s);
const clerk = { userId: 'u1', username: 'clerk', role: 'clerk' as const };
const sealed = { ...clerk, seal: seals.seal(clerk) };

describe('main vouches only for its own accounts, under its own seal', () => {
  it('sends sealed known actors (seal removed) and audit rows; refuses the rest', async () => {
    const other = new ActorSeal(mkdtempSync(path.join(os.tmpdir(), 'actor-seal-other-')));
    const { send, refused } = await checkRowActors(
      [
        row('ok-1', sealed),
        row('audit-2', undefined, 'audit.append'),
        row('who-3', { userId: 'u9', username: 'mallory', role: 'supervisor' }),
        row('id-4', { userId: 'u9', username: 'clerk', role: 'clerk' }),
        row('off-5', {
          userId: 'u2',
          username: 'gone',
          role: 'clerk',
          seal: seals.seal({ userId: 'u2', username: 'gone', role: 'clerk' }),
        }),
        row('bad-6', { username: 'clerk' }),
        row('none-7'),
        row('unsealed-8', clerk),
        row('forged-9', { ...clerk, seal: other.seal(clerk) }),
        row('role-10', { ...clerk, role: 'supervisor', seal: sealed.seal }),
      ],
      lookup,
      sealOk,
    );
    expect(send.map((r) => r.idempotencyKey)).toEqual(['ok-1', 'audit-2']);
    expect((send[0]?.payload as { actor: unknown }).actor).toEqual(clerk);
    expect(refused.map((r) => [r.idempotencyKey, r.outcome, r.reason])).toEqual(
      ['who-3', 'id-4', 'off-5', 'bad-6', 'none-7', 'unsealed-8', 'forged-9', 'role-10'].map(
        (k) => [k, 'needs-attention', 'unknown-actor'],
      ),
    );
    expect(refused[0]?.message).toMatch(/mallory.*no account on this workstation/);
    expect(refused[4]?.message).toMatch(/does not say who keyed it/);
    expect(refused[5]?.message).toMatch(/without this workstation's proof/);
  });

  it('keeps its key across restarts, so rows sealed before a restart still go', () => {
    expect(new ActorSeal(dir).verify(clerk, sealed.seal)).toBe(true);
  });
});

describe("main sends only its own journal's audit events", () => {
  it('refuses an altered, fabricated or unknown event and sends the real ones', async () => {
    const journal = new AuditJournal({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'actor-audit-')),
      workstationId: 'ws-1',
    });
    const actor = { userId: 'u1', username: 'clerk', role: 'clerk' as const };
    const real = await journal.record({ actor, action: 'order.print', outcome: 'success' });
    const second = await journal.record({ actor, action: 'order.print', outcome: 'denied' });
    const altered = { ...second, outcome: 'success' as const };
    const { hash: _h, ...body } = { ...second, action: 'confidential.view' };
    // Self-consistent, but not what the journal holds at that seq.
    const fabricated = { ...body, hash: eventHash(body) };
    const unknown = { ...real, seq: 99 };
    const auditRow = (key: string, event: unknown) => ({
      localSeq: 1,
      idempotencyKey: key,
      kind: 'audit.append',
      payload: { event },
    });
    const { send, refused } = await checkRowActors(
      [
        auditRow('a-1', real),
        auditRow('a-2', second),
        auditRow('a-3', altered),
        auditRow('a-4', fabricated),
        auditRow('a-5', unknown),
        auditRow('a-6', { not: 'an event' }),
      ],
      lookup,
      sealOk,
      (event) => journal.isOwn(event),
    );
    expect(send.map((r) => r.idempotencyKey)).toEqual(['a-1', 'a-2']);
    expect(refused.map((r) => r.idempotencyKey)).toEqual(['a-3', 'a-4', 'a-5', 'a-6']);
    expect(refused[0]?.message).toMatch(/not in this workstation's audit journal/);
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
