import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  canonicalJson,
  CanonicalJsonError,
  payloadHash,
  sha256Hex,
} from '../../../src/registry/client/canonicalJson';

/** Rebuilds an object with its keys inserted in reverse order (same content). */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  }
  return value;
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, drops undefined members and writes no whitespace', () => {
    expect(
      canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined, é: 2, E: 3 } }),
    ).toBe('{"a":[true,null,"x"],"b":1,"c":{"E":3,"z":1,"é":2}}');
    // RFC 8785 §3.2.3 example of key order: code units, so "\u20ac" sorts after "\r" and digits.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '1': 3, '\u0080': 4 })).toBe(
      '{"\\r":2,"1":3,"\u0080":4,"€":1}',
    );
  });

  it('writes numbers like ECMAScript and refuses values JSON cannot carry', () => {
    expect(canonicalJson([1.0, -0, 1e21, 0.000001, 1e-7])).toBe('[1,0,1e+21,0.000001,1e-7]');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('does not depend on key insertion order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(reversed(v))).toBe(c);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes the canonical text with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await payloadHash({ b: 2, a: 1 })).toBe(await sha256Hex('{"a":1,"b":2}'));
  });
});
