// @vitest-environment happy-dom
/**
 * Intake screens against a real (fake-indexeddb) ClerkDb: the computed expiry in the form,
 * draft autosave (debounced, and flushed at once when the page is hidden), and the drafts list
 * (owner, age, type; discarding asks first).
 */
import 'fake-indexeddb/auto';

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { createDraft } from '../../../../src/renderer/db/draftsRepo';
import { entryFor } from '../../../../src/renderer/features/intake/currentEntries';
import { ExpiryNote } from '../../../../src/renderer/features/intake/form/ExpiryNote';
import { expiryPreview } from '../../../../src/renderer/features/intake/form/expiryPreview';
import { buildFormSpec } from '../../../../src/renderer/features/intake/form/formSpec';
import type { FieldValue } from '../../../../src/renderer/features/intake/form/fieldTypes';
import { OrderForm } from '../../../../src/renderer/features/intake/form/OrderForm';
import { ReplacesChoice } from '../../../../src/renderer/features/intake/form/ReplacesChoice';
import { valuesToOrder } from '../../../../src/renderer/features/intake/form/toOrder';
import { StartIntake } from '../../../../src/renderer/features/intake/StartIntake';
import { autosaveDelayMs, useAutosave } from '../../../../src/renderer/features/intake/useAutosave';

let db: ClerkDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`intake-ui-${n}`);
  await db.open();
  useDatabaseForTests(db);
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  db.close();
  await db.delete();
});

/** Lets IndexedDB and Dexie finish their work without running any (fake) timer. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r));
}

describe('computed expiry in the form', () => {
  it('sits in the Dates section with the rule that produced it', () => {
    const entry = entryFor('CH-130', '2026-12-02T10:00:00-08:00');
    if (!entry) throw new Error('CH-130 missing');
    const values = { issuedAt: '10/29/2026 11:15', 'expiration.kind': 'unspecified' };
    const order = valuesToOrder(entry, values, 'o-1').order;
    render(
      <OrderForm
        sections={buildFormSpec(entry)}
        values={values}
        errors={{}}
        onChange={() => undefined}
        onBlur={() => undefined}
        notes={{ dates: <ExpiryNote preview={expiryPreview(order)} /> }}
      />,
    );
    const dates = document.getElementById('section-dates');
    if (!dates) throw new Error('no Dates section');
    const note = within(dates).getByTestId('computed-expiry');
    expect(note.textContent).toContain('Expires Oct 29, 2029');
    expect(note.textContent).toContain('a CH-130 lasts 3 years from issuance');
  });
});

function Harness({ draftId }: { readonly draftId: string }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useAutosave(draftId, values, Object.keys(values).length > 0);
  return (
    <>
      <button type="button" onClick={() => setValues({ caseNumber: '26FL000123' })}>
        key
      </button>
      <output>{save.state}</output>
    </>
  );
}

describe('draft autosave', () => {
  it('waits at most 500 ms, and saves at once when the page is hidden', async () => {
    expect(autosaveDelayMs).toBeLessThanOrEqual(500);
    const draft = await createDraft(db, 'DV-130', 'casey', {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Harness draftId={draft.id} />);
    fireEvent.click(screen.getByText('key'));
    await settle();
    // The debounce has not run (its timer is fake): nothing written yet.
    expect((await db.drafts.get(draft.id))?.values).toEqual({});
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await settle();
    });
    expect((await db.drafts.get(draft.id))?.values).toEqual({ caseNumber: '26FL000123' });
  });

  it('saves after the debounce without any page event', async () => {
    const draft = await createDraft(db, 'DV-130', 'casey', {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Harness draftId={draft.id} />);
    fireEvent.click(screen.getByText('key'));
    await act(async () => {
      vi.advanceTimersByTime(autosaveDelayMs);
      await settle();
    });
    expect((await db.drafts.get(draft.id))?.values).toEqual({ caseNumber: '26FL000123' });
    expect(screen.getByRole('status').textContent).toBe('saved');
  });
});

describe('drafts list', () => {
  it('shows type, owner and age, and asks before discarding', async () => {
    const old = new Date(Date.now() - 3 * 3600_000).toISOString();
    const kept = await createDraft(db, 'CH-130', 'morgan', {}, old);
    const gone = await createDraft(db, 'DV-130', 'casey', {});
    render(<StartIntake owner="casey" />);
    const table = await screen.findByTestId('drafts');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent)),
    ).toEqual([
      ['DV-130', 'casey', '0 min ago'],
      ['CH-130', 'morgan', '3 h ago'],
    ]);
    const first = rows[0];
    if (!first) throw new Error('no row');
    fireEvent.click(within(first).getByRole('button', { name: 'Discard…' }));
    expect(within(first).getByRole('alert').textContent).toContain('Discard this draft');
    fireEvent.click(within(first).getByRole('button', { name: 'Keep' }));
    expect(within(first).queryByRole('alert')).toBeNull();
    expect(await db.drafts.get(gone.id)).toBeDefined();
    fireEvent.click(within(first).getByRole('button', { name: 'Discard…' }));
    fireEvent.click(within(first).getByRole('button', { name: 'Discard' }));
    await waitFor(async () => expect(await db.drafts.get(gone.id)).toBeUndefined());
    expect(await db.drafts.get(kept.id)).toBeDefined();
  });
});

describe('a cloned draft', () => {
  it('shows where its parties came from and lets the clerk say whether it replaces that order', () => {
    function Harness() {
      const [values, setValues] = useState<Record<string, FieldValue>>({
        clonedFrom: 'src-1',
        clonedFromLabel: 'DV-110 · case 26FL1',
        replaces: 'src-1',
      });
      return (
        <>
          <ReplacesChoice values={values} onChange={(k, v) => setValues({ ...values, [k]: v })} />
          <output data-testid="replaces">{String(values.replaces)}</output>
        </>
      );
    }
    render(<Harness />);
    const box = screen.getByRole('checkbox', { name: /This order replaces DV-110 · case 26FL1/ });
    expect(screen.getByText(/copied from DV-110 · case 26FL1/)).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    expect(screen.getByTestId('replaces').textContent).toBe('');
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(screen.getByTestId('replaces').textContent).toBe('src-1');
  });

  it('shows nothing for a draft that was not cloned', () => {
    render(<ReplacesChoice values={{ replaces: '' }} onChange={() => undefined} />);
    expect(screen.queryByTestId('replaces-choice')).toBeNull();
  });
});
