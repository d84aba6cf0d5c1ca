/**
 * IPC round trip through the host shell (token, frame codec, dispatcher with zod validation
 * both ways) against a bare WebSocket echo of the same message on the same machine.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { WebSocket, WebSocketServer } from 'ws';

import { startHost } from '../../src/host/server';
import { createWorkstation } from '../../src/main/workstation';
import { decodeFrame, encodeFrame } from '../../src/shared/ipc/wireFrame';
import { timeMs } from '../harness';
import type { BenchCase } from '../harness';

const rounds = 2000;

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: origin ? { Origin: origin } : {} });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends a frame and waits for the next message. */
function roundTrip(ws: WebSocket, frame: string): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(decodeFrame(String(data))));
    ws.send(frame);
  });
}

export const cases: BenchCase[] = [
  {
    name: 'ipc round trip via host (app:get-info)',
    unit: 'ms',
    better: 'lower',
    async run() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-host-'));
      await writeFile(path.join(dir, 'index.html'), '<script src="x.js"></script>');
      await writeFile(path.join(dir, 'bridge.js'), '');
      const workstation = createWorkstation({ shell: 'host', dataDir: dir, version: '0.0.0' });
      const host = await startHost({
        port: 0,
        rendererDir: dir,
        bridgeFile: path.join(dir, 'bridge.js'),
        workstation,
      });
      const client = await connect(
        `ws://127.0.0.1:${host.port}/__host/ws?token=${host.token}`,
        `http://127.0.0.1:${host.port}`,
      );
      const frame = String(encodeFrame({ t: 'call', id: 1, channel: 'app:get-info', input: {} }));
      const reply = String(
        encodeFrame({ t: 'result', id: 1, result: await roundTrip(client, frame) }),
      );

      const echoServer = http.createServer();
      const wss = new WebSocketServer({ server: echoServer });
      wss.on('connection', (s) => s.on('message', () => s.send(reply)));
      await new Promise<void>((r) => echoServer.listen(0, '127.0.0.1', r));
      const echo = await connect(`ws://127.0.0.1:${(echoServer.address() as AddressInfo).port}/`);

      await timeMs(200, () => roundTrip(client, frame)); // warm-up
      await timeMs(200, () => roundTrip(echo, frame));
      const values = await timeMs(rounds, () => roundTrip(client, frame));
      const floor = await timeMs(rounds, () => roundTrip(echo, frame));
      client.close();
      echo.close();
      echoServer.closeAllConnections();
      echoServer.close();
      wss.close();
      await host.close();
      return { values, floor };
    },
  },
];
