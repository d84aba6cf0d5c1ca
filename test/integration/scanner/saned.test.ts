// SANE over the network: scanimage → net backend → saned (test backend) on loopback, and a
// jam on the 4th sheet injected on the wire (test/peers/sane/saneNetRelay.ts). The
// workstation writes its own net.conf from its SANE setup.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { saneStatus } from '../../peers/sane/saneNetRelay';
import { startSaned } from '../../peers/sane/saneTestPeer';
import type { SanedPeer } from '../../peers/sane/saneTestPeer';

import { createHarness, runBatch } from './harness';
import type { Harness } from './harness';

let h: Harness;
let peer: SanedPeer;
let peerDir = '';
let scannerId = '';

beforeAll(async () => {
  peerDir = await mkdtemp(path.join(os.tmpdir(), 'saned-'));
  peer = await startSaned(peerDir);
  h = await createHarness();
  await h.service.store.saveSane({ backends: ['net'], netHosts: [peer.host] });
  const file = await h.service.store.save({
    kind: 'sane',
    name: 'Clerk room saned',
    device: peer.device,
    options: [],
  });
  h.service.invalidate();
  scannerId = file.scanners[0]?.id ?? '';
});

afterEach(() => {
  peer.relay.fault = null;
});

afterAll(async () => {
  await h.dispose();
  await peer.stop();
  await rm(peerDir, { recursive: true, force: true });
});

const settings = {
  source: 'feeder' as const,
  colourMode: 'gray' as const,
  dpi: 100,
  paperSize: 'letter' as const,
};

describe('saned on loopback', () => {
  it('is reached through the net backend with the private net.conf', async () => {
    const dir = await h.service.ensureSaneConfig();
    expect(await readFile(path.join(dir, 'dll.conf'), 'utf8')).toBe('net\n');
    const conf = await readFile(path.join(dir, 'net.conf'), 'utf8');
    expect(conf).toBe(`connect_timeout = 3\n${peer.host}\n`);
    expect(peer.host).toMatch(/^127\./);
  });

  it('delivers a 10-page ADF batch', async () => {
    const { pages, summary } = await runBatch(h, scannerId, settings);
    expect(pages.map((p) => p.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(summary.state).toBe('finished');
    expect(pages[0]?.page.meta).toMatchObject({ mime: 'image/jpeg', width: 787, height: 787 });
  });

  it('keeps 3 pages and reports "paper jam" when the 4th sheet jams (scanimage exits 0)', async () => {
    peer.relay.fault = { atStart: 4, status: saneStatus.jammed };
    const { pages, summary, ending } = await runBatch(h, scannerId, settings);
    expect(pages.map((p) => p.sequence)).toEqual([1, 2, 3]);
    expect(ending).toMatchObject({ event: 'scanner:batch-failed', payload: { pagesDelivered: 3 } });
    expect(summary.error).toMatchObject({
      code: 'paper-jam',
      detail: 'sane_start: Document feeder jammed',
    });
    expect(summary.error?.message).toMatch(/^Paper jam\./);
    expect(peer.relay.starts).toBe(4);
  });

  it('reports an open cover on the first sheet', async () => {
    peer.relay.fault = { atStart: 1, status: saneStatus.coverOpen };
    const { pages, summary } = await runBatch(h, scannerId, settings);
    expect(pages).toHaveLength(0);
    expect(summary.error?.code).toBe('cover-open');
  });
});
