import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  HidPosAssembler,
  encodeHidPosReports,
  honeywellHidPosLayout,
} from '../../../../src/main/devices/licence/hidPosReports';
import { HidPosReader } from '../../../../src/main/devices/licence/hidPosReader';
import type {
  LicenceReaderError,
  ScannedPayload,
} from '../../../../src/main/devices/licence/readerPort';
import { parseAamva } from '../../../../src/shared/aamva';
import { people, personPayload } from '../../../fixtures/aamva/generator';
import { ReplayHid, loadRecording } from '../../../fixtures/aamva/replay';

const info = {
  id: 'hid:/dev/hidraw7',
  kind: 'hid-pos' as const,
  label: 'Test reader',
  path: '/dev/hidraw7',
  vendorId: 0x0c2e,
  productId: 0x0b61,
};

function setup(recording: string, enableReport?: number[]) {
  const device = new ReplayHid(loadRecording(recording).steps);
  const opened: string[] = [];
  const reader = new HidPosReader(info, {
    open: async (path) => {
      opened.push(path);
      return device;
    },
    reportGapMs: 200,
    ...(enableReport ? { enableReport } : {}),
  });
  const payloads: ScannedPayload[] = [];
  const errors: LicenceReaderError[] = [];
  return {
    device,
    reader,
    opened,
    payloads,
    errors,
    listener: {
      onPayload: (p: ScannedPayload) => payloads.push(p),
      onError: (e: LicenceReaderError) => errors.push(e),
    },
  };
}

describe('HID POS reader replaying recorded reports', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reassembles a multi-report scan into the exact payload', async () => {
    const s = setup('hid-pos-v10', [0xfe, 1]);
    await s.reader.open(s.listener);
    expect(s.opened).toEqual(['/dev/hidraw7']);
    expect(s.device.featureReports).toEqual([[0xfe, 1]]);
    const done = s.device.replay();
    await vi.runAllTimersAsync();
    await done;
    expect(s.errors).toEqual([]);
    expect(s.payloads).toHaveLength(1);
    const expected = personPayload(people.illinois, {
      version: 10,
      iin: '636035',
      jurisdictionVersion: 1,
    });
    expect(s.payloads[0]?.text).toBe(expected);
    expect(s.payloads[0]?.symbology).toBe(']L2');
    expect(parseAamva(s.payloads[0]?.text ?? '').licence.familyName).toBe('TESTPERSON');
  });

  it('ignores non-scan reports and delivers consecutive scans separately', async () => {
    const s = setup('hid-pos-two-scans-with-status');
    await s.reader.open(s.listener);
    const done = s.device.replay();
    await vi.runAllTimersAsync();
    await done;
    expect(s.errors).toEqual([]);
    expect(s.payloads.map((p) => parseAamva(p.text).licence.jurisdiction)).toEqual(['IL', 'ON']);
  });

  it('reports a scan whose last report never arrives as incomplete', async () => {
    const s = setup('hid-pos-cut-off');
    await s.reader.open(s.listener);
    const done = s.device.replay();
    await vi.runAllTimersAsync();
    await done;
    expect(s.payloads).toEqual([]);
    expect(s.errors.map((e) => e.code)).toEqual(['incomplete-scan']);
    expect(s.errors[0]?.message).toMatch(/Scan the licence again/);
  });

  it('stops delivering after close and closes the device', async () => {
    const s = setup('hid-pos-v10');
    await s.reader.open(s.listener);
    void s.device.replay();
    await vi.advanceTimersByTimeAsync(6);
    await s.reader.close();
    await vi.runAllTimersAsync();
    expect(s.device.closed).toBe(true);
    expect(s.payloads).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('turns a device error and an open failure into reader errors', async () => {
    const s = setup('hid-pos-v10');
    await s.reader.open(s.listener);
    s.device.emit('error', new Error('could not read from HID device'));
    expect(s.errors.map((e) => e.code)).toEqual(['device-error']);
    const broken = new HidPosReader(info, {
      open: async () => {
        throw new Error('cannot open device with path /dev/hidraw7');
      },
    });
    await expect(broken.open(s.listener)).rejects.toMatchObject({ code: 'open-failed' });
  });
});

describe('HID POS report assembly', () => {
  it('round-trips any payload through encode → assemble', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const a = new HidPosAssembler();
    const reports = encodeHidPosReports(data);
    expect(reports).toHaveLength(Math.ceil(300 / 58));
    const steps = reports.map((r) => a.push(r));
    expect(steps.slice(0, -1).every((s) => s.kind === 'partial')).toBe(true);
    const last = steps[steps.length - 1];
    expect(last?.kind === 'complete' && [...last.bytes]).toEqual([...data]);
    expect(a.inProgress).toBe(false);
  });

  it('rejects a report whose length byte runs past the data area', () => {
    const a = new HidPosAssembler();
    const r = new Uint8Array(64);
    r[0] = honeywellHidPosLayout.reportId;
    r[1] = 70;
    expect(() => a.push(r)).toThrow(/HID POS mode/);
  });

  it('discards a stream longer than a licence can be', () => {
    const a = new HidPosAssembler(honeywellHidPosLayout, 100);
    const reports = encodeHidPosReports(new Uint8Array(200).fill(0x41));
    expect(() => reports.forEach((r) => a.push(r))).toThrow(/far more data/);
    expect(a.inProgress).toBe(false);
  });
});
