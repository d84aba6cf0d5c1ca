/**
 * The licence service: lists and opens readers, parses what they scan and publishes each scan
 * as `licence:payload-scanned`, parses wedge payloads the renderer sends, and decodes PDF417
 * from scanned images. Device access is injected so tests replay recordings.
 */
import { randomUUID } from 'node:crypto';

import { parseAamva } from '../../../shared/aamva';
import type { AamvaParseResult, AamvaError } from '../../../shared/aamva';
import { ServiceError } from '../../../shared/ipc/envelope';
import type {
  LicenceImageResult,
  LicenceReaderList,
  LicenceScan,
} from '../../../shared/ipc/contracts/licence';
import type { ImageDecodeResult } from './imageDecoder';
import { LicenceReaderError } from './readerPort';
import type { LicenceReaderInfo, LicenceReaderPort } from './readerPort';

export type LicenceServiceDeps = {
  readonly listHid: () => Promise<LicenceReaderInfo[]>;
  readonly listSerial: () => Promise<LicenceReaderInfo[]>;
  readonly createReader: (info: LicenceReaderInfo) => LicenceReaderPort;
  readonly decodeImage: (image: Uint8Array) => Promise<ImageDecodeResult | null>;
  readonly publish: (scan: LicenceScan) => void;
  readonly now?: () => Date;
  readonly newId?: () => string;
};

function aamvaFailure(error: AamvaError): ServiceError {
  return new ServiceError('invalid-input', error.message, [
    { path: 'payload', message: error.message },
  ]);
}

export class LicenceService {
  private readonly known = new Map<string, LicenceReaderInfo>();
  private readonly open = new Map<string, LicenceReaderPort>();
  /** Open readers that stopped delivering scans (device error), with the clerk message. */
  private readonly stopped = new Map<string, string>();

  constructor(private readonly deps: LicenceServiceDeps) {}

  /** Readers attached now. A kind that cannot be listed is a problem line, not a failure. */
  async listReaders(): Promise<LicenceReaderList> {
    const problems: string[] = [];
    const readers: LicenceReaderInfo[] = [];
    const kinds: Array<[string, () => Promise<LicenceReaderInfo[]>]> = [
      ['HID POS', this.deps.listHid],
      ['serial', this.deps.listSerial],
    ];
    for (const [what, list] of kinds) {
      try {
        readers.push(...(await list()));
      } catch (error) {
        problems.push(`${what} readers cannot be listed: ${(error as Error).message}`);
      }
    }
    this.known.clear();
    for (const r of readers) this.known.set(r.id, r);
    for (const [id, reader] of this.open) this.known.set(id, reader.info);
    const listed = [...this.known.values()].map((r) => ({
      ...r,
      open: this.open.has(r.id),
      problem: this.stopped.get(r.id) ?? null,
    }));
    return { readers: listed, problems };
  }

  /** Opens a listed reader; its scans arrive as `licence:payload-scanned` events. */
  async openReader(readerId: string): Promise<LicenceReaderInfo> {
    const already = this.open.get(readerId);
    if (already && !this.stopped.has(readerId)) return already.info;
    if (already) {
      // The reader stopped (unplugged, device error): "open it again" really reopens it.
      this.open.delete(readerId);
      this.stopped.delete(readerId);
      await already.close().catch(() => undefined);
    }
    if (!this.known.has(readerId)) await this.listReaders();
    const info = this.known.get(readerId);
    if (!info) {
      throw new ServiceError(
        'not-found',
        `No licence reader "${readerId}" is attached. Plug it in, then choose it from the list again.`,
      );
    }
    const reader = this.deps.createReader(info);
    try {
      await reader.open({
        onPayload: (p) => {
          this.stopped.delete(readerId);
          this.publishScan(readerId, p.text, null);
        },
        onError: (e) => {
          if (e.code === 'device-error') this.stopped.set(readerId, e.message);
          this.publishScan(readerId, null, e);
        },
      });
    } catch (error) {
      const message =
        error instanceof LicenceReaderError ? error.message : `The reader could not be opened.`;
      throw new ServiceError('unavailable', message);
    }
    this.open.set(readerId, reader);
    return info;
  }

  async closeReader(readerId: string): Promise<{ closed: boolean }> {
    const reader = this.open.get(readerId);
    this.stopped.delete(readerId);
    if (!reader) return { closed: false };
    this.open.delete(readerId);
    await reader.close();
    return { closed: true };
  }

  /** Publishes one scan: the parsed licence, or the parse/reader error in clerk words. */
  private publishScan(readerId: string, text: string | null, error: LicenceReaderError | null) {
    const base = {
      scanId: this.deps.newId?.() ?? randomUUID(),
      readerId,
      at: (this.deps.now?.() ?? new Date()).toISOString(),
    };
    let failure: AamvaError | LicenceReaderError | null = error;
    if (text !== null) {
      try {
        this.deps.publish({ ...base, outcome: { ok: true, result: parseAamva(text) } });
        return;
      } catch (e) {
        failure = e as AamvaError;
      }
    }
    if (failure) {
      this.deps.publish({
        ...base,
        outcome: { ok: false, code: failure.code, message: failure.message },
      });
    }
  }

  /** Parses a payload captured in the renderer (keyboard wedge, pasted text). */
  parsePayload(payload: string): AamvaParseResult {
    try {
      return parseAamva(payload);
    } catch (error) {
      throw aamvaFailure(error as AamvaError);
    }
  }

  /** Finds and parses the licence barcode in a scanned image. */
  async decodeImage(image: Uint8Array): Promise<LicenceImageResult> {
    let found: ImageDecodeResult | null;
    try {
      found = await this.deps.decodeImage(image);
    } catch {
      throw new ServiceError(
        'invalid-input',
        'The file is not an image the workstation can read. Use a PNG, JPEG or TIFF scan of the back of the licence.',
      );
    }
    if (!found) {
      throw new ServiceError(
        'not-found',
        'No licence barcode was found in the image. Scan the back of the licence at 300 dpi or more, with the whole barcode on the page, or type the details from the card.',
      );
    }
    try {
      const result = parseAamva(found.text);
      return { result, rotationDegrees: found.rotationDegrees, attempts: found.attempts };
    } catch (error) {
      throw aamvaFailure(error as AamvaError);
    }
  }

  /** Closes every open reader (workstation shutdown). */
  async close(): Promise<void> {
    const readers = [...this.open.values()];
    this.open.clear();
    this.stopped.clear();
    await Promise.allSettled(readers.map((r) => r.close()));
  }
}
