// @vitest-environment happy-dom
/**
 * "Read licence barcode" in the intake pages panel, in the real order form over a real
 * (fake-indexeddb) ClerkDb: the shown page's stored bytes go to `licence:decode-image` as an
 * ArrayBuffer, the decoded licence fills the restrained person with the same notice a reader
 * scan gives, and a page without a barcode says so plainly. The decoder is main's; here a fake
 * `window.clerk` answers as main does.
 */
import 'fake-indexeddb/auto';

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { createDraft } from '../../../../src/renderer/db/draftsRepo';
import { addPageImage } from '../../../../src/renderer/db/pagesRepo';
import { entryFor } from '../../../../src/renderer/features/intake/currentEntries';
import { fieldDomId } from '../../../../src/renderer/features/intake/form/FormField';
import { OrderEntry } from '../../../../src/renderer/features/intake/OrderEntry';
import { parseAamva } from '../../../../src/shared/aamva';
import type { LicenceImageResult } from '../../../../src/shared/ipc/contracts/licence';
import { people, personPayload } from '../../../fixtures/aamva/generator';
import { fakeImage } from '../scanning/fakePages';

// IndexedDB (fake-indexeddb) clones Blobs with Node's structuredClone, so rows hold Node Blobs.
// Set before Dexie loads: Dexie notes the Blob class at load and copies unknown objects in its
// live-query cache, which would leave a Blob-shaped object that cannot be read.
vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Blob: NodeBlob } = require('node:buffer') as { Blob: unknown };
  globalThis.Blob = NodeBlob as typeof Blob;
});

let db: ClerkDb;
let n = 0;
const sent: unknown[] = [];
let answer: () => Promise<unknown>;
let release: () => void = () => undefined;

const payload = personPayload(
  { ...people.illinois, eyes: 'PUR' },
  { version: 10, iin: '636035', jurisdictionVersion: 1 },
);
const found: LicenceImageResult = { result: parseAamva(payload), rotationDegrees: 6, attempts: 5 };

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test/1';
  URL.revokeObjectURL = () => undefined;
});

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`read-licence-${n}`);
  await db.open();
  useDatabaseForTests(db);
  sent.length = 0;
  answer = () => Promise.resolve({ ok: true, value: found });
  const notHere = () =>
    Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not in this test' } });
  const api: Record<string, unknown> = {
    licence: {
      decodeImage: (input: { image: unknown }) => {
        sent.push(input.image);
        return answer();
      },
    },
    subscribe: () => () => undefined,
  };
  (window as unknown as { clerk: unknown }).clerk = new Proxy(api, {
    get: (target, domain: string) => target[domain] ?? new Proxy({}, { get: () => notHere }),
  });
});

afterEach(async () => {
  cleanup();
  release();
  db.close();
  await db.delete();
});

/** The DV-130 form for a new draft with two scanned pages, showing page 2. */
async function openForm() {
  const entry = entryFor('DV-130', '2026-12-02T10:00:00-08:00');
  if (!entry) throw new Error('DV-130 missing');
  const draft = await createDraft(db, 'DV-130', 'casey', {});
  await addPageImage(db, draft.id, fakeImage({ id: 'order-page', mime: 'image/jpeg' }));
  await addPageImage(db, draft.id, fakeImage({ id: 'licence-page', mime: 'image/jpeg' }));
  render(<OrderEntry draft={draft} entry={entry} />);
  const toolbar = await waitFor(() => {
    const t = document.querySelector<HTMLElement>('.pages-toolbar');
    if (!t) throw new Error('no pages yet');
    return t;
  });
  await within(toolbar).findByText('Page 1 of 2');
  fireEvent.click(within(toolbar).getByRole('button', { name: 'Next' }));
  await within(toolbar).findByText('Page 2 of 2');
  return screen.getByRole('button', { name: 'Read licence barcode' });
}

const field = (key: string) => document.getElementById(fieldDomId(key)) as HTMLInputElement;
const panelStatus = () =>
  screen.getByTestId('read-licence-barcode').parentElement?.querySelector('[role="status"]');

describe('Read licence barcode on a scanned page', () => {
  it("sends the shown page's bytes and fills the restrained person from the licence", async () => {
    const button = await openForm();
    expect(field('restrained.name.last').value).toBe('');
    fireEvent.click(button);
    await waitFor(() => expect(field('restrained.name.last').value).toBe('TESTPERSON'));
    // The stored bytes of page 2, as an ArrayBuffer (not base64, not page 1).
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(sent[0] as ArrayBuffer)).toBe('bytes:licence-page');
    expect(field('restrained.name.first').value).toBe('JOHN');
    expect(field('restrained.dob').value).not.toBe('');
    const notice = screen.getByTestId('licence-result');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toMatch(
      /^Filled from the licence barcode on page 2: name, date of birth, sex, /,
    );
    // The eye colour on the card has no NCIC code: the form says so, as for a reader scan.
    expect(notice.textContent).toMatch(/eyeColor: "PUR"/);
    expect(panelStatus()?.textContent).toBe('Read the licence barcode on page 2.');
  });

  it('shows progress on the button while main decodes, and keeps focus on it', async () => {
    answer = () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, value: found });
      });
    const button = await openForm();
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Reading barcode…'));
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(panelStatus()?.textContent).toBe('Reading the licence barcode on page 2…');
    // A second press while busy sends nothing more.
    fireEvent.click(button);
    expect(sent).toHaveLength(1);
    expect(document.activeElement).toBe(button);
    await act(async () => release());
    await waitFor(() => expect(button.textContent).toBe('Read licence barcode'));
    expect(button.getAttribute('aria-busy')).toBe('false');
    expect(field('restrained.name.last').value).toBe('TESTPERSON');
  });

  it('says plainly when the page has no licence barcode, and fills nothing', async () => {
    answer = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'not-found', message: 'No licence barcode was found in the image.' },
      });
    fireEvent.click(await openForm());
    await waitFor(() =>
      expect(panelStatus()?.textContent).toBe(
        'No licence barcode found on page 2. Scan the licence at 300 dpi or more, or type the details.',
      ),
    );
    expect(field('restrained.name.last').value).toBe('');
    expect(screen.queryByTestId('licence-result')).toBeNull();
  });

  it("passes on main's message when the barcode is there but not a licence", async () => {
    answer = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: "This is not a driver's licence barcode." },
      });
    fireEvent.click(await openForm());
    await waitFor(() =>
      expect(panelStatus()?.textContent).toBe(
        "The licence barcode on page 2 could not be read: This is not a driver's licence barcode.",
      ),
    );
    expect(field('restrained.name.last').value).toBe('');
  });
});
