import { describe, expect, it } from 'vitest';

import { connectivityItem } from '../../../../src/main/sync/statusText';
import { normaliseRegistryUrl, readSyncEnv } from '../../../../src/main/sync/syncConfig';
import type { SyncStatus } from '../../../../src/shared/ipc/contracts/sync';

describe('normaliseRegistryUrl', () => {
  it('accepts https anywhere and http on loopback, with a trailing slash', () => {
    expect(normaliseRegistryUrl(' https://registry.courts.ca.gov ')).toBe(
      'https://registry.courts.ca.gov/',
    );
    expect(normaliseRegistryUrl('http://127.0.0.1:4556')).toBe('http://127.0.0.1:4556/');
    expect(normaliseRegistryUrl('http://localhost:4556/ccpor')).toBe(
      'http://localhost:4556/ccpor/',
    );
  });

  it('refuses plain http to another machine, other schemes, credentials and junk', () => {
    expect(() => normaliseRegistryUrl('http://registry.example.gov/')).toThrow(/https/);
    expect(() => normaliseRegistryUrl('ftp://127.0.0.1/')).toThrow(/https/);
    expect(() => normaliseRegistryUrl('https://u:p@registry.example.gov/')).toThrow(/password/);
    expect(() => normaliseRegistryUrl('registry')).toThrow(/not a web address/);
  });
});

describe('readSyncEnv', () => {
  it('reads the address, code and court, and reports a bad address instead of throwing', () => {
    expect(
      readSyncEnv({
        CLERK_REGISTRY_URL: 'http://127.0.0.1:4556',
        CLERK_ENROL_CODE: ' demo-code ',
        CLERK_COURT_ORI: 'ca034999j',
      }),
    ).toEqual({
      registryUrl: 'http://127.0.0.1:4556/',
      enrolCode: 'demo-code',
      courtOri: 'CA034999J',
      problem: undefined,
    });
    const bad = readSyncEnv({ CLERK_REGISTRY_URL: 'http://10.0.0.5/' });
    expect(bad.registryUrl).toBeUndefined();
    expect(bad.problem).toMatch(/CLERK_REGISTRY_URL/);
    expect(readSyncEnv({ CLERK_COURT_ORI: 'not an ori' }).courtOri).toBeUndefined();
  });
});

describe('connectivityItem', () => {
  const status = (over: Partial<SyncStatus>): SyncStatus => ({
    registryUrl: 'http://127.0.0.1:4556/',
    urlSource: 'environment',
    enrolled: true,
    deviceId: 'd',
    courtOri: 'CA034999J',
    connectivity: 'online',
    detail: 'The registry is reachable.',
    lastContactAt: '2026-12-02T18:04:00Z',
    autoEnrol: false,
    ...over,
  });
  it('says online, offline (with last contact), refused and not configured honestly', () => {
    expect(connectivityItem(status({}))).toMatchObject({ state: 'ok', label: 'Online' });
    const offline = connectivityItem(status({ connectivity: 'offline', detail: 'No answer.' }));
    expect(offline.state).toBe('error');
    expect(offline.label).toMatch(/Offline/);
    expect(offline.detail).toMatch(/No answer\. Last contact: 10:04 AM/);
    expect(connectivityItem(status({ connectivity: 'refused' })).label).toMatch(/refused/);
    expect(connectivityItem(status({ connectivity: 'not-configured' })).state).toBe(
      'not-configured',
    );
  });
});
