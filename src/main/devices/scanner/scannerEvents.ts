/**
 * The scanner service's side of the `scanner:*` events: their names, the publish function the
 * workstation passes in (EventHub.publish), and the clerk-facing form of a device error.
 */
import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { ScanError } from '../../../shared/ipc/contracts/scanner';
import { scanErrorMessages } from '../../../shared/scanning/errors';

import type { ScanDeviceError } from './port';

/** The events the scanner service publishes. */
export type ScannerEvent = Extract<EventName, `scanner:${string}`>;

/** Publishes one event (the workstation passes the EventHub's publish). */
export type ScannerPublish = <E extends ScannerEvent>(event: E, payload: EventPayload<E>) => void;

/** Turns a ScanDeviceError into the clerk-facing error of the contract. */
export function clerkError(error: ScanDeviceError): ScanError {
  return {
    code: error.code,
    message: scanErrorMessages[error.code],
    ...(error.detail ? { detail: error.detail } : {}),
  };
}
