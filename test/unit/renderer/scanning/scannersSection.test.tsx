// @vitest-environment happy-dom
/**
 * The Devices page's Scanners section against a fake `window.clerk.scanner` (main's answers):
 * opening the page and test-scanning never searches for scanners — discovery runs only when
 * the clerk presses "Find SANE scanners"; a test scan shows main's result; the workstation's
 * scan defaults and "Make default" are saved through main.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ScannersSection } from '../../../../src/renderer/features/scanning/devices/ScannersSection';
import type { ScannerSetup, TestScanResult } from '../../../../src/shared/ipc/contracts/scanner';

const setup: ScannerSetup = {
  scanners: [
    { kind: 'sane', id: 'sane-1', name: 'Counter ADF', device: 'test:0', options: [] },
    { kind: 'escl', id: 'escl-1', name: 'Clerk MFP', url: 'http://127.0.0.1:9/eSCL' },
  ],
  defaults: {
    scannerId: 'sane-1',
    settings: { source: 'feeder', colourMode: 'bilevel', dpi: 300, paperSize: 'letter' },
  },
  sane: { backends: ['test'], netHosts: [] },
  saneConfigDir: '/data/scanning/sane',
};

const testScanResult: TestScanResult = {
  ok: true,
  meta: {
    id: 'p1',
    mime: 'image/jpeg',
    compression: 'jpeg',
    colourMode: 'gray',
    width: 1275,
    height: 1650,
    dpi: 150,
    bytes: 40_000,
    sha256: 'a'.repeat(64),
  },
  thumbnail: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
  elapsedMs: 1200,
};

const calls: { channel: string; input: unknown }[] = [];
const count = (channel: string) => calls.filter((c) => c.channel === channel).length;

function fakeScanner() {
  const answer = (channel: string, value: (input: unknown) => unknown) => (input: unknown) => {
    calls.push({ channel, input });
    return Promise.resolve({ ok: true, value: value(input) });
  };
  return {
    listScanners: answer('list', () => setup),
    discoverScanners: answer('discover', () => [
      { kind: 'sane', device: 'test:1', description: 'Noname frontend-tester virtual device' },
    ]),
    testScan: answer('test-scan', () => testScanResult),
    saveDefaults: answer('save-defaults', (input) => ({
      ...setup,
      defaults: input as ScannerSetup['defaults'],
    })),
    deleteScanner: answer('delete', () => setup),
    saveScanner: answer('save', () => setup),
    saveSaneSetup: answer('save-sane', () => setup),
  };
}

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test/1';
  URL.revokeObjectURL = () => undefined;
});

beforeEach(() => {
  calls.length = 0;
  (window as unknown as { clerk: unknown }).clerk = { scanner: fakeScanner() };
});

afterEach(cleanup);

async function renderSection() {
  render(<ScannersSection />);
  await screen.findByTestId('scanner-row-Counter ADF');
}

describe('Devices page → Scanners', () => {
  it('does not search for scanners on opening or on a test scan, only when asked', async () => {
    await renderSection();
    expect(count('list')).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Test scan on Counter ADF' }));
    const outcome = await screen.findByTestId('test-scan-Counter ADF');
    expect(outcome.textContent).toMatch(/Scanner works/);
    expect(outcome.textContent).toMatch(/150 dpi/);
    expect(calls.find((c) => c.channel === 'test-scan')?.input).toEqual({ id: 'sane-1' });
    expect(count('discover')).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Find SANE scanners' }));
    const found = await screen.findByTestId('sane-found');
    expect(found.textContent).toContain('test:1');
    expect(count('discover')).toBe(1);
    expect(calls.find((c) => c.channel === 'discover')?.input).toEqual({ kind: 'sane' });

    // "Add as scanner" prefills the form; it does not search again.
    fireEvent.click(within(found).getByRole('button', { name: 'Add test:1' }));
    await waitFor(() =>
      expect(screen.getByLabelText('SANE device name')).toHaveProperty('value', 'test:1'),
    );
    expect(count('discover')).toBe(1);
  });

  it('saves this workstation’s scan defaults and a new default scanner through main', async () => {
    await renderSection();
    const defaults = screen.getByRole('form', { name: 'Scan defaults for this workstation' });
    fireEvent.change(within(defaults).getByLabelText('Colour'), { target: { value: 'gray' } });
    fireEvent.change(within(defaults).getByLabelText('Resolution'), { target: { value: '200' } });
    fireEvent.click(within(defaults).getByRole('button', { name: 'Save defaults' }));
    await within(defaults).findByText('The scan defaults were saved.');
    expect(calls.find((c) => c.channel === 'save-defaults')?.input).toEqual({
      scannerId: 'sane-1',
      settings: { ...setup.defaults.settings, colourMode: 'gray', dpi: 200 },
    });

    expect(within(screen.getByTestId('scanner-row-Counter ADF')).getByText('Default')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make Clerk MFP the default' }));
    await screen.findByText('Clerk MFP is now the default scanner.');
    expect(calls.filter((c) => c.channel === 'save-defaults').at(-1)?.input).toMatchObject({
      scannerId: 'escl-1',
    });
    expect(within(screen.getByTestId('scanner-row-Clerk MFP')).getByText('Default')).toBeTruthy();
    expect(count('discover')).toBe(0);
  });
});
