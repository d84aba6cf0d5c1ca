/**
 * The status bar's "devices" indicator: how many scanners and printers this workstation has,
 * read from their settings files. Refreshed at start and after every change to either.
 */
import type { StatusService } from './statusService';

export type DeviceCounts = { readonly scanners: number; readonly printers: number };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The indicator for the given counts; nothing configured is said plainly, not hidden. */
export function devicesItem(counts: DeviceCounts) {
  if (counts.scanners === 0 && counts.printers === 0) {
    return { state: 'not-configured' as const, label: 'No devices configured' };
  }
  return {
    state: 'ok' as const,
    label: `${plural(counts.scanners, 'scanner')} · ${plural(counts.printers, 'printer')}`,
    detail: 'Configured on the Devices page',
  };
}

/** Reads the counts and updates the status bar; a settings file that cannot be read says so. */
export async function refreshDevicesStatus(
  status: StatusService,
  count: () => Promise<DeviceCounts>,
): Promise<void> {
  try {
    status.set('devices', devicesItem(await count()));
  } catch (error) {
    status.set('devices', {
      state: 'error',
      label: 'Device settings unreadable',
      detail: (error as Error).message,
    });
  }
}
