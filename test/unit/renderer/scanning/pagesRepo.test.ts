import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import {
  addPageImage,
  deleteOwnerPages,
  deletePage,
  insertPage,
  listPages,
  listPendingScans,
  movePage,
  movePagesToOwner,
  pageRowFromImage,
  pendingOwnerId,
  reorderPages,
  replacePageImage,
} from '../../../../src/renderer/db/pagesRepo';

import { fakeImage } from './fakePages';

let db: ClerkDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`pages-repo-${n}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const ids = async (owner: string) => (await listPages(db, owner)).map((p) => p.id);
const positions = async (owner: string) => (await listPages(db, owner)).map((p) => p.position);

async function seed(owner: string, names: string[]): Promise<void> {
  for (const id of names) await addPageImage(db, owner, fakeImage({ id }));
}

describe('page rows', () => {
  it('keeps main’s bytes, thumbnail and preview as Blobs, byte for byte', async () => {
    const image = fakeImage({ id: 'p1' });
    await addPageImage(db, 'draft-1', image);
    const [row] = await listPages(db, 'draft-1');
    expect(row).toMatchObject({ id: 'p1', ownerId: 'draft-1', position: 0, mime: 'image/tiff' });
    expect(await row?.bytes.text()).toBe('bytes:p1');
    expect(row?.bytes.type).toBe('image/tiff');
    expect(await row?.thumbnail?.text()).toBe('thumb:p1');
    expect(row?.thumbnail?.type).toBe('image/jpeg');
    expect(await row?.preview?.text()).toBe('preview:p1');
    expect(row).toMatchObject({ width: 2550, height: 3300, dpi: 300, sha256: image.meta.sha256 });
  });

  it('copies only the view’s bytes when the page sits inside a larger frame buffer', async () => {
    const frame = new TextEncoder().encode('HEADERbytes:p9TRAILER');
    const image = { ...fakeImage({ id: 'p9' }), bytes: frame.subarray(6, 14) };
    const row = pageRowFromImage(image, 'd', 0);
    expect(await row.bytes.text()).toBe('bytes:p9');
  });
});

describe('positions', () => {
  it('appends in order and inserts at an index, shifting the later pages', async () => {
    await seed('d', ['a', 'b', 'c']);
    await addPageImage(db, 'd', fakeImage({ id: 'x' }), 1);
    expect(await ids('d')).toEqual(['a', 'x', 'b', 'c']);
    await addPageImage(db, 'd', fakeImage({ id: 'y' }), 99);
    expect(await ids('d')).toEqual(['a', 'x', 'b', 'c', 'y']);
    await addPageImage(db, 'd', fakeImage({ id: 'z' }), -5);
    expect(await ids('d')).toEqual(['z', 'a', 'x', 'b', 'c', 'y']);
    expect(await positions('d')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('ignores a page it already holds (a repeated event)', async () => {
    await seed('d', ['a', 'b']);
    const again = await insertPage(db, pageRowFromImage(fakeImage({ id: 'a' }), 'd', 0), 1);
    expect(again).toBe(0);
    expect(await ids('d')).toEqual(['a', 'b']);
  });

  it('moves a page and keeps positions dense', async () => {
    await seed('d', ['a', 'b', 'c', 'd']);
    await movePage(db, 'd', 'c', 0);
    expect(await ids('d')).toEqual(['c', 'a', 'b', 'd']);
    await movePage(db, 'd', 'c', 10);
    expect(await ids('d')).toEqual(['a', 'b', 'd', 'c']);
    expect(await positions('d')).toEqual([0, 1, 2, 3]);
    await expect(movePage(db, 'd', 'gone', 0)).rejects.toThrow(/no longer in this order/);
  });

  it('reorders to a full list of ids, and refuses a list that does not match', async () => {
    await seed('d', ['a', 'b', 'c']);
    await reorderPages(db, 'd', ['c', 'a', 'b']);
    expect(await ids('d')).toEqual(['c', 'a', 'b']);
    await expect(reorderPages(db, 'd', ['a', 'b'])).rejects.toThrow(/changed/);
    await expect(reorderPages(db, 'd', ['a', 'b', 'b'])).rejects.toThrow(/changed/);
    await expect(reorderPages(db, 'd', ['a', 'b', 'q'])).rejects.toThrow(/changed/);
    expect(await ids('d')).toEqual(['c', 'a', 'b']);
  });

  it('deletes a page, closes the gap, and says where it was', async () => {
    await seed('d', ['a', 'b', 'c']);
    const removed = await deletePage(db, 'd', 'b');
    expect(removed?.index).toBe(1);
    expect(removed?.row.id).toBe('b');
    expect(await ids('d')).toEqual(['a', 'c']);
    expect(await positions('d')).toEqual([0, 1]);
    expect(await deletePage(db, 'd', 'b')).toBeNull();
  });

  it('keeps owners apart', async () => {
    await seed('one', ['a', 'b']);
    await seed('two', ['c']);
    await movePage(db, 'one', 'b', 0);
    expect(await ids('one')).toEqual(['b', 'a']);
    expect(await ids('two')).toEqual(['c']);
  });

  it('matches a plain array under any sequence of inserts, moves and deletes', async () => {
    type Op =
      | { kind: 'insert'; at: number }
      | { kind: 'move'; from: number; to: number }
      | { kind: 'delete'; at: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: -1, max: 12 }) }),
      fc.record({
        kind: fc.constant('move' as const),
        from: fc.nat(12),
        to: fc.integer({ min: -1, max: 12 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(12) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops: Op[]) => {
        run += 1;
        const owner = `prop-${run}`;
        const model: string[] = [];
        let k = 0;
        for (const o of ops) {
          if (o.kind === 'insert') {
            const id = `${owner}-${(k += 1)}`;
            await addPageImage(db, owner, fakeImage({ id }), o.at);
            model.splice(Math.max(0, Math.min(o.at, model.length)), 0, id);
          } else if (o.kind === 'move' && model.length > 0) {
            const id = model[o.from % model.length] as string;
            await movePage(db, owner, id, o.to);
            model.splice(model.indexOf(id), 1);
            model.splice(Math.max(0, Math.min(o.to, model.length)), 0, id);
          } else if (o.kind === 'delete' && model.length > 0) {
            const id = model[o.at % model.length] as string;
            await deletePage(db, owner, id);
            model.splice(model.indexOf(id), 1);
          }
        }
        expect(await ids(owner)).toEqual(model);
        expect(await positions(owner)).toEqual(model.map((_, i) => i));
      }),
      { numRuns: 40 },
    );
  });
});

describe('rotation and owners', () => {
  it('replaces a page’s image in place, keeping its id, owner and position', async () => {
    await seed('d', ['a', 'b']);
    const rotated = fakeImage({ id: 'from-main', mime: 'image/jpeg' });
    await replacePageImage(db, 'b', rotated);
    const [, row] = await listPages(db, 'd');
    expect(row).toMatchObject({ id: 'b', ownerId: 'd', position: 1, mime: 'image/jpeg' });
    expect(await row?.bytes.text()).toBe('bytes:from-main');
    // A JPEG page shows itself: the old TIFF preview must not linger.
    expect(row?.preview).toBeUndefined();
    await expect(replacePageImage(db, 'nope', rotated)).rejects.toThrow(/no longer/);
  });

  it('moves a pending scan’s pages after a draft’s own, and lists pending scans', async () => {
    const pending = pendingOwnerId('abc');
    await seed(pending, ['s1', 's2']);
    await seed(pendingOwnerId('def'), ['t1']);
    await seed('draft', ['own']);
    expect((await listPendingScans(db)).sort((x, y) => x.scanId.localeCompare(y.scanId))).toEqual([
      { ownerId: 'scan:abc', scanId: 'abc', pages: 2 },
      { ownerId: 'scan:def', scanId: 'def', pages: 1 },
    ]);
    expect(await movePagesToOwner(db, pending, 'draft')).toBe(2);
    expect(await ids('draft')).toEqual(['own', 's1', 's2']);
    expect(await positions('draft')).toEqual([0, 1, 2]);
    expect(await ids(pending)).toEqual([]);
    expect(await deleteOwnerPages(db, pendingOwnerId('def'))).toBe(1);
    expect(await listPendingScans(db)).toEqual([]);
  });
});
