import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { HidPosReader } from '../../../../src/main/devices/licence/hidPosReader';
import { LicenceService } from '../../../../src/main/devices/licence/licenceService';
import type { LicenceReaderInfo } from '../../../../src/main/devices/licence/readerPort';
import { EventHub } from '../../../../src/main/ipc/eventHub';
import { createWorkstation } from '../../../../src/main/workstation';
import { signInAs } from '../../../helpers/auth';
import type { LicenceScan } from '../../../../src/shared/ipc/contracts/licence';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import { people, personPayload } from '../../../fixtures/aamva/generator';
import { ReplayHid, loadRecording } from '../../../fixtures/aamva/replay';

const hidInfo: LicenceReaderInfo = {
  id: 'hid:/dev/hidraw3',
  kind: 'hid-pos',
  label: 'Counter 2 reader',
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
};
const us = personPayload(people.illinois, { version: 10 });

/** A service over a replayed HID device, publishing through a real (validating) EventHub. */
function setup(recording: string, options: { failHidList?: boolean } = {}) {
  const device = new ReplayHid(loadRecording(recording).steps);
  const hub = new EventHub();
  const scans: LicenceScan[] = [];
  hub.connect((event, payload) => {
    if (event === 'licence:payload-scanned') scans.push(payload as LicenceScan);
  });
  let n = 0;
  let created = 0;
  const service = new LicenceService({
    listHid: async () => {
      if (options.failHidList) throw new Error('libusb-1.0.so.0: cannot open shared object file');
      return [hidInfo];
    },
    listSerial: async () => [],
    createReader: (info) => {
      created++;
      return new HidPosReader(info, { open: async () => device, reportGapMs: 100 });
    },
    decodeImage: async (image) =>
      image[0] === 0x89 ? { text: us, bytes: image, rotationDegrees: -3, attempts: 3 } : null,
    publish: (scan) => hub.publish('licence:payload-scanned', scan),
    now: () => new Date('2026-11-25T18:00:00Z'),
    newId: () => `scan-${++n}`,
  });
  return { device, service, scans, created: () => created };
}

