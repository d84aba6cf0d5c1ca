/**
 * Handlers of the `scanner:*` channels (being built; see docs/scanning.md).
 */
import { ServiceError } from '../../../shared/ipc/envelope';
import type { Handlers } from '../../ipc/dispatcher';

type ScannerChannel = Extract<keyof Handlers, `scanner:${string}`>;

/** The `scanner:*` handlers. */
export function createScannerHandlers(): Pick<Handlers, ScannerChannel> {
  const notYet = () => {
    throw new ServiceError('unavailable', 'Scanning is being set up on this workstation.');
  };
  return {
    'scanner:list-scanners': notYet,
    'scanner:save-scanner': notYet,
    'scanner:delete-scanner': notYet,
    'scanner:save-defaults': notYet,
    'scanner:save-sane-setup': notYet,
    'scanner:get-capabilities': notYet,
    'scanner:discover-scanners': notYet,
    'scanner:test-scan': notYet,
    'scanner:start-batch': notYet,
    'scanner:cancel-batch': notYet,
    'scanner:get-batch': notYet,
  };
}
