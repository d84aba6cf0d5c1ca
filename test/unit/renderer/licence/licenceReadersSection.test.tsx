// @vitest-environment happy-dom
/**
 * The Devices page's licence-reader section against a fake `window.clerk` that keeps main's
 * reader state: it lists the readers main reports, opens and closes one through the licence
 * channels (reading main's list again after each), shows a stopped reader's problem and a
 * refusal in the row, and summarises each reader's last scan without the person's details.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DevicesPage } from '../../../../src/renderer/features/devices/DevicesPage';
import { LicenceReadersSection } from '../../../../src/renderer/features/licence/devices/LicenceReadersSection';
import { parseAamva } from '../../../../src/shared/aamva';
import type {
  LicenceListedReader,
  LicenceScan,
} from '../../../../src/shared/ipc/contracts/licence';
import { people, personPayload } from '../../../fixtures/aamva/generator';

const hid: LicenceListedReader = {
  id: 'hid:/dev/hidraw3',
  kind: 'hid-pos',
  label: 'Honeywell Counter 2 reader',
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  open: false,
  problem: null,
};
const serial: LicenceListedReader = {
  id: 'serial:/dev/ttyUSB0',
  kind: 'serial',
  label: 'FTDI (/dev/ttyUSB0)',
  path: '/dev/ttyUSB0',
  vendorId: 0x0403,
  productId: 0x6001,
  open: false,
  problem: null,
};

type Fake = {
  readers: LicenceListedReader[];
  problems: string[];
  calls: { channel: string; input: unknown }[];
  refuseOpen: string | null;
  listeners: ((scan: LicenceScan) => void)[];
};
let fake: Fake;
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

beforeEach(() => {
  fake = { readers: [hid, serial], problems: [], calls: [], refuseOpen: null, listeners: [] };
  const setOpen = (id: string, open: boolean) => {
    fake.readers = fake.readers.map((r) => (r.id === id ? { ...r, open, problem: null } : r));
  };
  (window as unknown as { clerk: unknown }).clerk = {
    licence: {
      listReaders: (input: unknown) => {
        fake.calls.push({ channel: 'list-readers', input });
        return ok({ readers: fake.readers, problems: fake.problems });
      },
      openReader: (input: { readerId: string }) => {
        fake.calls.push({ channel: 'open-reader', input });
        if (fake.refuseOpen) {
          return Promise.resolve({
            ok: false as const,
            error: { code: 'unavailable', message: fake.refuseOpen },
          });
        }
        setOpen(input.readerId, true);
        return ok(fake.readers.find((r) => r.id === input.readerId));
      },
      closeReader: (input: { readerId: string }) => {
        fake.calls.push({ channel: 'close-reader', input });
        setOpen(input.readerId, false);
        return ok({ closed: true });
      },
    },
    subscribe: (event: string, listener: (scan: LicenceScan) => void) => {
      if (event !== 'licence:payload-scanned') return () => undefined;
      fake.listeners.push(listener);
      return () => {
        fake.listeners = fake.listeners.filter((l) => l !== listener);
      };
    },
  };
});
afterEach(cleanup);

const calls = (channel: string) => fake.calls.filter((c) => c.channel === channel);
const row = (r: LicenceListedReader) => screen.getByTestId(`licence-reader-row-${r.id}`);

async function renderSection() {
  render(<LicenceReadersSection />);
  await screen.findByTestId('licence-readers-table');
}

describe('licence readers on the Devices page', () => {
  it('is one of the Devices page sections', async () => {
    // The other sections only need an answer; their own tests cover them.
    const notHere = () =>
      Promise.resolve({ ok: false as const, error: { code: 'unavailable', message: 'n/a' } });
    const clerk = window.clerk as unknown as Record<string, unknown>;
    (window as unknown as { clerk: unknown }).clerk = new Proxy(clerk, {
      get: (target, domain: string) => target[domain] ?? new Proxy({}, { get: () => notHere }),
    });
    render(<DevicesPage headingRef={{ current: null }} />);
    expect(await screen.findByRole('heading', { name: 'Licence readers' })).toBeTruthy();
    await screen.findByTestId('licence-readers-table');
  });

  it('lists the readers main reports in a table with headers', async () => {
    fake.problems = ['HID POS readers cannot be listed: libusb-1.0.so.0: cannot open'];
    await renderSection();
    const table = screen.getByRole('table', {
      name: 'Licence readers attached to this workstation',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Reader', 'Connection', 'Device', 'State', 'Last scan', 'Actions']);
    expect(within(table).getByRole('rowheader', { name: hid.label })).toBeTruthy();
    expect(row(hid).textContent).toContain('USB (HID POS)');
    expect(row(hid).textContent).toContain('/dev/hidraw3');
    expect(row(serial).textContent).toContain('Serial port');
    expect(row(serial).textContent).toContain('Closed');
    expect(screen.getByRole('note').textContent).toContain('HID POS readers cannot be listed');
    expect(calls('list-readers')).toEqual([{ channel: 'list-readers', input: {} }]);
  });

  it('opens and closes a reader through main, keeping focus on its button', async () => {
    await renderSection();
    const button = within(row(hid)).getByRole('button', { name: `Open ${hid.label}` });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(row(hid).textContent).toContain('Open: scans fill'));
    expect(calls('open-reader')).toEqual([{ channel: 'open-reader', input: { readerId: hid.id } }]);
    // The state shown is main's: the list was read again after opening.
    expect(calls('list-readers')).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe(
      `${hid.label} is open. Its scans fill the restrained person in the open order form.`,
    );
    const close = within(row(hid)).getByRole('button', { name: `Close ${hid.label}` });
    expect(close).toBe(button);
    expect(document.activeElement).toBe(close);
    expect(row(serial).textContent).toContain('Closed');

    fireEvent.click(close);
    await waitFor(() => expect(row(hid).textContent).toContain('Closed'));
    expect(calls('close-reader')).toEqual([
      { channel: 'close-reader', input: { readerId: hid.id } },
    ]);
    expect(screen.getByRole('status').textContent).toBe(`${hid.label} is closed.`);
    expect(within(row(hid)).getByRole('button', { name: `Open ${hid.label}` })).toBe(button);
  });

  it("shows main's refusal in the reader's row and leaves it closed", async () => {
    fake.refuseOpen =
      'The licence reader on /dev/ttyUSB0 could not be opened (Permission denied). Check it is plugged in and no other program uses the port.';
    await renderSection();
    fireEvent.click(within(row(serial)).getByRole('button', { name: `Open ${serial.label}` }));
    await waitFor(() => expect(row(serial).textContent).toContain('Permission denied'));
    expect(row(serial).textContent).toContain('Closed');
    expect(calls('list-readers')).toHaveLength(1);
  });

  it('offers Open again and Close for a reader that stopped', async () => {
    fake.readers = [
      { ...hid, open: true, problem: 'The licence reader stopped responding. Reconnect it.' },
    ];
    await renderSection();
    expect(row(hid).textContent).toContain('Stopped');
    expect(row(hid).textContent).toContain('Reconnect it.');
    fireEvent.click(within(row(hid)).getByRole('button', { name: `Open again ${hid.label}` }));
    await waitFor(() => expect(row(hid).textContent).toContain('Open: scans fill'));
    expect(calls('open-reader')).toHaveLength(1);
    expect(row(hid).textContent).not.toContain('Reconnect it.');
  });

  it("summarises each reader's last scan without the person's details", async () => {
    await renderSection();
    const result = parseAamva(
      personPayload(
        { ...people.illinois, eyes: 'PUR' },
        { version: 10, iin: '636035', jurisdictionVersion: 1 },
      ),
    );
    const scan = (scanId: string, at: string, outcome: LicenceScan['outcome']): LicenceScan => ({
      scanId,
      readerId: hid.id,
      at,
      outcome,
    });
    act(() =>
      fake.listeners.forEach((l) => l(scan('s1', '2026-12-02T18:00:00Z', { ok: true, result }))),
    );
    const cell = within(row(hid)).getByText(/read: /);
    expect(cell.textContent).toMatch(/read: name, date of birth, sex/);
    expect(cell.textContent).toContain('(AAMVA version 10, issued in IL)');
    expect(cell.textContent).toContain('1 value would need a code chosen by hand.');
    for (const personal of ['TESTPERSON', 'JOHN', 'T12345678901', '1980', 'MAIN ST', 'PUR']) {
      expect(row(hid).textContent).not.toContain(personal);
    }
    // An older scan (a replay) does not replace the newer one; a newer failure does.
    act(() =>
      fake.listeners.forEach((l) =>
        l(scan('s0', '2026-12-02T17:00:00Z', { ok: false, code: 'x', message: 'Old.' })),
      ),
    );
    expect(row(hid).textContent).toContain('read: name');
    act(() =>
      fake.listeners.forEach((l) =>
        l(
          scan('s2', '2026-12-02T18:05:00Z', {
            ok: false,
            code: 'incomplete-scan',
            message: 'The licence reader stopped in the middle of a scan. Scan the licence again.',
          }),
        ),
      ),
    );
    expect(row(hid).textContent).toMatch(/could not be read: The licence reader stopped/);
    expect(row(serial).textContent).not.toContain('Scan at');
  });

  it('says when no reader is attached, and when the list cannot be read', async () => {
    fake.readers = [];
    render(<LicenceReadersSection />);
    expect(await screen.findByText(/No USB or serial licence readers are attached/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh list' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No licence readers found.'),
    );
    cleanup();
    (
      window as unknown as { clerk: { licence: { listReaders: unknown } } }
    ).clerk.licence.listReaders = () =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'forbidden', message: 'Sign in to use the devices.' },
      });
    render(<LicenceReadersSection />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The licence readers could not be listed: Sign in to use the devices.',
    );
  });
});
