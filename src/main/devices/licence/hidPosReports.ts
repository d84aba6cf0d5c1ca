/**
 * HID POS (usage page 0x8C, Bar Code Scanner) input-report decoding and reassembly.
 *
 * A scan longer than one report arrives as several reports; each carries a length byte, the
 * AIM symbology id, a slice of the data, and a "more follows" flag (devices.md §3.1 and
 * appendix C). Vendors place these bytes differently, so the positions are a layout that is
 * configured per reader model from recordings of that model.
 */
import { LicenceReaderError } from './readerPort';

/** Byte positions within one input report (as node-hid delivers it, report ID first). */
export type HidPosLayout = {
  /** Report ID of scanned-data reports; reports with another first byte are ignored. */
  readonly reportId: number;
  readonly lengthIndex: number;
  /** True when the length byte counts the 3 AIM bytes as well as the data. */
  readonly lengthIncludesAim: boolean;
  /** Index of the 3-byte AIM symbology id, or null if the model sends none. */
  readonly aimIndex: number | null;
  readonly dataIndex: number;
  /** Index of the byte that is non-zero while more reports of the same scan follow. */
  readonly moreIndex: number;
};

/** The layout seen in Honeywell's HID POS mode (64-byte reports, report ID 2). */
export const honeywellHidPosLayout: HidPosLayout = {
  reportId: 0x02,
  lengthIndex: 1,
  lengthIncludesAim: true,
  aimIndex: 2,
  dataIndex: 5,
  moreIndex: 63,
};

/** What one report did to the scan being assembled. */
export type AssembleStep =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'partial' }
  | { readonly kind: 'complete'; readonly bytes: Uint8Array; readonly symbology: string | null };

/** Collects the reports of one scan; reset after a complete scan or an error. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private symbology: string | null = null;

  constructor(
    private readonly layout: HidPosLayout = honeywellHidPosLayout,
    private readonly maxBytes = 8192,
  ) {}

  /** True while a scan has started but its last report has not arrived. */
  get inProgress(): boolean {
    return this.parts.length > 0;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.symbology = null;
  }

  /** Feeds one report; throws LicenceReaderError (and resets) for a malformed one. */
  push(report: Uint8Array): AssembleStep {
    const l = this.layout;
    if (report[0] !== l.reportId) return { kind: 'ignored' };
    const declared = report[l.lengthIndex];
    const n = declared === undefined ? -1 : declared - (l.lengthIncludesAim ? 3 : 0);
    const end = l.dataIndex + n;
    if (n < 0 || end > report.length || (end > l.moreIndex && l.moreIndex > l.dataIndex)) {
      this.reset();
      throw new LicenceReaderError(
        'bad-report',
        `The licence reader sent a report the workstation cannot read (length byte ${String(declared)}). Check the reader is set to HID POS mode, then scan again.`,
      );
    }
    if (this.parts.length === 0 && l.aimIndex !== null) {
      this.symbology = String.fromCharCode(...report.subarray(l.aimIndex, l.aimIndex + 3));
    }
    this.parts.push(report.slice(l.dataIndex, end));
    this.size += n;
    if (this.size > this.maxBytes) {
      this.reset();
      throw new LicenceReaderError(
        'overflow',
        'The licence reader sent far more data than a licence holds; the scan was discarded. Scan again.',
      );
    }
    if ((report[l.moreIndex] ?? 0) !== 0) return { kind: 'partial' };
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const symbology = this.symbology;
    this.reset();
    return { kind: 'complete', bytes, symbology };
  }
}

/**
 * Splits a payload into reports of `layout` (the inverse of the assembler). Tests use it to
 * build fixtures; a recorder tool can compare real reports against it.
 */
export function encodeHidPosReports(
  data: Uint8Array,
  layout: HidPosLayout = honeywellHidPosLayout,
  reportSize = 64,
  symbology = ']L2',
): Uint8Array[] {
  const perReport = Math.min(layout.moreIndex, reportSize) - layout.dataIndex;
  const reports: Uint8Array[] = [];
  for (let at = 0; at < data.length || reports.length === 0; at += perReport) {
    const slice = data.subarray(at, at + perReport);
    const r = new Uint8Array(reportSize);
    r[0] = layout.reportId;
    r[layout.lengthIndex] = slice.length + (layout.lengthIncludesAim ? 3 : 0);
    if (layout.aimIndex !== null) {
      for (let k = 0; k < 3; k++) r[layout.aimIndex + k] = symbology.charCodeAt(k);
    }
    r.set(slice, layout.dataIndex);
    r[layout.moreIndex] = at + perReport < data.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}
