import { describe, expect, it } from 'vitest';

import { decodeFrame, encodeFrame } from '../../../../src/shared/ipc/wireFrame';

describe('wire frames', () => {
  it('sends plain messages as JSON text', () => {
    const frame = encodeFrame({ t: 'call', id: 7, channel: 'app:get-info', input: {} });
    expect(typeof frame).toBe('string');
    expect(decodeFrame(frame)).toEqual({ t: 'call', id: 7, channel: 'app:get-info', input: {} });
  });

  it('carries ArrayBuffers and Uint8Arrays as raw bytes, not base64', () => {
    const page = new Uint8Array(100_000).map((_, i) => i % 251);
    const thumb = new Uint8Array([1, 2, 3]);
    const frame = encodeFrame({
      t: 'result',
      id: 1,
      result: { ok: true, value: { page: page.buffer, thumb, name: 'p1' } },
    });
    expect(frame).toBeInstanceOf(Uint8Array);
    // Raw bytes plus a small header: base64 would be a third larger.
    expect((frame as Uint8Array).byteLength).toBeLessThan(100_000 + 300);
    const back = decodeFrame(frame) as { result: { value: Record<string, unknown> } };
    const value = back.result.value;
    expect(value.page).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(value.page as ArrayBuffer)).toEqual(page);
    expect(value.thumb).toEqual(thumb);
    expect(value.name).toBe('p1');
  });

  it('keeps a value that merely looks like a blob reference in text frames', () => {
    const input = { note: '{"$bin":0}' };
    expect(decodeFrame(encodeFrame({ t: 'call', id: 1, channel: 'x:y-z', input }))).toMatchObject({
      input,
    });
  });

  it.each([
    ['not JSON', 'nope'],
    ['an unknown kind', JSON.stringify({ t: 'other' })],
    ['a short binary frame', new Uint8Array([1, 2])],
    ['a header longer than the frame', new Uint8Array([255, 0, 0, 0, 0, 0, 0, 0])],
  ])('rejects %s', (_name, data) => {
    expect(() => decodeFrame(data)).toThrow();
  });

  it('rejects a binary frame whose blob is truncated', () => {
    const frame = encodeFrame({
      t: 'result',
      id: 1,
      result: { bytes: new Uint8Array(10) },
    }) as Uint8Array;
    expect(() => decodeFrame(frame.subarray(0, frame.byteLength - 3))).toThrow(/truncated/);
  });
});
