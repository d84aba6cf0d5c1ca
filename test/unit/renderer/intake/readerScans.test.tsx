// @vitest-environment happy-dom
/**
 * Scans from a HID POS or serial reader in main (`licence:payload-scanned`) fill the restrained
 * person in the open form, once per scan, and say what they filled or why they failed.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseAamva } from '../../../../src/shared/aamva';
import type { LicenceScan } from '../../../../src/shared/ipc/contracts/licence';
import type { FieldValue } from '../../../../src/renderer/features/intake/form/fieldTypes';
import { useLicenceWedge } from '../../../../src/renderer/features/intake/useLicenceWedge';
import { people, personPayload } from '../../../fixtures/aamva/generator';

let listeners: Array<(scan: LicenceScan) => void> = [];

beforeEach(() => {
  listeners = [];
  (window as unknown as { clerk: unknown }).clerk = {
    subscribe: (event: string, listener: (scan: LicenceScan) => void) => {
      if (event !== 'licence:payload-scanned') return () => undefined;
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
  };
});
afterEach(() => cleanup());

const fills: Array<Record<string, FieldValue>> = [];
function Form() {
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const state = useLicenceWedge((v) => {
    fills.push(v);
    setValues((old) => ({ ...old, ...v }));
  });
  return (
    <>
      <p data-testid="message">{state.message}</p>
      <p data-testid="last">{String(values['restrained.name.last'] ?? '')}</p>
    </>
  );
}

const scan = (
  scanId: string,
  outcome: LicenceScan['outcome'],
  at = new Date(Date.now() + 1000).toISOString(),
): LicenceScan => ({ scanId, readerId: 'hid:/dev/hidraw7', at, outcome });

describe('reader scans from main', () => {
  it('fill the restrained person once per scan made while the form is open', () => {
    fills.length = 0;
    const view = render(<Form />);
    expect(listeners).toHaveLength(1);
    const result = parseAamva(
      personPayload(people.illinois, { version: 10, iin: '636035', jurisdictionVersion: 1 }),
    );
    // The hub replays the last scan to a new subscriber: one made before this form opened.
    const replayed = scan('s0', { ok: true, result }, new Date(Date.now() - 60_000).toISOString());
    act(() => listeners.forEach((l) => l(replayed)));
    expect(fills).toHaveLength(0);
    const ok = scan('s1', { ok: true, result });
    act(() => listeners.forEach((l) => l(ok)));
    act(() => listeners.forEach((l) => l(ok)));
    expect(fills).toHaveLength(1);
    expect(screen.getByTestId('last').textContent).toBe(result.licence.familyName);
    expect(screen.getByTestId('message').textContent).toMatch(
      /^Filled from the driver's licence \(reader\): name, date of birth/,
    );
    act(() =>
      listeners.forEach((l) =>
        l(scan('s2', { ok: false, code: 'truncated', message: 'The data stops early.' })),
      ),
    );
    expect(screen.getByTestId('message').textContent).toBe(
      "The licence reader's scan could not be read: The data stops early.",
    );
    expect(fills).toHaveLength(1);
    view.unmount();
    expect(listeners).toHaveLength(0);
  });
});
