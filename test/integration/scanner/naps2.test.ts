// The NAPS2 adapter's process handling, with a stand-in for NAPS2.Console (Windows-only, so
// it cannot run here). The stand-in behaves as AutomatedScanning.cs does: "Scanned page N."
// while scanning, then one file per page exported via the $(nnnn) placeholder; after a device
// error it still exports the pages scanned before it.
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Naps2Scanner } from '../../../src/main/devices/scanner/naps2/naps2Scanner';
import type { DeliveredPage } from '../../../src/main/devices/scanner/port';
import { ScanDeviceError } from '../../../src/main/devices/scanner/port';
import type { ScanSettings } from '../../../src/shared/ipc/contracts/scanner';

let dir = '';
let work = '';
let consolePath = '';

const standIn = String.raw`
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
const get = (f) => args[args.indexOf(f) + 1];
const mode = fs.readFileSync(path.join(__dirname, 'mode'), 'utf8').trim();
const [kind, count] = mode.split(' ');
const jpeg = fs.readFileSync(path.join(__dirname, 'page.jpg'));
const out = get('-o');
console.log('Beginning scan...');
console.log('Starting scan 1 of 1...');
const n = Number(count);
let i = 0;
const tick = () => {
  if (i < n) { i += 1; console.log('Scanned page ' + i + '.'); return setTimeout(tick, kind === 'slow' ? 200 : 5); }
  if (kind === 'jam') console.log('There is a paper jam.');
  if (n === 0) { console.log('No scanned pages to export.'); return; }
  console.log(n + ' page(s) scanned.');
  for (let k = 1; k <= n; k += 1) fs.writeFileSync(out.replace('$(nnnn)', String(k).padStart(4, '0')), jpeg);
  console.log('Finished saving images to ' + out);
};
tick();
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'naps2-'));
  work = path.join(dir, 'work');
  await mkdir(work);
  await writeFile(path.join(dir, 'stand-in.cjs'), standIn);
  await writeFile(
    path.join(dir, 'page.jpg'),
    await sharp({ create: { width: 85, height: 110, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer(),
  );
  consolePath = path.join(dir, 'NAPS2.Console');
  await writeFile(
    consolePath,
    `#!/bin/sh\nexec "${process.execPath}" "${dir}/stand-in.cjs" "$@"\n`,
  );
  await chmod(consolePath, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const settings: ScanSettings = {
  source: 'duplex',
  colourMode: 'gray',
  dpi: 100,
  paperSize: 'letter',
};

async function scan(mode: string, abortAfterMs?: number) {
  await writeFile(path.join(dir, 'mode'), mode);
  const scanner = new Naps2Scanner({ consolePath, driver: 'twain', device: 'fi-7160' });
  const pages: DeliveredPage[] = [];
  const progress: Array<number | null> = [];
  const abort = new AbortController();
  if (abortAfterMs) setTimeout(() => abort.abort(), abortAfterMs);
  let error: ScanDeviceError | null = null;
  try {
    await scanner.scan(
      { settings, signal: abort.signal, workDir: work },
      { page: (p) => pages.push(p), progress: (p) => progress.push(p.scanningPage) },
    );
  } catch (e) {
    if (!(e instanceof ScanDeviceError)) throw e;
    error = e;
  }
  return { pages, progress, error, left: await readdir(work) };
}

describe('the NAPS2 adapter', () => {
  it('delivers the exported pages in number order with duplex sides, and streams progress', async () => {
    const { pages, progress, error, left } = await scan('ok 4');
    expect(error).toBeNull();
    expect(pages.map((p) => p.side)).toEqual(['front', 'back', 'front', 'back']);
    expect(pages.every((p) => p.kind === 'encoded' && p.colourMode === 'gray')).toBe(true);
    expect(progress).toEqual([2, 3, 4, 5]);
    expect(left).toEqual([]);
  });

  it('keeps the pages scanned before a jam, then reports it', async () => {
    const { pages, error } = await scan('jam 2');
    expect(pages).toHaveLength(2);
    expect(error?.code).toBe('paper-jam');
  });

  it('reports an empty feeder when nothing was scanned', async () => {
    const { pages, error } = await scan('ok 0');
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('feeder-empty');
  });

  it('on cancel kills NAPS2 and delivers nothing', async () => {
    const { pages, error, left } = await scan('slow 10', 300);
    expect(error?.code).toBe('cancelled');
    expect(pages).toHaveLength(0);
    expect(left).toEqual([]);
  });

  it('reports a missing NAPS2.Console as offline', async () => {
    const scanner = new Naps2Scanner({
      consolePath: path.join(dir, 'absent.exe'),
      driver: 'wia',
      device: 'x',
    });
    await expect(
      scanner.scan(
        { settings, signal: new AbortController().signal, workDir: work },
        { page: () => {}, progress: () => {} },
      ),
    ).rejects.toMatchObject({ code: 'offline' });
  });
});
