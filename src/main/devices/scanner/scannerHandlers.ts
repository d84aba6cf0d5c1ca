/**
 * Handlers of the `scanner:*` channels, over one ScannerService (docs/scanning.md lists the
 * channels and events). Device errors become ServiceErrors whose message is the clerk text of
 * the error catalogue plus the device's own words for IT.
 */
import type { ScannerFile } from './scannerStore';
import type { ScannerSetup } from '../../../shared/ipc/contracts/scanner';
import { ServiceError } from '../../../shared/ipc/envelope';
import type { IpcErrorCode } from '../../../shared/ipc/envelope';
import type { ScanErrorCode } from '../../../shared/scanning/errors';
import { scanErrorMessages } from '../../../shared/scanning/errors';
import type { Handlers } from '../../ipc/dispatcher';

import { Naps2Scanner } from './naps2/naps2Scanner';
import { ScanDeviceError } from './port';
import { discoverSaneDevices, writeSaneConfigDir } from './sane/saneConfig';
import { ScannerService } from './scannerService';
import type { ScannerServiceOptions } from './scannerService';

type ScannerChannel = Extract<keyof Handlers, `scanner:${string}`>;

const ipcCodes: Readonly<Record<ScanErrorCode, IpcErrorCode>> = {
  'feeder-empty': 'unavailable',
  'paper-jam': 'unavailable',
  'cover-open': 'unavailable',
  busy: 'conflict',
  offline: 'unavailable',
  communication: 'unavailable',
  cancelled: 'failed',
  'access-denied': 'forbidden',
  'unsupported-setting': 'invalid-input',
  failed: 'failed',
};

/** Runs `work`, turning device errors into clerk-readable ServiceErrors. */
async function device<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ScanDeviceError)) throw error;
    const detail = error.detail ? ` (${error.detail})` : '';
    throw new ServiceError(ipcCodes[error.code], `${scanErrorMessages[error.code]}${detail}`);
  }
}

/** Creates the service the handlers use; `close()` goes into the workstation's close. */
export function createScannerService(options: ScannerServiceOptions): ScannerService {
  return new ScannerService(options);
}

/** The `scanner:*` handlers. */
export function createScannerHandlers(service: ScannerService): Pick<Handlers, ScannerChannel> {
  const view = (file: ScannerFile): ScannerSetup => ({
    scanners: file.scanners,
    defaults: file.defaults,
    sane: file.sane,
    saneConfigDir: service.store.saneConfigDir,
  });
  const changed = (file: ScannerFile) => {
    service.invalidate();
    return view(file);
  };
  return {
    'scanner:list-scanners': async () => view(await service.store.read()),
    'scanner:save-scanner': async (input) => changed(await service.store.save(input)),
    'scanner:delete-scanner': async ({ id }) => changed(await service.store.remove(id)),
    'scanner:save-defaults': async (input) => view(await service.store.saveDefaults(input)),
    'scanner:save-sane-setup': async (sane) => {
      const file = await service.store.saveSane(sane);
      await device(() => writeSaneConfigDir(service.store.saneConfigDir, sane));
      return changed(file);
    },
    'scanner:get-capabilities': ({ id }) =>
      device(async () => {
        const caps = await (await service.adapterFor(id)).capabilities();
        return {
          ...caps,
          scannerId: id,
          sources: [...caps.sources],
          colourModes: [...caps.colourModes],
          resolutions: [...caps.resolutions],
        };
      }),
    'scanner:discover-scanners': ({ kind, naps2 }) =>
      device(async () => {
        if (kind === 'sane') return discoverSaneDevices(await service.ensureSaneConfig());
        if (!naps2) {
          throw new ServiceError(
            'invalid-input',
            'Give the NAPS2.Console path and driver to list its devices.',
          );
        }
        const names = await new Naps2Scanner(naps2).listDevices();
        return names.map((name) => ({ kind: 'naps2' as const, device: name, description: name }));
      }),
    'scanner:test-scan': ({ id, settings }) => device(() => service.testScan(id, settings)),
    'scanner:start-batch': (input) => device(() => service.startBatch(input)),
    'scanner:cancel-batch': ({ jobId }) => service.cancelBatch(jobId),
    'scanner:get-batch': ({ jobId }) => service.getBatch(jobId),
  };
}
