// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';

import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { addPageImage, listPages } from '../../../../src/renderer/db/pagesRepo';
import { droppedPages } from '../../../../src/renderer/features/scanning/droppedPages';
import { PageStrip } from '../../../../src/renderer/features/scanning/PageStrip';
import { usePages } from '../../../../src/renderer/features/scanning/usePages';

import { fakeImage } from './fakePages';

const owner = 'draft-1';
let db: ClerkDb;
let n = 0;
const rotateCalls: { bytes: unknown; degrees: number; id: string | undefined }[] = [];

beforeAll(() => {
  // IndexedDB (fake-indexeddb) clones Blobs with Node's structuredClone, so rows must hold
  // Node Blobs, as Chromium's rows hold its own.
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  let urls = 0;
  URL.createObjectURL = () => `blob:test/${(urls += 1)}`;
  URL.revokeObjectURL = () => undefined;
});

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`page-strip-${n}`);
  await db.open();
  useDatabaseForTests(db);
  droppedPages.set({});
  rotateCalls.length = 0;
  (window as unknown as { clerk: unknown }).clerk = {
    pages: {
      rotatePage: (input: {
        page: { id?: string; bytes: unknown; mime: string };
        degrees: number;
      }) => {
        rotateCalls.push({ bytes: input.page.bytes, degrees: input.degrees, id: input.page.id });
        return Promise.resolve({
          ok: true,
          value: fakeImage({ id: input.page.id ?? 'x', mime: 'image/jpeg' }),
        });
      },
    },
  };
  for (const id of ['a', 'b', 'c']) await addPageImage(db, owner, fakeImage({ id }));
});

afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

function Harness() {
  const pages = usePages(owner) ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <PageStrip
      ownerId={owner}
      pages={pages}
      selectedId={selected ?? pages[0]?.id ?? null}
      onSelect={setSelected}
      onRescanAfter={vi.fn()}
    />
  );
}

const ids = async () => (await listPages(db, owner)).map((p) => p.id);
const thumb = (i: number) => screen.getByRole('button', { name: new RegExp(`^Page ${i} of`) });

describe('the page strip', () => {
  it('moves the focused page with Alt+arrows and keeps the focus on it', async () => {
    render(<Harness />);
    await waitFor(() => expect(thumb(3)).toBeTruthy());
    act(() => thumb(1).focus());
    fireEvent.keyDown(thumb(1), { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(await ids()).toEqual(['b', 'a', 'c']));
    await waitFor(() => expect(document.activeElement).toBe(thumb(2)));
    expect(thumb(2).getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(thumb(2), { key: 'ArrowRight', ctrlKey: true, shiftKey: true });
    await waitFor(async () => expect(await ids()).toEqual(['b', 'c', 'a']));
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('uses one tab stop; plain arrows choose another page', async () => {
    render(<Harness />);
    await waitFor(() => expect(thumb(3)).toBeTruthy());
    expect([1, 2, 3].map((i) => thumb(i).tabIndex)).toEqual([0, -1, -1]);
    fireEvent.keyDown(thumb(1), { key: 'End' });
    await waitFor(() => expect(thumb(3).tabIndex).toBe(0));
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });

  it('deletes with the Delete key and brings the page back with Undo', async () => {
    render(<Harness />);
    await waitFor(() => expect(thumb(3)).toBeTruthy());
    fireEvent.click(thumb(2));
    fireEvent.keyDown(thumb(2), { key: 'Delete' });
    await waitFor(async () => expect(await ids()).toEqual(['a', 'c']));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo delete' }));
    await waitFor(async () => expect(await ids()).toEqual(['a', 'b', 'c']));
  });

  it('rotates through main, sending the stored bytes as an ArrayBuffer', async () => {
    render(<Harness />);
    await waitFor(() => expect(thumb(3)).toBeTruthy());
    fireEvent.click(thumb(3));
    fireEvent.click(screen.getByRole('button', { name: 'Rotate right' }));
    await waitFor(() => expect(rotateCalls).toHaveLength(1));
    expect(rotateCalls[0]?.degrees).toBe(90);
    expect(rotateCalls[0]?.id).toBe('c');
    expect(rotateCalls[0]?.bytes).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(rotateCalls[0]?.bytes as ArrayBuffer)).toBe('bytes:c');
    await waitFor(async () => expect((await listPages(db, owner))[2]?.mime).toBe('image/jpeg'));
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });

  it('offers rescan-and-insert after the chosen page', async () => {
    const onRescan = vi.fn();
    function WithRescan() {
      const pages = usePages(owner) ?? [];
      return (
        <PageStrip
          ownerId={owner}
          pages={pages}
          selectedId={pages[1]?.id ?? null}
          onSelect={() => undefined}
          onRescanAfter={onRescan}
        />
      );
    }
    render(<WithRescan />);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan and insert after page 2' }));
    expect(onRescan).toHaveBeenCalledWith(2);
  });
});
