/**
 * Reads an order and its page images from Dexie and adapts them for printing. Page bytes are
 * read from their Blobs as ArrayBuffers, which cross IPC as raw binary.
 */
import type { ClerkDb } from '../../../db/clerkDb';
import type { OrderRow } from '../../../db/rows';
import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import type { PacketOrderInput } from '../../../../shared/printing/packetOrder';

import { PacketOrderError, parseStoredOrder, toPacketOrder } from './toPacketOrder';
import type { StoredPage } from './toPacketOrder';

/** The order's pages in scan order, bytes as ArrayBuffer. */
export async function loadPages(db: ClerkDb, orderId: string): Promise<StoredPage[]> {
  const rows = await db.pages.where('ownerId').equals(orderId).sortBy('position');
  return Promise.all(
    rows.map(async (r) => ({
      mime: r.mime,
      bytes: await r.bytes.arrayBuffer(),
      width: r.width,
      height: r.height,
      dpi: r.dpi,
    })),
  );
}

/**
 * The printable form of a stored order; throws `PacketOrderError` with the clerk's fix.
 * `rules`: the court's closures and close of business, for the printed expiry.
 */
export async function loadPacketOrder(
  db: ClerkDb,
  row: OrderRow,
  rules?: CourtRules,
): Promise<PacketOrderInput> {
  const order = parseStoredOrder(row.order, row.caseNumber);
  if (order.id !== row.id) {
    throw new PacketOrderError(`The stored record of case ${row.caseNumber} is damaged.`);
  }
  return toPacketOrder(order, await loadPages(db, row.id), rules);
}