describe('LicenceService', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lists readers and reports a kind that cannot be listed as a problem', async () => {
    expect((await setup('hid-pos-v10').service.listReaders()).readers).toEqual([
      { ...hidInfo, open: false, problem: null },
    ]);
    const broken = await setup('hid-pos-v10', { failHidList: true }).service.listReaders();
    expect(broken.readers).toEqual([]);
    expect(broken.problems[0]).toMatch(/^HID POS readers cannot be listed: libusb/);
  });

  it('publishes each scan of an opened reader as a parsed licence', async () => {
    const s = setup('hid-pos-two-scans-with-status');
    expect(await s.service.openReader(hidInfo.id)).toEqual(hidInfo);
    const done = s.device.replay();
    await vi.runAllTimersAsync();
    await done;
    expect(s.scans.map((x) => [x.scanId, x.readerId, x.at])).toEqual([
      ['scan-1', hidInfo.id, '2026-11-25T18:00:00.000Z'],
      ['scan-2', hidInfo.id, '2026-11-25T18:00:00.000Z'],
    ]);
    const first = s.scans[0]?.outcome;
    expect(first?.ok && first.result.licence.familyName).toBe('TESTPERSON');
    const second = s.scans[1]?.outcome;
    expect(second?.ok && second.result.licence.postalCode).toBe('M5H 2N2');
    expect(await s.service.closeReader(hidInfo.id)).toEqual({ closed: true });
    expect(s.device.closed).toBe(true);
    expect(await s.service.closeReader(hidInfo.id)).toEqual({ closed: false });
  });

  it('lists each reader open or closed, with why an open one stopped, and reopens it', async () => {
    const s = setup('hid-pos-v10');
    await s.service.openReader(hidInfo.id);
    expect((await s.service.listReaders()).readers).toEqual([
      { ...hidInfo, open: true, problem: null },
    ]);
    // Opening an open, working reader again keeps the one already open.
    await s.service.openReader(hidInfo.id);
    expect(s.created()).toBe(1);
    s.device.emit('error', new Error('could not read from HID device'));
    const [stopped] = (await s.service.listReaders()).readers;
    expect(stopped).toMatchObject({ open: true });
    expect(stopped?.problem).toMatch(/stopped responding .*Reconnect it and open it again/);
    expect(s.scans.at(-1)?.outcome).toMatchObject({ ok: false, code: 'device-error' });
    // "Open it again" really reopens a stopped reader, and clears the problem.
    await s.service.openReader(hidInfo.id);
    expect(s.created()).toBe(2);
    expect((await s.service.listReaders()).readers).toEqual([
      { ...hidInfo, open: true, problem: null },
    ]);
    await s.service.closeReader(hidInfo.id);
    expect((await s.service.listReaders()).readers).toEqual([
      { ...hidInfo, open: false, problem: null },
    ]);
  });

  it('publishes an incomplete scan as a failed outcome with a clerk message', async () => {
    const s = setup('hid-pos-cut-off');
    await s.service.openReader(hidInfo.id);
    const done = s.device.replay();
    await vi.runAllTimersAsync();
    await done;
    expect(s.scans.map((x) => x.outcome)).toEqual([
      {
        ok: false,
        code: 'incomplete-scan',
        message: expect.stringMatching(/Scan the licence again/),
      },
    ]);
  });

  it('refuses to open a reader that is not attached', async () => {
    const s = setup('hid-pos-v10');
    await expect(s.service.openReader('hid:/dev/nothing')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('parses wedge payloads and answers bad ones with the parser message', () => {
    const s = setup('hid-pos-v10');
    expect(s.service.parsePayload(us).licence.licenseNumber).toBe('T12345678901');
    let error: unknown;
    try {
      s.service.parsePayload('hello');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'invalid-input', issues: [{ path: 'payload' }] });
    expect((error as ServiceError).message).toMatch(/not a driver's licence barcode/);
  });

  it('decodes an image or says no barcode was found', async () => {
    const s = setup('hid-pos-v10');
    const found = await s.service.decodeImage(Uint8Array.from([0x89, 0x50]));
    expect(found.rotationDegrees).toBe(-3);
    expect(found.result.licence.familyName).toBe('TESTPERSON');
    await expect(s.service.decodeImage(Uint8Array.from([0]))).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('licence channels through the workstation dispatcher', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccpor-licence-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates and answers licence:parse-payload and licence:list-readers', async () => {
    const ws = createWorkstation({ shell: 'host', dataDir: dir, version: 'test' });
    const ctx = { shell: 'host' as const, origin: 'test' };
    try {
      await signInAs(ws, 'clerk');
      const ok = await ws.dispatcher.dispatch('licence:parse-payload', { payload: us }, ctx);
      expect(ok.ok && (ok.value as { licence: { dob: string } }).licence.dob).toBe('1980-09-23');
      const bad = await ws.dispatcher.dispatch('licence:parse-payload', { payload: '@\n' }, ctx);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const wrong = await ws.dispatcher.dispatch('licence:parse-payload', { text: us }, ctx);
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      // Real node-hid and serialport listing: this machine has no USB bus, so no HID readers.
      const list = await ws.dispatcher.dispatch('licence:list-readers', {}, ctx);
      expect(list.ok).toBe(true);
      const value = list.ok ? (list.value as { readers: { kind: string }[] }) : { readers: [] };
      expect(value.readers.filter((r) => r.kind === 'hid-pos')).toEqual([]);
      const noImage = await ws.dispatcher.dispatch(
        'licence:decode-image',
        { image: new Uint8Array(0) },
        ctx,
      );
      expect(noImage).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      await ws.close();
    }
  });
});
