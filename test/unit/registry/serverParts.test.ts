import { describe, expect, it } from 'vitest';

import {
  formatCredential,
  hashSecret,
  newCredential,
  parseBearer,
  sameHash,
} from '../../../src/registry/auth/credentials';
import { parseConfig } from '../../../src/registry/config';
import { RegistryError } from '../../../src/registry/errors';
import { parseContentRange } from '../../../src/registry/pages/pageStore';
import { decodeCursor, encodeCursor } from '../../../src/registry/pull/changes';

describe('credentials', () => {
  it('round-trips a bearer credential and refuses malformed ones', () => {
    const c = newCredential();
    expect(parseBearer(`Bearer ${formatCredential(c)}`)).toEqual(c);
    expect(parseBearer(undefined)).toBeUndefined();
    expect(parseBearer('Basic abc')).toBeUndefined();
    expect(parseBearer(`Bearer not-a-uuid.${c.secret}`)).toBeUndefined();
    expect(parseBearer(`Bearer ${c.deviceId}.short`)).toBeUndefined();
  });

  it('compares hashes in constant time and never equal for different secrets', () => {
    expect(sameHash(hashSecret('a'), hashSecret('a'))).toBe(true);
    expect(sameHash(hashSecret('a'), hashSecret('b'))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});

describe('pull cursor', () => {
  it('round-trips and refuses anything the registry did not issue (400, resync)', () => {
    expect(decodeCursor(encodeCursor({ xid: '12345', changeId: 77 }))).toEqual({
      xid: '12345',
      changeId: 77,
    });
    expect(decodeCursor('')).toEqual({ xid: '0', changeId: 0 });
    expect(decodeCursor(undefined)).toEqual({ xid: '0', changeId: 0 });
    for (const bad of ['42', 'v2.1.1', 'v1.x.1', 'v1.1', "v1.1.1'; DROP TABLE orders"]) {
      try {
        decodeCursor(bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RegistryError);
        expect(error).toMatchObject({
          status: 400,
          code: 'cursor-invalid',
          details: { resync: true },
        });
      }
    }
  });
});

describe('Content-Range', () => {
  it('parses START-END/TOTAL and refuses impossible ranges', () => {
    expect(parseContentRange('bytes 0-99/1000')).toEqual({ start: 0, end: 99, total: 1000 });
    expect(() => parseContentRange(undefined)).toThrow(/Content-Range: bytes START-END\/TOTAL/);
    expect(() => parseContentRange('bytes 10-5/100')).toThrow(RegistryError);
    expect(() => parseContentRange('bytes 0-100/100')).toThrow(/not a valid range/);
  });
});

describe('parseConfig', () => {
  it('defaults to loopback and the embedded store, flags winning over the environment', () => {
    const c = parseConfig([], { HOME: '/home/x', XDG_DATA_HOME: '/data' });
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 4556,
      databaseUrl: undefined,
      dataDir: '/data/ccpor-registry',
      adminCode: undefined,
    });
    const f = parseConfig(['--port', '7000', '--data-dir', '/tmp/r', '--admin-code', 'x'], {
      REGISTRY_PORT: '8000',
      DATABASE_URL: 'postgres://u@h/d',
    });
    expect(f).toMatchObject({
      port: 7000,
      dataDir: '/tmp/r',
      adminCode: 'x',
      databaseUrl: 'postgres://u@h/d',
    });
  });

  it('says which flag to fix', () => {
    expect(() => parseConfig(['--port', '99999'], {})).toThrow(
      '--port must be a whole number from 0 to 65535, not "99999"',
    );
    expect(() => parseConfig(['--port'], {})).toThrow('--port needs a value');
    expect(() => parseConfig(['--database-url', 'sqlite:x'], {})).toThrow(/postgres:\/\//);
  });
});
