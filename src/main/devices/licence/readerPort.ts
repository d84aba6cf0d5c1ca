/**
 * The port every driver's-licence reader adapter implements (HID POS via node-hid, USB-serial
 * via serialport), so the licence service and its tests do not care how bytes arrive.
 */

/** How a reader is attached. Keyboard-wedge readers never reach main (they type into the page). */
export type ReaderKind = 'hid-pos' | 'serial';

/** A reader the clerk can choose, as listed by the service. */
export type LicenceReaderInfo = {
  /** Stable id: `hid:<device path>` or `serial:<port path>`. */
  readonly id: string;
  readonly kind: ReaderKind;
  readonly label: string;
  readonly path: string;
  readonly vendorId: number | null;
  readonly productId: number | null;
};

/** One complete scan as the reader delivered it (bytes exact; text is one char per byte). */
export type ScannedPayload = {
  readonly bytes: Uint8Array;
  readonly text: string;
  /** AIM symbology identifier, e.g. "]L2" for PDF417, when the reader reports one. */
  readonly symbology: string | null;
};

/** Why a reader could not deliver a scan. */
export type ReaderErrorCode =
  'open-failed' | 'incomplete-scan' | 'bad-report' | 'overflow' | 'device-error';

/** A reader problem with a message the clerk can act on. */
export class LicenceReaderError extends Error {
  readonly code: ReaderErrorCode;
  constructor(code: ReaderErrorCode, message: string) {
    super(message);
    this.name = 'LicenceReaderError';
    this.code = code;
  }
}

/** Where an open reader reports scans and problems. */
export type ReaderListener = {
  onPayload(payload: ScannedPayload): void;
  onError(error: LicenceReaderError): void;
};

/** A reader adapter: open starts delivering scans to the listener, close stops and releases. */
export interface LicenceReaderPort {
  readonly info: LicenceReaderInfo;
  open(listener: ReaderListener): Promise<void>;
  close(): Promise<void>;
}
