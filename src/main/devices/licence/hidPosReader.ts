/**
 * HID POS licence reader adapter: opens the device through an injectable opener (node-hid in
 * production, a replay of recorded reports in tests), reassembles multi-report scans, and
 * reports a scan whose last report never arrives as incomplete instead of waiting forever.
 */
import { aamvaTextFromBytes } from '../../../shared/aamva';
import { HidPosAssembler, honeywellHidPosLayout } from './hidPosReports';
import type { HidPosLayout } from './hidPosReports';
import { LicenceReaderError } from './readerPort';
import type { LicenceReaderInfo, LicenceReaderPort, ReaderListener } from './readerPort';

/** The part of node-hid's HID/HIDAsync object the adapter uses ('data' Buffers, 'error'). */
export type HidDeviceLike = {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): unknown;
  sendFeatureReport?(data: number[] | Buffer): unknown;
};

/** Opens a device by path (node-hid: `HIDAsync.open(path)`). */
export type HidOpener = (path: string) => Promise<HidDeviceLike>;

export type HidPosReaderOptions = {
  readonly open: HidOpener;
  readonly layout?: HidPosLayout;
  /** How long to wait for the next report of a scan before calling it incomplete. */
  readonly reportGapMs?: number;
  /** Feature report that switches the model into HID POS mode (Honeywell: [0xfe, 1]). */
  readonly enableReport?: readonly number[];
};

export class HidPosReader implements LicenceReaderPort {
  private device: HidDeviceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly assembler: HidPosAssembler;

  constructor(
    readonly info: LicenceReaderInfo,
    private readonly options: HidPosReaderOptions,
  ) {
    this.assembler = new HidPosAssembler(options.layout ?? honeywellHidPosLayout);
  }

  async open(listener: ReaderListener): Promise<void> {
    if (this.device) return;
    let device: HidDeviceLike;
    try {
      device = await this.options.open(this.info.path);
    } catch (error) {
      throw new LicenceReaderError(
        'open-failed',
        `The licence reader "${this.info.label}" could not be opened (${(error as Error).message}). Check it is plugged in and not in use by another program.`,
      );
    }
    this.device = device;
    if (this.options.enableReport) {
      try {
        await device.sendFeatureReport?.([...this.options.enableReport]);
      } catch {
        // Models that are already in HID POS mode may refuse the switch; scans still work.
      }
    }
    device.on('data', (data) => this.onReport(new Uint8Array(data), listener));
    device.on('error', (error) => {
      this.clearTimer();
      this.assembler.reset();
      listener.onError(
        new LicenceReaderError(
          'device-error',
          `The licence reader "${this.info.label}" stopped responding (${error.message}). Reconnect it and open it again.`,
        ),
      );
    });
  }

  private onReport(report: Uint8Array, listener: ReaderListener): void {
    this.clearTimer();
    let step;
    try {
      step = this.assembler.push(report);
    } catch (error) {
      listener.onError(error as LicenceReaderError);
      return;
    }
    if (step.kind === 'complete') {
      listener.onPayload({
        bytes: step.bytes,
        text: aamvaTextFromBytes(step.bytes),
        symbology: step.symbology,
      });
    } else if (step.kind === 'partial') {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.assembler.reset();
        listener.onError(
          new LicenceReaderError(
            'incomplete-scan',
            'The licence reader stopped in the middle of a scan. Scan the licence again.',
          ),
        );
      }, this.options.reportGapMs ?? 500);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.clearTimer();
    this.assembler.reset();
    const device = this.device;
    this.device = null;
    if (!device) return;
    device.removeAllListeners('data');
    device.removeAllListeners('error');
    await device.close();
  }
}
