/**
 * USB-serial (CDC / virtual COM) licence reader adapter over `serialport`. The port is opened
 * through an injectable opener so tests run against serialport's own MockBinding; framing is
 * SerialFramer's job, and the idle timer here flushes a scan that has no usable terminator.
 */
import { aamvaTextFromBytes } from '../../../shared/aamva';
import { LicenceReaderError } from './readerPort';
import type { LicenceReaderInfo, LicenceReaderPort, ReaderListener } from './readerPort';
import { SerialFramer, defaultSerialFraming } from './serialFramer';
import type { SerialFraming } from './serialFramer';

/** The part of a serialport stream the adapter uses. */
export type SerialPortLike = {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  removeAllListeners(event?: string): unknown;
  readonly isOpen: boolean;
  close(callback?: (error?: Error | null) => void): unknown;
};

/** Opens a port and resolves once it is open. */
export type SerialOpener = (path: string, baudRate: number) => Promise<SerialPortLike>;

export type SerialReaderOptions = {
  readonly open: SerialOpener;
  readonly baudRate?: number;
  readonly framing?: SerialFraming;
};

export class SerialLicenceReader implements LicenceReaderPort {
  private port: SerialPortLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly framer: SerialFramer;
  private readonly framing: SerialFraming;

  constructor(
    readonly info: LicenceReaderInfo,
    private readonly options: SerialReaderOptions,
  ) {
    this.framing = options.framing ?? defaultSerialFraming;
    this.framer = new SerialFramer(this.framing);
  }

  async open(listener: ReaderListener): Promise<void> {
    if (this.port) return;
    let port: SerialPortLike;
    try {
      port = await this.options.open(this.info.path, this.options.baudRate ?? 9600);
    } catch (error) {
      throw new LicenceReaderError(
        'open-failed',
        `The licence reader on ${this.info.path} could not be opened (${(error as Error).message}). Check it is plugged in and no other program uses the port.`,
      );
    }
    this.port = port;
    port.on('data', (data) => this.onChunk(new Uint8Array(data), listener));
    port.on('error', (error) =>
      listener.onError(
        new LicenceReaderError(
          'device-error',
          `The licence reader on ${this.info.path} reported an error (${error.message}). Reconnect it and open it again.`,
        ),
      ),
    );
  }

  private emit(bytes: Uint8Array, listener: ReaderListener): void {
    listener.onPayload({ bytes, text: aamvaTextFromBytes(bytes), symbology: null });
  }

  private onChunk(chunk: Uint8Array, listener: ReaderListener): void {
    this.clearTimer();
    const out = this.framer.push(chunk);
    for (const frame of out.frames) this.emit(frame, listener);
    if (out.overflowed) {
      listener.onError(
        new LicenceReaderError(
          'overflow',
          'The licence reader sent far more data than a licence holds; it was discarded. Scan again.',
        ),
      );
    }
    if (this.framer.pending > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        const frame = this.framer.flush();
        if (frame) this.emit(frame, listener);
      }, this.framing.idleMs);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.clearTimer();
    const port = this.port;
    this.port = null;
    if (!port) return;
    port.removeAllListeners('data');
    port.removeAllListeners('error');
    if (!port.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
