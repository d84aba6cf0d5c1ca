/**
 * The scanner port: what every scanner adapter (SANE, eSCL, NAPS2) provides to the scanner
 * service. No `electron` here or in any adapter; the service and the page pipeline are the
 * same in both shells.
 *
 * An adapter delivers pages in scanner order as they complete (never a partial page), reports
 * progress, stops when the signal aborts, and ends by resolving (batch done) or by rejecting
 * with a ScanDeviceError from the one error set. Pages delivered before a failure stay
 * delivered: the service has already passed them on.
 */
import type { ColourMode } from '../../../shared/ipc/contracts/pages';
import type { ScanSettings, ScanSource } from '../../../shared/ipc/contracts/scanner';
import type { ScanErrorCode } from '../../../shared/scanning/errors';
import type { RawImage } from '../../pages/rawImage';

/** A device or request problem in the one error set, with the device's words for IT. */
export class ScanDeviceError extends Error {
  readonly code: ScanErrorCode;
  readonly detail: string | undefined;
  constructor(code: ScanErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ScanDeviceError';
    this.code = code;
    this.detail = detail;
  }
}

/** One complete page as the adapter received it. */
export type DeliveredPage =
  | {
      readonly kind: 'raw';
      readonly raw: RawImage;
      readonly dpi: number;
      readonly side: 'front' | 'back' | null;
    }
  | {
      readonly kind: 'encoded';
      readonly bytes: Uint8Array;
      readonly dpi: number;
      readonly side: 'front' | 'back' | null;
      /** What the device was asked for (a gray JPEG asked as bilevel is thresholded in main). */
      readonly colourMode: ColourMode;
    };

/** Progress of the page being scanned. */
export type ScanProgress = {
  readonly scanningPage: number | null;
  readonly pagePercent: number | null;
};

/** The callbacks an adapter reports to. `page` is called in scanner order. */
export type ScanSink = {
  page(page: DeliveredPage): void;
  progress(progress: ScanProgress): void;
};

export type ScanRequest = {
  readonly settings: ScanSettings;
  /** Aborting cancels the scan; no page is delivered after the abort. */
  readonly signal: AbortSignal;
  /** A private, empty folder the adapter may use for this job and must leave empty. */
  readonly workDir: string;
  /** Stop after this many pages (a test scan takes one); unlimited when absent. */
  readonly maxPages?: number;
};

/** What a device can do, in our terms. */
export type DeviceCapabilities = {
  readonly model?: string;
  readonly sources: readonly ScanSource[];
  readonly colourModes: readonly ColourMode[];
  readonly resolutions: readonly number[];
  readonly maxWidthMm?: number;
  readonly maxHeightMm?: number;
};

/** The interface every adapter implements. */
export interface ScannerPort {
  readonly kind: 'sane' | 'escl' | 'naps2';
  /** Asks the device what it offers (opens it; may take a second or two). */
  capabilities(): Promise<DeviceCapabilities>;
  /** Runs one batch; resolves when it ends normally, rejects with a ScanDeviceError. */
  scan(request: ScanRequest, sink: ScanSink): Promise<void>;
}

/** Turns anything thrown by an adapter into a ScanDeviceError (unknown errors → `failed`). */
export function toScanDeviceError(error: unknown): ScanDeviceError {
  if (error instanceof ScanDeviceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ScanDeviceError('failed', message);
}
