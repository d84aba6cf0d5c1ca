// @vitest-environment happy-dom
/**
 * The Review page against a fake `window.clerk` (main's answers) with fixture day summaries:
 * the role gate, the honest "unavailable" state, the summary strip's filters, own entries,
 * the Return / Decline / Request void dialogs (validation, Escape, focus, the registry's
 * refusal), reloading after actions, on a timer and when the registry is reachable again, the
 * report download, and keyboard movement between rows.
 */
import 'fake-indexeddb/auto';

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppStore } from '../../../../src/renderer/app/store';
import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { sessionChanged } from '../../../../src/renderer/features/auth/authSlice';
import { REVIEW_REFRESH_MS, ReviewPage } from '../../../../src/renderer/features/review/ReviewPage';
import { syncStatusReceived } from '../../../../src/renderer/features/sync/syncSlice';
import type { Role } from '../../../../src/shared/auth/roles';
import type { DaySummary } from '../../../../src/shared/review/daySummary';
import type { SyncStatus } from '../../../../src/shared/ipc/contracts/sync';
import { fixtureSummary } from '../../shared/review/daySummaryFixture';

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let db: ClerkDb;
let n = 0;
let day: (date: string) => Answer;
let actionAnswer: Answer;
const calls: { channel: string; input: unknown }[] = [];
const count = (channel: string) => calls.filter((c) => c.channel === channel).length;

const ok = (value: unknown): Answer => ({ ok: true, value });
const unavailable: Answer = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'Supervisor review is not available on this workstation yet.',
  },
};

function fakeClerk() {
  const record = (channel: string, answer: () => Answer) => (input: unknown) => {
    calls.push({ channel, input });
    return Promise.resolve(answer());
  };
  return {
    review: {
      getDay: (input: { date: string }) => {
        calls.push({ channel: 'review:get-day', input });
        return Promise.resolve(day(input.date));
      },
      returnOrder: record('review:return-order', () => actionAnswer),
      decideApproval: record('review:decide-approval', () => actionAnswer),
      requestVoid: record('review:request-void', () => actionAnswer),
    },
    report: {
      buildDaily: record('report:build-daily', () =>
        ok({
          fileName: 'review-CA034999J-2026-12-02.csv',
          mime: 'text/csv',
          bytes: new Uint8Array([65]),
        }),
      ),
    },
    clets: {
      listDeadlines: record('clets:list-deadlines', () =>
        ok({ reached: false, message: 'The registry is offline.', lists: null }),
      ),
    },
  };
}

function mount(role: Role = 'supervisor') {
  const store = createAppStore();
  store.dispatch(
    sessionChanged({
      state: 'active',
      user: {
        userId: role === 'supervisor' ? 'u-super' : `u-${role}`,
        username: role,
        displayName: `Test ${role}`,
        role,
        courtOri: 'CA034999J',
        courtroom: '',
      },
      lockedReason: null,
      idleLockMinutes: 5,
      workstationId: 'ws-1',
    }),
  );
  const headingRef = { current: null };
  render(
    <Provider store={store}>
      <ReviewPage headingRef={headingRef} />
    </Provider>,
  );
  return store;
}

const rowOf = (caseNumber: string) =>
  screen.getByRole('rowheader', { name: caseNumber }).closest('tr') as HTMLElement;
