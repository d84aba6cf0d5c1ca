// @vitest-environment happy-dom
/**
 * NeedsAttentionList against a real Dexie database (fake-indexeddb): refused and unreadable
 * outbox items are listed with their reason and case, items that reached the registry are not,
 * newest first, and an item refused later appears without a reload (the list follows the outbox live).
 */
import 'fake-indexeddb/auto';

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import type { OutboxRow, OutboxState } from '../../../../src/renderer/db/rows';
import { NeedsAttentionList } from '../../../../src/renderer/features/sync/NeedsAttentionList';

let db: ClerkDb;

const row = (n: number, state: OutboxState, extra: Partial<OutboxRow> = {}): OutboxRow => ({
  idempotencyKey: `order.submit:key-${n}`,
  orderId: `o${n}`,
  kind: 'order.submit',
  state,
  attempts: 1,
  lastError: null,
  createdAt: '2026-12-02T09:00:00-08:00',
  payload: { order: { caseNumber: `26FL00000${n}` } },
  ...extra,
});

beforeEach(() => {
  db = new ClerkDb(`attention-${Math.random().toString(36).slice(2)}`);
  useDatabaseForTests(db);
});

afterEach(() => {
  cleanup();
  db.close();
});

describe('needs-attention list', () => {
  it('shows nothing while no item needs a person', async () => {
    await db.outbox.bulkAdd([row(1, 'at-registry'), row(2, 'pending')]);
    const { container } = render(<NeedsAttentionList />);
    // Give the live query time to answer; the list must still be absent.
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    expect(container.querySelector('[data-testid="needs-attention"]')).toBeNull();
  });

  it('lists refused and unreadable items with their reason and case, and follows the outbox', async () => {
    await db.outbox.bulkAdd([
      row(1, 'at-registry'),
      row(2, 'needs-attention', {
        reason: 'invalid-order',
        lastError: 'Restrained person: date of birth is missing.',
      }),
      row(3, 'needs-attention', { reason: 'unreadable', lastError: null, payload: null }),
    ]);
    render(<NeedsAttentionList />);
    const list = await screen.findByTestId('needs-attention');
    expect(within(list).getByRole('heading', { name: 'Needs attention (2)' })).toBeTruthy();
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // Newest first.
    expect(rows[0]?.textContent).toContain('No reason recorded.');
    expect(rows[0]?.textContent).toContain('(unreadable)');
    expect(rows[1]?.textContent).toContain('26FL000002');
    expect(rows[1]?.textContent).toContain('Restrained person: date of birth is missing.');
    expect(rows[1]?.textContent).toContain('(invalid-order)');
    expect(list.textContent).not.toContain('26FL000001');

    // The registry refuses another item later: it joins the list with no reload.
    await db.outbox.add(
      row(4, 'needs-attention', { reason: 'idempotency-key-reused', lastError: 'Key reused.' }),
    );
    await waitFor(() =>
      expect(
        within(screen.getByTestId('needs-attention')).getByRole('heading', {
          name: 'Needs attention (3)',
        }),
      ).toBeTruthy(),
    );
    expect(screen.getByTestId('needs-attention').textContent).toContain('Key reused.');
  });
});
