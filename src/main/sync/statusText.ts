/**
 * The status bar's registry indicator, derived from the sync status. Pure, so every wording is
 * tested: the clerk must be able to tell "offline, your work is safe here" from "refused, call
 * someone".
 */
import type { StatusItem } from '../../shared/ipc/contract';
import type { SyncStatus } from '../../shared/ipc/contracts/sync';

const clock = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleTimeString('en-US', {
        timeZone: 'America/Los_Angeles',
        hour: 'numeric',
        minute: '2-digit',
      })
    : 'never';

/** The `connectivity` item of the status bar for a sync status. */
export function connectivityItem(status: SyncStatus): StatusItem {
  switch (status.connectivity) {
    case 'not-configured':
      return { state: 'not-configured', label: 'Registry not configured', detail: status.detail };
    case 'not-enrolled':
      return { state: 'warning', label: 'Registry: not enrolled', detail: status.detail };
    case 'connecting':
      return { state: 'warning', label: 'Registry: connecting…', detail: status.detail };
    case 'online':
      return {
        state: 'ok',
        label: 'Online',
        detail: `Registry ${status.registryUrl ?? ''} answered at ${clock(status.lastContactAt)}.`,
      };
    case 'offline':
      return {
        state: 'error',
        label: 'Offline — orders wait in the outbox',
        detail: `${status.detail} Last contact: ${clock(status.lastContactAt)}.`,
      };
    case 'refused':
      return { state: 'error', label: 'Registry refused this workstation', detail: status.detail };
  }
}
