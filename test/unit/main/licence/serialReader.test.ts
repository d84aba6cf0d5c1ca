import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type {
  LicenceReaderError,
  ScannedPayload,
} from '../../../../src/main/devices/licence/readerPort';
import { SerialFramer } from '../../../../src/main/devices/licence/serialFramer';
import type { SerialFraming } from '../../../../src/main/devices/licence/serialFramer';
import { SerialLicenceReader } from '../../../../src/main/devices/licence/serialReader';
import type { SerialPortLike } from '../../../../src/main/devices/licence/serialReader';
import { parseAamva } from '../../../../src/shared/aamva';
import { buildAamva, people, personPayload } from '../../../fixtures/aamva/generator';
import { loadRecording } from '../../../fixtures/aamva/replay';

// serialport's SerialPortMock requires the CommonJS build of @serialport/binding-mock; importing
// the package here would load its ESM build, a second MockBinding with its own port table.
const MockBinding = SerialPortMock.binding;
const PATH = '/dev/ttyACM7';
const v10 = personPayload(people.illinois, { version: 10, iin: '636035', jurisdictionVersion: 1 });
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

function setup(framing: SerialFraming) {
  let mock: SerialPortMock | null = null;
  const reader = new SerialLicenceReader(
    {
      id: `serial:${PATH}`,
      kind: 'serial',
      label: 'Test',
      path: PATH,
      vendorId: null,
      productId: null,
    },
    {
      framing,
      baudRate: 115200,
      open: async (path, baudRate) => {
        const port = new SerialPortMock({ path, baudRate, autoOpen: false });
        await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
        mock = port;
        return port as unknown as SerialPortLike;
      },
    },
  );
  const payloads: ScannedPayload[] = [];
  const errors: LicenceReaderError[] = [];
  const listener = {
    onPayload: (p: ScannedPayload) => payloads.push(p),
    onError: (e: LicenceReaderError) => errors.push(e),
  };
  /** Feeds recorded chunks through the mock binding, as the device would send them. */
  const feed = async (chunks: readonly Uint8Array[]) => {
    for (const c of chunks) {
      mock?.port?.emitData(Buffer.from(c));
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  return { reader, payloads, errors, listener, feed, port: () => mock };
}

describe('USB-serial reader over serialport MockBinding', () => {
  beforeEach(() => MockBinding.createPort(PATH, { echo: false, record: false }));
  afterEach(() => MockBinding.reset());

  it('frames a CR-terminated AAMVA scan split across arbitrary chunks', async () => {
    const s = setup({ suffix: [0x0d], idleMs: 5000, maxBytes: 8192 });
    await s.reader.open(s.listener);
    const steps = loadRecording('serial-cr-suffix').steps;
    await s.feed(steps.map((st) => Buffer.from(st.hex, 'hex')));
    await vi.waitFor(() => expect(s.payloads).toHaveLength(1));
    // Exact, control characters intact, the reader's CR suffix removed — and no idle wait.
    expect(s.payloads[0]?.text).toBe(v10);
    expect(s.errors).toEqual([]);
    await s.reader.close();
    expect(s.port()?.isOpen).toBe(false);
  });

  it('separates two scans sent in one chunk with an EOT suffix', async () => {
    const s = setup({ suffix: [0x04], idleMs: 5000, maxBytes: 8192 });
    await s.reader.open(s.listener);
    await s.feed(
      loadRecording('serial-eot-two-scans').steps.map((st) => Buffer.from(st.hex, 'hex')),
    );
    await vi.waitFor(() => expect(s.payloads).toHaveLength(2));
    expect(s.payloads.map((p) => parseAamva(p.text).licence.jurisdiction)).toEqual(['IL', 'ON']);
    await s.reader.close();
  });

  it('flushes on idle when the directory lengths are wrong and no suffix is sent', async () => {
    const s = setup({ suffix: null, idleMs: 40, maxBytes: 8192 });
    await s.reader.open(s.listener);
    // Directory says the DL subfile is longer than it is: the length rule never fires.
    const bad = v10.replace(
      /^(.{21}DL\d{4})(\d{4})/s,
      (_m, a: string, n: string) => a + String(Number(n) + 30).padStart(4, '0'),
    );
    await s.feed([bytes(bad.slice(0, 50)), bytes(bad.slice(50))]);
    await vi.waitFor(() => expect(s.payloads).toHaveLength(1));
    expect(s.payloads[0]?.text).toBe(bad);
    expect(parseAamva(s.payloads[0]?.text ?? '').licence.familyName).toBe('TESTPERSON');
    await s.reader.close();
  });

  it('reports an open failure for a port that does not exist', async () => {
    const s = setup({ suffix: [0x0d], idleMs: 40, maxBytes: 8192 });
    MockBinding.reset();
    await expect(s.reader.open(s.listener)).rejects.toMatchObject({ code: 'open-failed' });
  });
});

describe('SerialFramer', () => {
  it('does not cut an AAMVA payload at the CR inside its header', () => {
    const f = new SerialFramer({ suffix: [0x0d], idleMs: 100, maxBytes: 8192 });
    expect(f.push(bytes(v10.slice(0, 4))).frames).toEqual([]);
    expect(f.push(bytes(v10.slice(4, 200))).frames).toEqual([]);
    const out = f.push(bytes(v10.slice(200) + '\r'));
    expect(out.frames.map(text)).toEqual([v10]);
    expect(f.pending).toBe(0);
  });

  it('frames non-AAMVA data by the suffix and skips the LF of CR LF', () => {
    const f = new SerialFramer({ suffix: [0x0d, 0x0a], idleMs: 100, maxBytes: 8192 });
    const out = f.push(bytes('12345\r\nABC\r\n'));
    expect(out.frames.map(text)).toEqual(['12345', 'ABC']);
  });

  it('discards a stream that exceeds the limit', () => {
    const f = new SerialFramer({ suffix: null, idleMs: 100, maxBytes: 64 });
    expect(f.push(new Uint8Array(100).fill(0x41)).overflowed).toBe(true);
    expect(f.pending).toBe(0);
  });

  it('frames a payload whose final CR the reader stripped, on idle flush', () => {
    const f = new SerialFramer({ suffix: [0x0d], idleMs: 100, maxBytes: 8192 });
    const short = buildAamva({
      version: 10,
      subfiles: [
        {
          type: 'DL',
          elements: [
            ['DAQ', 'A1'],
            ['DCS', 'X'],
          ],
        },
      ],
    }).slice(0, -1);
    expect(f.push(bytes(short)).frames).toEqual([]);
    const frame = f.flush();
    expect(parseAamva(text(frame ?? new Uint8Array())).licence.familyName).toBe('X');
  });
});
