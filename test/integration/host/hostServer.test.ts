import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { startHost } from '../../../src/host/server';
import type { RunningHost } from '../../../src/host/server';
import { createWorkstation } from '../../../src/main/workstation';
import { decodeFrame, encodeFrame } from '../../../src/shared/ipc/wireFrame';

let host: RunningHost;
const workstation = createWorkstation({
  shell: 'host',
  dataDir: '/tmp/hostdata',
  version: '0.0.1',
});

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'host-'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  await writeFile(path.join(dir, 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'bridge.js'), 'window.bridge = 1');
  host = await startHost({
    port: 0,
    rendererDir: dir,
    bridgeFile: path.join(dir, 'bridge.js'),
    workstation,
  });
});

afterAll(async () => host.close());

function get(urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: urlPath, headers },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += String(c)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
    },
  );
}

function openSocket(query: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/__host/ws${query}`, {
      headers: origin ? { Origin: origin } : {},
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('host server', () => {
  it('serves the page with the token, the bridge and a strict CSP', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`content="${host.token}"`);
    expect(res.body).toContain('/__host/bridge.js');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const res = await get('/', { Host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(host.token);
  });

  it('refuses paths outside the renderer folder', async () => {
    const res = await get('/..%2f..%2fetc%2fpasswd.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/root:/);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    const own = `http://127.0.0.1:${host.port}`;
    await expect(openSocket('', own)).rejects.toThrow(/401/);
    await expect(openSocket('?token=wrong', own)).rejects.toThrow(/401/);
    await expect(openSocket(`?token=${host.token}`, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(openSocket(`?token=${host.token}`)).rejects.toThrow(/403/);
  });

  it('carries a call through the contract with the token', async () => {
    const ws = await openSocket(`?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    const result = await new Promise((resolve) => {
      ws.on('message', (data) => {
        const m = decodeFrame(String(data));
        if (m.t === 'result') resolve(m.result);
      });
      ws.send(encodeFrame({ t: 'call', id: 3, channel: 'app:get-info', input: {} }));
    });
    ws.close();
    expect(result).toMatchObject({ ok: true, value: { shell: 'host', version: '0.0.1' } });
  });

  it('survives garbage frames and keeps answering', async () => {
    const ws = await openSocket(`?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    ws.send('not json at all');
    ws.send(Buffer.from([1, 2, 3]));
    const result = await new Promise((resolve) => {
      ws.on('message', (data) => {
        const m = decodeFrame(String(data));
        if (m.t === 'result') resolve(m.result);
      });
      ws.send(encodeFrame({ t: 'call', id: 4, channel: 'status:get-summary', input: {} }));
    });
    ws.close();
    expect(result).toMatchObject({ ok: true });
  });
});