const tableCases = () =>
  within(screen.getByRole('table', { name: /^Submissions:/ }))
    .getAllByRole('rowheader')
    .map((h) => h.textContent);

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`review-page-${n}`);
  await db.open();
  useDatabaseForTests(db);
  calls.length = 0;
  const summary: DaySummary = fixtureSummary();
  // The registry answers the day asked for.
  day = (date) => ok({ ...summary, date });
  actionAnswer = ok({ orderId: 'x', state: 'returned', approvalId: null });
  (window as unknown as { clerk: unknown }).clerk = fakeClerk();
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('ReviewPage', () => {
  it('shows a clerk "Supervisors only" and asks main for nothing', async () => {
    mount('clerk');
    expect(screen.getByText('Supervisors only.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download report (PDF)' })).toBeNull();
    await Promise.resolve();
    expect(count('review:get-day')).toBe(0);
  });

  it('says honestly that review needs the registry when main answers unavailable', async () => {
    day = () => unavailable;
    mount();
    const notice = await screen.findByTestId('review-unavailable');
    expect(notice.textContent).toBe(
      'Review needs the registry: Supervisor review is not available on this workstation yet.',
    );
    expect(screen.queryByRole('table', { name: /^Submissions:/ })).toBeNull();
    const pdf = screen.getByRole('button', { name: 'Download report (PDF)' }) as HTMLButtonElement;
    expect(pdf.disabled).toBe(true);
    expect(calls.find((c) => c.channel === 'review:get-day')?.input).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('filters the table by a status or review-state count and back to all', async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    expect(tableCases()).toHaveLength(7);
    const rejected = screen.getByRole('button', { name: '1 Rejected' });
    fireEvent.click(rejected);
    expect(rejected.getAttribute('aria-pressed')).toBe('true');
    expect(tableCases()).toEqual(['26FL000104']);
    fireEvent.click(screen.getByRole('button', { name: '2 Awaiting approval' }));
    expect(tableCases()).toEqual(['26FL000105', '26FL000106']);
    expect(rejected.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '2 Awaiting approval' }));
    expect(tableCases()).toHaveLength(7);
  });

  it('lists at-risk and overdue work in words and the rejections with reason and field', async () => {
    mount();
    const late = await screen.findByRole('region', { name: /at risk or overdue \(2\)/ });
    const items = within(late)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^Case 26FL000103 .*Overdue/);
    expect(items[1]).toMatch(/^Case 26FL000102 .*At risk/);
    expect(items[1]).toContain('1.5 court hours');
    const rejections = screen.getByRole('region', { name: 'Rejections (1)' });
    const row = within(rejections).getByRole('rowheader', { name: '26FL000104' }).closest('tr');
    expect(row?.textContent).toContain('date of birth is after the order date');
    expect(row?.textContent).toContain('restrained.dob');
  });

  it("offers Approve and Decline only on others' entries, with the reason on one's own", async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const other = rowOf('26FL000105');
    expect(within(other).getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(within(other).getByRole('button', { name: 'Decline' })).toBeTruthy();
    const own = rowOf('26FL000106');
    expect(within(own).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(own).queryByRole('button', { name: 'Decline' })).toBeNull();
    expect(own.textContent).toContain('You keyed this order');
  });

  it('approves with the approval id, reloads the day and announces it', async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const before = count('review:get-day');
    fireEvent.click(within(rowOf('26FL000105')).getByRole('button', { name: 'Approve' }));
    await screen.findByText('Approved: case 26FL000105.');
    expect(calls.find((c) => c.channel === 'review:decide-approval')?.input).toEqual({
      approvalId: 'ap-1',
      decision: 'approve',
    });
    await waitFor(() => expect(count('review:get-day')).toBe(before + 1));
  });

  it("shows the registry's refusal of an approval as it says it", async () => {
    actionAnswer = {
      ok: false,
      error: { code: 'forbidden', message: 'You cannot approve a change to your own entry.' },
    };
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    fireEvent.click(within(rowOf('26FL000105')).getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByText(/The registry refused:/);
    expect(alert.textContent).toBe(
      'The registry refused: You cannot approve a change to your own entry.',
    );
  });

  it('returns to the clerk only with a comment; Escape cancels and focus goes back', async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const opener = within(rowOf('26FL000101')).getByRole('button', { name: 'Return to clerk' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Return to the clerk' });
    const field = within(dialog).getByLabelText(/Comment for the clerk/);
    expect(document.activeElement).toBe(field);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return to clerk' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Say what the clerk should fix (at least 3 characters).',
    );
    expect(count('review:return-order')).toBe(0);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    fireEvent.click(opener);
    const again = screen.getByRole('dialog', { name: 'Return to the clerk' });
    fireEvent.change(within(again).getByLabelText(/Comment for the clerk/), {
      target: { value: '  The DOB is wrong  ' },
    });
    const before = count('review:get-day');
    fireEvent.click(within(again).getByRole('button', { name: 'Return to clerk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.channel === 'review:return-order')?.input).toEqual({
      orderId: 'o-ontime',
      comment: 'The DOB is wrong',
    });
    await waitFor(() => expect(count('review:get-day')).toBe(before + 1));
    expect(screen.getByText('Returned to the clerk: case 26FL000101.')).toBeTruthy();
  });

  it('asks a void reason of 10 characters and keeps the dialog open on a refusal', async () => {
    actionAnswer = {
      ok: false,
      error: { code: 'conflict', message: 'This order already has a void waiting for approval.' },
    };
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    fireEvent.click(within(rowOf('26FL000107')).getByRole('button', { name: 'Request void' }));
    const dialog = screen.getByRole('dialog', { name: 'Request a void' });
    const field = within(dialog).getByLabelText(/Reason for the void/);
    fireEvent.change(field, { target: { value: 'too short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Request void' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'A void needs a reason of at least 10 characters.',
    );
    expect(count('review:request-void')).toBe(0);
    fireEvent.change(field, { target: { value: 'Entered on the wrong case' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Request void' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toBe(
        'This order already has a void waiting for approval.',
      ),
    );
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(calls.find((c) => c.channel === 'review:request-void')?.input).toEqual({
      orderId: 'o-acked',
      reason: 'Entered on the wrong case',
    });
  });

  it('declines with a reason through decide-approval', async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    fireEvent.click(within(rowOf('26FL000105')).getByRole('button', { name: 'Decline' }));
    const dialog = screen.getByRole('dialog', { name: 'Decline the change' });
    fireEvent.change(within(dialog).getByLabelText(/Why the change is declined/), {
      target: { value: 'The fix names the wrong person' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.channel === 'review:decide-approval')?.input).toEqual({
      approvalId: 'ap-1',
      decision: 'decline',
      comment: 'The fix names the wrong person',
    });
  });

  it('fetches the day again when the registry is reachable again', async () => {
    const store = mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const status = (connectivity: SyncStatus['connectivity']): SyncStatus => ({
      registryUrl: 'http://127.0.0.1:1',
      urlSource: 'settings',
      enrolled: true,
      deviceId: 'd1',
      courtOri: 'CA034999J',
      connectivity,
      detail: '',
      lastContactAt: null,
      autoEnrol: false,
    });
    act(() => {
      store.dispatch(syncStatusReceived(status('offline')));
    });
    const before = count('review:get-day');
    act(() => {
      store.dispatch(syncStatusReceived(status('online')));
    });
    await waitFor(() => expect(count('review:get-day')).toBe(before + 1));
  });

  it('fetches the day again every minute', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const before = count('review:get-day');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REVIEW_REFRESH_MS + 10);
    });
    expect(count('review:get-day')).toBeGreaterThan(before);
  });

  it('downloads the report through main and a download link', async () => {
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:test/1');
    URL.revokeObjectURL = vi.fn();
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    fireEvent.click(screen.getByRole('button', { name: 'Download report (CSV)' }));
    await screen.findByText('Saved review-CA034999J-2026-12-02.csv.');
    const input = calls.find((c) => c.channel === 'report:build-daily')?.input as {
      format: string;
      summary: DaySummary;
    };
    expect(input.format).toBe('csv');
    expect(input.summary.submissions).toHaveLength(7);
    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('review-CA034999J-2026-12-02.csv');
    click.mockRestore();
  });

  it('moves between rows with the arrow keys, staying on the same button', async () => {
    mount();
    await screen.findByRole('table', { name: /^Submissions:/ });
    const first = within(rowOf('26FL000101')).getByRole('button', { name: 'Request void' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(
      within(rowOf('26FL000102')).getByRole('button', { name: 'Request void' }),
    );
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    expect(document.activeElement?.closest('tr')).toBe(rowOf('26FL000107'));
  });
});
