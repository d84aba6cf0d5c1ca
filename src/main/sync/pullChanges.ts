/**
 * Maps the registry's change feed to what crosses IPC: each order's current state (with the
 * order record as JSON text and the fields the offline cache indexes, so the renderer stores
 * it without serialising anything on its UI thread) and service records by reference.
 */
import type { RegistryClient } from '../../registry/client/registryClient';
import type { PulledChange, PulledReview } from '../../shared/ipc/contracts/sync';

type ChangeItem = Awaited<ReturnType<RegistryClient['pull']>>['changes'][number];
type ChangeItemOrder = Extract<ChangeItem, { entity: 'order' }>['order'];

type Named = { name?: { last?: unknown } } | null;

/** The surnames of an order's restrained and protected persons, whatever shape it has. */
export function partySurnames(order: unknown): string[] {
  const o = (order ?? {}) as { restrained?: Named; protected?: unknown };
  const people: Named[] = [
    o.restrained ?? null,
    ...(Array.isArray(o.protected) ? o.protected : []),
  ];
  return people
    .map((p) => p?.name?.last)
    .filter((l): l is string => typeof l === 'string' && l.trim() !== '');
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The review as the clerk sees it: who and what, never approval ids or user ids. */
function reviewOf(r: ChangeItemOrder['review'] | undefined): PulledReview | null {
  if (!r || r.state === 'none') return null;
  const by = r.by
    ? { username: r.by.username, ...(r.by.displayName ? { displayName: r.by.displayName } : {}) }
    : null;
  return { state: r.state, approvalKind: r.approvalKind, by, at: r.at, comment: r.comment };
}

/** The feed's items as the renderer receives them; entities it does not know are skipped. */
export function toPulledChanges(items: readonly ChangeItem[]): PulledChange[] {
  const out: PulledChange[] = [];
  for (const item of items) {
    if (item.entity === 'order') {
      const o = item.order;
      const record = (o.order ?? {}) as { orderType?: unknown; caseNumber?: unknown };
      out.push({
        kind: 'order',
        orderId: o.orderId,
        courtOri: o.courtOri,
        version: o.version,
        status: o.status,
        statusAt: o.statusAt,
        fcn: o.fcn,
        rejectCode: o.rejectCode,
        rejectReason: o.rejectReason,
        updatedAt: o.updatedAt,
        orderType: text(record.orderType),
        caseNumber: text(record.caseNumber),
        surnames: partySurnames(o.order),
        orderJson: JSON.stringify(o.order ?? null),
        review: reviewOf(o.review),
      });
    } else if (item.entity === 'service') {
      out.push({
        kind: 'service',
        recordId: item.service.recordId,
        orderId: item.service.orderId,
        createdAt: item.service.createdAt,
      });
    }
  }
  return out;
}
