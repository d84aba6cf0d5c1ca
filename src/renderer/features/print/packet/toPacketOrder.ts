/**
 * Adapts a stored order and its page images to `PacketOrder`, the narrow shape the service-copy
 * builder accepts. Only the fields a service copy may show are copied, one by one: nothing
 * from the confidential CLETS-001 block (which is not in the order record anyway), no dates of
 * birth, licences or addresses. The packet schema is strict, so an extra field would be refused.
 */
import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import { deriveExpiry, orderSchema, orderTypeAt } from '../../../../shared/orders';
import type { Order } from '../../../../shared/orders';
import type { PacketOrderInput } from '../../../../shared/printing/packetOrder';
import { fullName } from '../format';

/** A page image as read from Dexie: bytes as an ArrayBuffer (never base64). */
export type StoredPage = {
  readonly mime: string;
  readonly bytes: ArrayBuffer;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
};

/** A clerk-readable reason an order cannot be printed; nothing was sent. */
export class PacketOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacketOrderError';
  }
}

const printableMimes = new Set(['image/jpeg', 'image/tiff']);

/** Court name with its branch when both fit the packet's 160 characters. */
function courtName(order: Order): string {
  const withBranch = order.court.branch ? `${order.court.name} — ${order.court.branch}` : '';
  return withBranch && withBranch.length <= 160 ? withBranch : order.court.name;
}

/** Validates the stored record as an order; a damaged record is refused with a clear message. */
export function parseStoredOrder(stored: unknown, caseNumber: string): Order {
  const parsed = orderSchema.safeParse(stored);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PacketOrderError(
      `The stored record of case ${caseNumber} is not a complete order (${first?.path.join('.') ?? ''}: ${first?.message ?? 'unreadable'}). Open it from Orders and correct it.`,
    );
  }
  return parsed.data;
}

/**
 * Builds the packet order; throws `PacketOrderError` when the order cannot be printed. The
 * expiry is worked out with `rules`, the court's closures and close of business, as on Review.
 */
export function toPacketOrder(
  order: Order,
  pages: readonly StoredPage[],
  rules?: CourtRules,
): PacketOrderInput {
  const expiry = deriveExpiry(order, rules);
  if (!expiry.ok) {
    throw new PacketOrderError(
      `Case ${order.caseNumber}: the expiration cannot be worked out (${expiry.message}).`,
    );
  }
  pages.forEach((p, i) => {
    if (!printableMimes.has(p.mime)) {
      throw new PacketOrderError(
        `Case ${order.caseNumber}: page ${i + 1} is stored as ${p.mime}, which cannot go on a service copy. Rescan the page.`,
      );
    }
  });
  const type = orderTypeAt(order.orderType, order.issuedAt);
  return {
    id: order.id,
    caseNumber: order.caseNumber,
    orderType: { code: order.orderType, name: type?.name ?? order.orderType },
    courtName: courtName(order),
    issuedAt: order.issuedAt,
    expiresAt: expiry.expiresAt ?? 'none',
    restrainedName: fullName(order.restrained.name),
    protectedNames: order.protected.map((p) => fullName(p.name)).slice(0, 20),
    judicialOfficer: order.judicialOfficer,
    pages: pages.map((p) => ({
      mime: p.mime as 'image/jpeg' | 'image/tiff',
      bytes: p.bytes,
      width: p.width,
      height: p.height,
      dpi: p.dpi,
    })),
  };
}
