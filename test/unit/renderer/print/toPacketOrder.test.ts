import { readFileSync } from 'node:fs';
import path from 'node:path';

import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import { loadPacketOrder } from '../../../../src/renderer/features/print/packet/loadPacketOrder';
import {
  PacketOrderError,
  parseStoredOrder,
  toPacketOrder,
} from '../../../../src/renderer/features/print/packet/toPacketOrder';
import { packetOrderSchema } from '../../../../src/shared/printing/packetOrder';

const fixture = (code: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../../fixtures/orders/${code}.valid.json`), 'utf8'),
  ) as Record<string, unknown> & { id: string; caseNumber: string };

const jpeg = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, 0xff, 0xd9]).buffer;

describe('toPacketOrder', () => {
  it('copies only what a service copy may show, and the packet schema accepts it', () => {
    const order = parseStoredOrder(fixture('DV-110'), 'x');
    const packet = toPacketOrder(order, [
      { mime: 'image/jpeg', bytes: jpeg(1), width: 850, height: 1100, dpi: 100 },
    ]);
    const parsed = packetOrderSchema.parse(packet);
    expect(parsed).toMatchObject({
      id: order.id,
      caseNumber: '26FL004512',
      orderType: { code: 'DV-110', name: 'Temporary Restraining Order (Domestic Violence)' },
      courtName:
        'Superior Court of California, County of Sacramento — William R. Ridgeway Family Relations Courthouse',
      issuedAt: '2026-11-02T15:42:00-08:00',
      restrainedName: 'Daniel James Parker',
      protectedNames: ['Melissa Ann Parker', 'Emma Rose Parker'],
      judicialOfficer: 'Hon. Teresa M. Okonkwo',
    });
    // The TRO ends at its hearing (derived), written with its offset.
    expect(parsed.expiresAt).toMatch(/^2026-11-20T/);
    expect(parsed.pages[0]?.bytes).toEqual(new Uint8Array(jpeg(1)));
    // Nothing confidential or identifying beyond the names rides along.
    const text = JSON.stringify(packet);
    for (const secret of ['1988-03-14', 'D4821937', 'Alder Creek', '8RTK527', 'Danny', 'Whitfield'])
      expect(text).not.toContain(secret);
  });

  it('says "none" for a lawful order with no expiration', () => {
    const packet = toPacketOrder(parseStoredOrder(fixture('DV-730'), 'x'), []);
    expect(packetOrderSchema.parse(packet).expiresAt).toBe('none');
    expect(packet.pages).toEqual([]);
  });

  it('refuses a page that is not JPEG or G4 TIFF, naming the page', () => {
    const order = parseStoredOrder(fixture('DV-110'), 'x');
    const pages = [
      { mime: 'image/jpeg', bytes: jpeg(1), width: 10, height: 10, dpi: 100 },
      { mime: 'image/png', bytes: jpeg(2), width: 10, height: 10, dpi: 100 },
    ];
    expect(() => toPacketOrder(order, pages)).toThrow(PacketOrderError);
    expect(() => toPacketOrder(order, pages)).toThrow(/page 2 is stored as image\/png/);
  });

  it('refuses a damaged record with the field that is wrong', () => {
    const broken = { ...fixture('DV-110'), caseNumber: 'lower case' };
    expect(() => parseStoredOrder(broken, '26FL004512')).toThrow(
      /case 26FL004512 is not a complete order \(caseNumber: /,
    );
  });
});

describe('loadPacketOrder', () => {
  const db = new ClerkDb('packet-order-load');
  const order = fixture('DV-130');
  const row: OrderRow = {
    id: order.id,
    orderType: 'DV-130',
    caseNumber: order.caseNumber,
    status: 'queued',
    updatedAt: '2026-12-02T17:00:00.000Z',
    courtroom: 'Dept 3',
    submittedAt: '2026-12-02T17:00:00.000Z',
    order,
  };
  beforeAll(async () => {
    await db.orders.put(row);
    // Stored out of order: the packet follows `position`.
    for (const position of [2, 0, 1]) {
      await db.pages.put({
        id: `p${position}`,
        ownerId: order.id,
        position,
        mime: 'image/jpeg',
        bytes: new Blob([jpeg(position)]),
        width: 850,
        height: 1100,
        dpi: 100,
        sha256: '',
      });
    }
    await db.pages.put({
      id: 'other',
      ownerId: 'someone-else',
      position: 0,
      mime: 'image/jpeg',
      bytes: new Blob([jpeg(9)]),
      width: 1,
      height: 1,
      dpi: 100,
      sha256: '',
    });
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('reads the pages in scan order as ArrayBuffers', async () => {
    const packet = await loadPacketOrder(db, row);
    expect(packet.pages).toHaveLength(3);
    for (const [i, p] of packet.pages.entries()) {
      expect(p.bytes).toBeInstanceOf(ArrayBuffer);
      expect(new Uint8Array(p.bytes as ArrayBuffer)[4]).toBe(i);
    }
  });

  it('refuses a row whose record belongs to another order', async () => {
    await expect(loadPacketOrder(db, { ...row, id: 'not-the-same' })).rejects.toThrow(/damaged/);
  });
});
