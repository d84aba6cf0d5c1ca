// scanner:* through the real workstation handlers and EventHub, the way the renderer uses it:
// set up SANE, add a scanner, discover on request, start a batch, receive pages as events.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWorkstation } from '../../../src/main/workstation';
import type { Workstation } from '../../../src/main/workstation';
import { encodeFrame } from '../../../src/shared/ipc/wireFrame';

import { openDispatcher } from './dispatch';

let dir = '';
let ws: Workstation;
let dispatcher: ReturnType<typeof openDispatcher>;
const events: Array<{ event: string; payload: unknown }> = [];
const ctx = { shell: 'host' as const, origin: 'test' };
const call = async (channel: string, input: unknown) => {
  const result = await dispatcher.dispatch(channel, input, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanner-ipc-'));
  ws = createWorkstation({ shell: 'host', dataDir: dir, version: '0.0.0-test' });
  dispatcher = openDispatcher(ws);
  ws.hub.connect((event, payload) => events.push({ event, payload }));
});

afterAll(async () => {
  await ws.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Devices page calls', () => {
  it('start with no scanners and a private SANE folder under the data folder', async () => {
    const setup = await call('scanner:list-scanners', {});
    expect(setup).toMatchObject({
      scanners: [],
      defaults: {
        scannerId: null,
        settings: { source: 'feeder', colourMode: 'bilevel', dpi: 300 },
      },
      saneConfigDir: path.join(dir, 'scanning', 'sane'),
    });
  });

  it('discover SANE devices only through the private configuration', async () => {
    await call('scanner:save-sane-setup', { backends: ['test'], netHosts: [] });
    const found = (await call('scanner:discover-scanners', { kind: 'sane' })) as unknown as Array<{
      device: string;
    }>;
    expect(found.map((f) => f.device)).toEqual(['test:0', 'test:1']);
  });

  it('save a scanner (first one becomes the default) and refuse a duplicate name', async () => {
    const setup = await call('scanner:save-scanner', {
      kind: 'sane',
      name: 'Counter',
      device: 'test:0',
    });
    const scanners = setup.scanners as Array<{ id: string }>;
    expect(scanners).toHaveLength(1);
    expect((setup.defaults as { scannerId: string }).scannerId).toBe(scanners[0]?.id);
    const dup = await dispatcher.dispatch(
      'scanner:save-scanner',
      { kind: 'sane', name: 'counter', device: 'test:1' },
      ctx,
    );
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuse a scanner option that would redirect the output', async () => {
    const bad = await dispatcher.dispatch(
      'scanner:save-scanner',
      { kind: 'sane', name: 'Evil', device: 'test:0', options: ['--output-file=/etc/passwd'] },
      ctx,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('report capabilities', async () => {
    const setup = await call('scanner:list-scanners', {});
    const id = (setup.scanners as Array<{ id: string }>)[0]?.id;
    const caps = await call('scanner:get-capabilities', { id });
    expect(caps).toMatchObject({ scannerId: id, sources: ['flatbed', 'feeder'] });
  });
});

describe('a batch through IPC', () => {
  it('returns a job id at once and streams pages as binary events', async () => {
    await call('scanner:save-defaults', {
      scannerId: null,
      settings: { source: 'feeder', colourMode: 'gray', dpi: 75, paperSize: 'letter' },
    });
    const setup = await call('scanner:list-scanners', {});
    const scannerId = (setup.scanners as Array<{ id: string }>)[0]?.id;
    const started = await call('scanner:start-batch', { scannerId });
    expect(started).toMatchObject({ state: 'scanning', pagesDelivered: 0, settings: { dpi: 75 } });
    const jobId = started.jobId as string;
    const deadline = Date.now() + 30_000;
    while (!events.some((e) => e.event === 'scanner:batch-finished')) {
      if (Date.now() > deadline) throw new Error('batch did not finish');
      await new Promise((r) => setTimeout(r, 20));
    }
    const pages = events.filter((e) => e.event === 'scanner:page-arrived');
    expect(pages).toHaveLength(10);
    const first = pages[0]?.payload as {
      jobId: string;
      page: { bytes: Uint8Array; meta: { bytes: number } };
    };
    expect(first.jobId).toBe(jobId);
    expect(first.page.bytes).toBeInstanceOf(Uint8Array);
    expect(first.page.bytes.byteLength).toBe(first.page.meta.bytes);
    // Over the host's WebSocket the event is one binary frame, never base64.
    const frame = encodeFrame({ t: 'event', event: 'scanner:page-arrived', payload: first });
    expect(frame).toBeInstanceOf(Uint8Array);
    expect((frame as Uint8Array).byteLength).toBeGreaterThan(first.page.bytes.byteLength);
    expect(await call('scanner:get-batch', { jobId })).toMatchObject({
      state: 'finished',
      pagesDelivered: 10,
    });
  });

  it('answers not-found for an unknown job', async () => {
    const result = await dispatcher.dispatch('scanner:cancel-batch', { jobId: 'nope' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
