import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

import { createDispatcher } from '../../../../src/main/ipc/dispatcher';
import { bindIpcMain } from '../../../../src/main/ipc/electronTransport';
import type { InvokeEventLike, IpcMainLike } from '../../../../src/main/ipc/electronTransport';
import { isTrustedSender } from '../../../../src/main/security/trustedSender';
import { createWorkstation } from '../../../../src/main/workstation';
import { serveSocket } from '../../../../src/host/wsTransport';
import { decodeFrame, encodeFrame } from '../../../../src/shared/ipc/wireFrame';

/** A minimal object shaped like Electron's ipcMain: it stores handlers and lets us invoke them. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, input: unknown) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return Promise.resolve(h(event, input));
  }
}

const workstation = createWorkstation({ shell: 'host', dataDir: '/tmp/d', version: '9.9.9' });
const seen: string[] = [];
// One registry: the real handlers, wrapped to record which transport reached them.
const dispatcher = createDispatcher({
  ...workstation.handlers,
  'app:get-info': (input, ctx) => {
    seen.push(ctx.shell);
    return workstation.handlers['app:get-info'](input, ctx);
  },
});

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => serveSocket(socket, dispatcher, workstation.hub, 'test'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function callOverWs(channel: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    ws.on('open', () => ws.send(encodeFrame({ t: 'call', id: 1, channel, input })));
    ws.on('message', (data) => {
      const m = decodeFrame(String(data));
      if (m.t === 'result') {
        ws.close();
        resolve(m.result);
      }
    });
    ws.on('error', reject);
  });
}

const top = { url: 'app://clerk/index.html', parent: null };
const trustedEvent = { sender: { id: 1 }, senderFrame: top };

describe('both transports over one handler registry', () => {
  const ipcMain = new FakeIpcMain();
  bindIpcMain(ipcMain, dispatcher, (s) => isTrustedSender(s, new Set([1])));

  it('registers every contract channel on ipcMain', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...dispatcher.channels].sort());
  });

  it('gives the same answer through ipcMain and through the WebSocket', async () => {
    seen.length = 0;
    const viaElectron = await ipcMain.invoke('app:get-info', trustedEvent, {});
    const viaHost = await callOverWs('app:get-info', {});
    expect(seen).toEqual(['electron', 'host']);
    const strip = (r: unknown) => ({ ...(r as { value: object }).value, shell: 'x' });
    expect(strip(viaElectron)).toEqual(strip(viaHost));
  });

  it('validates input the same way on both', async () => {
    const a = await ipcMain.invoke('app:get-info', trustedEvent, { bogus: true });
    const b = await callOverWs('app:get-info', { bogus: true });
    expect(a).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(b).toEqual(a);
  });

  it('refuses an untrusted sender before dispatching', async () => {
    seen.length = 0;
    const other = { sender: { id: 2 }, senderFrame: top };
    const elsewhere = {
      sender: { id: 1 },
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    const subFrame = { sender: { id: 1 }, senderFrame: { url: top.url, parent: top } };
    const noFrame = { sender: { id: 1 }, senderFrame: null };
    for (const event of [other, elsewhere, subFrame, noFrame]) {
      expect(await ipcMain.invoke('app:get-info', event, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(seen).toEqual([]);
  });

  it('forwards hub events to the WebSocket as event frames', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const scan = {
      scanId: 'e1',
      readerId: 'wedge',
      at: '2026-12-02T10:00:00-08:00',
      outcome: { ok: false as const, code: 'unreadable', message: 'Scan again.' },
    };
    const received = new Promise((resolve) => {
      ws.on('message', (data) => {
        const m = decodeFrame(String(data));
        if (m.t === 'event' && m.event === 'licence:payload-scanned') resolve(m.payload);
      });
    });
    workstation.hub.publish('licence:payload-scanned', scan);
    expect(await received).toEqual(scan);
    ws.close();
  });

  it('unbinds every channel', () => {
    const m = new FakeIpcMain();
    const unbind = bindIpcMain(m, dispatcher, () => true);
    unbind();
    expect(m.handlers.size).toBe(0);
  });
});
