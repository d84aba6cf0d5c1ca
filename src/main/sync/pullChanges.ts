/**
 * Maps the registry's change feed to what crosses IPC: each order's current state (with the
 * order record, for the offline cache and conflict checks) and service records by reference.
 */
import type { RegistryClient } from '../../registry/client/registryClient';
import type { PulledChange } from '../../shared/ipc/contracts/sync';

type ChangeItem = Awaited<ReturnType<RegistryClient['pull']>>['changes'][number];

/** The feed's items as the renderer receives them; entities it does not know are skipped. */
export function toPulledChanges(items: readonly ChangeItem[]): PulledChange[] {
  const out: PulledChange[] = [];
  for (const item of items) {
    if (item.entity === 'order') {
      const o = item.order;
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
        order: o.order,
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
