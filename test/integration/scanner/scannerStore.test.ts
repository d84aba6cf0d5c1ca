// Scanner settings persistence in the data folder.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ScannerStore } from '../../../src/main/devices/scanner/scannerStore';
import { writeSaneConfigDir } from '../../../src/main/devices/scanner/sane/saneConfig';

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanner-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ScannerStore', () => {
  it('persists scanners and defaults as JSON, and a new store reads them back', async () => {
    const store = new ScannerStore(dir);
    const saved = await store.save({ kind: 'escl', name: 'MFP', url: 'http://10.0.0.7/eSCL' });
    const id = saved.scanners[0]?.id ?? '';
    await store.saveDefaults({
      scannerId: id,
      settings: { source: 'duplex', colourMode: 'gray', dpi: 200, paperSize: 'legal' },
    });
    const again = await new ScannerStore(dir).read();
    expect(again.scanners).toEqual([
      { kind: 'escl', id, name: 'MFP', url: 'http://10.0.0.7/eSCL' },
    ]);
    expect(again.defaults).toMatchObject({ scannerId: id, settings: { paperSize: 'legal' } });
    expect(await readdir(path.join(dir, 'scanning'))).toEqual(['scanners.json']);
  });

  it('clears the default when its scanner is removed, and refuses unknown ids', async () => {
    const store = new ScannerStore(dir);
    const id =
      (await store.save({ kind: 'sane', name: 'A', device: 'test:0' })).scanners[0]?.id ?? '';
    expect((await store.read()).defaults.scannerId).toBe(id);
    expect((await store.remove(id)).defaults.scannerId).toBeNull();
    await expect(store.remove(id)).rejects.toThrow(/no scanner/);
    await expect(
      store.saveDefaults({
        scannerId: 'missing',
        settings: (await store.read()).defaults.settings,
      }),
    ).rejects.toThrow(/no scanner/);
  });

  it('reports a damaged file clearly and does not overwrite it', async () => {
    await mkdir(path.join(dir, 'scanning'));
    await writeFile(path.join(dir, 'scanning', 'scanners.json'), '{"version":1,"scanners":[{');
    const store = new ScannerStore(dir);
    await expect(store.read()).rejects.toThrow(/damaged.*Devices page/);
    await expect(store.save({ kind: 'sane', name: 'A', device: 'test:0' })).rejects.toThrow(
      /damaged/,
    );
    expect(await readFile(path.join(dir, 'scanning', 'scanners.json'), 'utf8')).toBe(
      '{"version":1,"scanners":[{',
    );
  });
});

describe('the private SANE configuration', () => {
  it('holds only the configured backends, net hosts, and airscan without discovery', async () => {
    const sane = path.join(dir, 'sane');
    await writeSaneConfigDir(sane, {
      backends: ['test', 'net', 'airscan'],
      netHosts: ['127.0.0.1'],
    });
    expect(await readFile(path.join(sane, 'dll.conf'), 'utf8')).toBe('test\nnet\nairscan\n');
    expect(await readFile(path.join(sane, 'net.conf'), 'utf8')).toBe(
      'connect_timeout = 3\n127.0.0.1\n',
    );
    expect(await readFile(path.join(sane, 'airscan.conf'), 'utf8')).toMatch(
      /discovery = disable\nws-discovery = off/,
    );
    expect(await readFile(path.join(sane, 'test.conf'), 'utf8')).toMatch(/number_of_devices/);
    await writeSaneConfigDir(sane, { backends: ['test'], netHosts: [] });
    expect((await readdir(sane)).sort()).toEqual(['dll.conf', 'test.conf']);
  });

  it('refuses a folder list, which would bring /etc/sane.d back in', async () => {
    await expect(
      writeSaneConfigDir(`${dir}/a:`, { backends: ['test'], netHosts: [] }),
    ).rejects.toThrow(/one absolute path/);
    await expect(writeSaneConfigDir('relative', { backends: [], netHosts: [] })).rejects.toThrow(
      /one absolute path/,
    );
  });
});
