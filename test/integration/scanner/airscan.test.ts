// The eSCL test peer checked against an independent, real eSCL client: sane-airscan (Debian's
// SANE backend for eSCL/WSD), with a private SANE_CONFIG_DIR and discovery disabled. The same
// run exercises the SANE adapter on a real network backend, including scanimage's exit-0 jam.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DeliveredPage } from '../../../src/main/devices/scanner/port';
import { ScanDeviceError } from '../../../src/main/devices/scanner/port';
import { SaneScanner } from '../../../src/main/devices/scanner/sane/saneScanner';
import type { ScanSettings } from '../../../src/shared/ipc/contracts/scanner';
import { EsclPeer } from '../../peers/escl/esclPeer';

let dir = '';
let peer: EsclPeer;
let scanner: SaneScanner;

beforeAll(async () => {
  peer = new EsclPeer();
  await peer.start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'airscan-'));
  const config = path.join(dir, 'sane');
  await mkdir(config);
  await mkdir(path.join(dir, 'work'));
  await writeFile(path.join(config, 'dll.conf'), 'airscan\n');
  await writeFile(
    path.join(config, 'airscan.conf'),
    `[devices]\n"CCPOR Test" = ${peer.url}, eSCL\n\n[options]\ndiscovery = disable\nws-discovery = off\n`,
  );
  scanner = new SaneScanner({
    config: { device: 'airscan:e0:CCPOR Test', options: [] },
    saneConfigDir: config,
  });
});

afterAll(async () => {
  await peer.stop();
  await rm(dir, { recursive: true, force: true });
});

async function scan(
  settings: ScanSettings,
): Promise<{ pages: DeliveredPage[]; error: ScanDeviceError | null }> {
  const pages: DeliveredPage[] = [];
  try {
    await scanner.scan(
      { settings, signal: new AbortController().signal, workDir: path.join(dir, 'work') },
      { page: (p) => pages.push(p), progress: () => undefined },
    );
    return { pages, error: null };
  } catch (error) {
    if (error instanceof ScanDeviceError) return { pages, error };
    throw error;
  }
}

const settings: ScanSettings = {
  source: 'flatbed',
  colourMode: 'gray',
  dpi: 150,
  paperSize: 'letter',
};

describe('sane-airscan as a client of the eSCL peer', () => {
  it('sees the peer’s sources, modes and resolutions', async () => {
    const caps = await scanner.capabilities();
    expect(caps.sources).toEqual(['flatbed', 'feeder', 'duplex']);
    expect(caps.resolutions).toEqual([100, 150, 200, 300]);
  });

  it('scans the platen', async () => {
    peer.reset();
    const { pages, error } = await scan(settings);
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ kind: 'raw', raw: { width: 1275, height: 1650 } });
  });

  it('scans an ADF duplex batch and ends it at NextDocument 404', async () => {
    peer.reset({ adfSheets: 3 });
    const { pages, error } = await scan({ ...settings, source: 'duplex' });
    expect(error).toBeNull();
    expect(pages.map((p) => p.side)).toEqual(['front', 'back', 'front', 'back', 'front', 'back']);
    expect(peer.log.filter((l) => l.includes('NextDocument')).at(-1)).toMatch(/→ 404$/);
  });

  it('retries a busy (503) ScanJobs, as our own client does', async () => {
    peer.reset({ busyPosts: 1 });
    const { pages, error } = await scan(settings);
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(peer.log.filter((l) => l.startsWith('POST'))).toEqual([
      'POST /eSCL/ScanJobs → 503',
      'POST /eSCL/ScanJobs → 201',
    ]);
  });

  it('reports the peer’s jam as "Document feeder jammed" after the pages before it', async () => {
    peer.reset({ adfSheets: 5, jamAtImage: 3 });
    const { pages, error } = await scan({ ...settings, source: 'feeder' });
    expect(pages).toHaveLength(2);
    expect(error?.code).toBe('paper-jam');
    expect(error?.detail).toMatch(/Document feeder jammed/);
  });

  it('reports the peer’s empty feeder', async () => {
    peer.reset({ feederEmpty: true });
    const { pages, error } = await scan({ ...settings, source: 'feeder' });
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('feeder-empty');
  });
});
