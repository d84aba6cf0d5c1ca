import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { devicesItem } from '../../../../src/main/services/devicesStatus';
import { createWorkstation } from '../../../../src/main/workstation';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('devices indicator', () => {
  it('says plainly when nothing is configured, and counts what is', () => {
    expect(devicesItem({ scanners: 0, printers: 0 })).toMatchObject({
      state: 'not-configured',
      label: 'No devices configured',
    });
    expect(devicesItem({ scanners: 1, printers: 2 })).toMatchObject({
      state: 'ok',
      label: '1 scanner · 2 printers',
    });
  });

  it('follows a printer being added and removed through the real handlers', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'devices-status-'));
    dirs.push(dataDir);
    const ws = createWorkstation({ shell: 'host', dataDir, version: '0.0.0', env: {} });
    const ctx = { shell: 'host', origin: 'test' } as const;
    await expect.poll(() => ws.status.get().devices.label).toBe('No devices configured');
    await ws.handlers['print:save-printer'](
      {
        id: 'dept-1',
        name: 'Dept 1 printer',
        courtroom: 'Dept 1',
        kind: 'ipp',
        uri: 'ipp://127.0.0.1:631/ipp/print',
      } as never,
      ctx as never,
    );
    expect(ws.status.get().devices).toMatchObject({ state: 'ok', label: '0 scanners · 1 printer' });
    await ws.handlers['print:delete-printer']({ printerId: 'dept-1' } as never, ctx as never);
    expect(ws.status.get().devices.label).toBe('No devices configured');
    await ws.close();
  });
});
