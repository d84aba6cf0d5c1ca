import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CredentialStore } from '../../../../src/main/sync/credentialStore';

const dirs: string[] = [];
const store = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-cred-'));
  dirs.push(dir);
  return new CredentialStore(dir);
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const credential = {
  version: 1 as const,
  registryUrl: 'http://127.0.0.1:4556/',
  deviceId: '0b6e2a1c-4d3f-4a7b-8c9d-000000000001',
  courtOri: 'CA034999J',
  credential: '0b6e2a1c-4d3f-4a7b-8c9d-000000000001.secret-secret-secret-secret',
  enrolledAt: '2026-12-02T10:00:00Z',
};

describe('CredentialStore', () => {
  it('writes the credential owner-only (0600 in a 0700 folder) whatever the umask', () => {
    const s = store();
    const old = process.umask(0o000);
    try {
      s.saveCredential(credential);
    } finally {
      process.umask(old);
    }
    expect(statSync(s.credentialFile).mode & 0o777).toBe(0o600);
    expect(statSync(s.folder).mode & 0o777).toBe(0o700);
    expect(s.loadCredential()).toEqual({ credential, problem: undefined });
  });

  it('tightens a credential file others could read, and treats a damaged one as not enrolled', () => {
    const s = store();
    s.saveCredential(credential);
    chmodSync(s.credentialFile, 0o644);
    expect(s.loadCredential().credential).toEqual(credential);
    expect(statSync(s.credentialFile).mode & 0o777).toBe(0o600);
    writeFileSync(s.credentialFile, '{"version":1,"registryUrl":');
    const damaged = s.loadCredential();
    expect(damaged.credential).toBeUndefined();
    expect(damaged.problem).toMatch(/damaged|could not be read/);
  });

  it('remembers the last seq per device and the registry address from Settings', () => {
    const s = store();
    expect(s.loadLastSeq(credential.deviceId)).toBeUndefined();
    s.saveLastSeq({ deviceId: credential.deviceId, lastSeq: 42 });
    expect(s.loadLastSeq(credential.deviceId)).toBe(42);
    expect(s.loadLastSeq('another-device')).toBeUndefined();
    expect(s.loadRegistryUrl()).toBeNull();
    s.saveRegistryUrl('https://registry.example.gov/');
    expect(s.loadRegistryUrl()).toBe('https://registry.example.gov/');
  });
});
