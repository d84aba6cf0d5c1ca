// The test peer's SANE net framing must be exact, or it would corrupt the stream it relays.
import { describe, expect, it } from 'vitest';

import { requestLength } from '../../../peers/sane/saneNetRelay';

const words = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
};
const string = (s: string) => Buffer.concat([words(s.length + 1), Buffer.from(`${s}\0`)]);

describe('requestLength', () => {
  it('frames INIT, OPEN and handle-only requests', () => {
    const init = Buffer.concat([words(0, 0x01010003), string('clerk')]);
    expect(requestLength(init)).toBe(init.length);
    const open = Buffer.concat([words(2), string('test:0')]);
    expect(requestLength(open)).toBe(open.length);
    expect(requestLength(words(7, 1))).toBe(8);
    expect(requestLength(words(1))).toBe(4);
  });

  it('frames CONTROL_OPTION for strings, words and SET_AUTO', () => {
    const setString = Buffer.concat([words(5, 1, 2, 1, 3, 5, 5), Buffer.from('Gray\0')]);
    // handle 1, option 2, action SET_VALUE(1), type STRING(3), size 5, array of 5 chars
    expect(requestLength(setString)).toBe(setString.length);
    const setWord = words(5, 1, 3, 1, 1, 4, 1, 300);
    expect(requestLength(setWord)).toBe(setWord.length);
    expect(requestLength(words(5, 1, 3, 2))).toBe(16);
  });

  it('waits for the rest of a request that has not fully arrived', () => {
    const open = Buffer.concat([words(2), string('test:0')]);
    expect(requestLength(open.subarray(0, open.length - 1))).toBeNull();
    expect(requestLength(words(5, 1, 2, 1, 3, 5, 5))).toBeNull();
  });
});
