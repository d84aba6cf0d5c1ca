/**
 * SANE test peers, started by the tests, never with the system configuration.
 *
 * - `testBackendConfig(dir)`: a private SANE_CONFIG_DIR with only the `test` backend, written
 *   by the workstation's own writer (src/main/devices/scanner/sane/saneConfig.ts).
 * - `startSaned(dir)`: saned on a free loopback port serving that backend, reached by the real
 *   `net` backend through SaneNetRelay. The net backend always dials port 6566 (the sane-port
 *   service in /etc/services), so the relay listens on 6566 of a random 127.x.y.z address —
 *   never colliding with a saned on 127.0.0.1:6566 — and saned listens on a free port of the
 *   same address (saned opens each scan's data port on the address the client dialled).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { writeSaneConfigDir } from '../../../src/main/devices/scanner/sane/saneConfig';

import { SaneNetRelay } from './saneNetRelay';

/** The fixed port of the SANE network protocol (sane-port in /etc/services). */
export const sanePort = 6566;

/** Writes a private config with only the test backend (10-page ADF, fault injection). */
export async function testBackendConfig(dir: string): Promise<string> {
  await writeSaneConfigDir(dir, { backends: ['test'], netHosts: [] });
  return dir;
}

/** The test backend's fault injection: every read of the scan returns this SANE_Status. */
export function injectReadStatus(
  status: 'JAMMED' | 'NO_DOCS' | 'COVER_OPEN' | 'DEVICE_BUSY' | 'ACCESS_DENIED' | 'IO_ERROR',
): string {
  return `--read-return-value=SANE_STATUS_${status}`;
}

function freePortOn(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPortOn(host: string, port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`saned did not listen on ${host}:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const randomLoopback = () => {
  const n = () => 1 + Math.floor(Math.random() * 250);
  return `127.${n()}.${n()}.${n()}`;
};

export type SanedPeer = {
  /** The loopback address the net backend dials. */
  readonly host: string;
  /** SANE_CONFIG_DIR for clients: dll.conf = net, net.conf = host. */
  readonly clientConfigDir: string;
  /** `net:<host>:test:0`. */
  readonly device: string;
  readonly relay: SaneNetRelay;
  stop(): Promise<void>;
};

/** Starts saned (test backend) and the relay; `dir` is a scratch folder for both configs. */
export async function startSaned(dir: string): Promise<SanedPeer> {
  const serverDir = await testBackendConfig(path.join(dir, 'saned-server'));
  await writeFile(path.join(serverDir, 'saned.conf'), '127.0.0.0/8\n');
  let host = '';
  let relay: SaneNetRelay | null = null;
  let port = 0;
  for (let attempt = 0; attempt < 10 && !relay; attempt += 1) {
    host = randomLoopback();
    port = await freePortOn(host);
    const candidate = new SaneNetRelay({ host, port });
    try {
      await candidate.listen(host, sanePort);
      relay = candidate;
    } catch {
      // 6566 taken on this address: try another.
    }
  }
  if (!relay) throw new Error('no loopback address with port 6566 free');
  const logFile = path.join(dir, 'saned.log');
  const saned: ChildProcess = spawn('saned', ['-l', '-b', host, '-p', String(port), '-e'], {
    env: { PATH: process.env.PATH, SANE_CONFIG_DIR: serverDir, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  saned.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await waitForPortOn(host, port);
  } catch (error) {
    saned.kill('SIGTERM');
    await relay.close();
    throw new Error(`${String(error)}\n${log}`);
  }
  const clientConfigDir = path.join(dir, 'saned-client');
  await mkdir(clientConfigDir, { recursive: true });
  await writeSaneConfigDir(clientConfigDir, { backends: ['net'], netHosts: [host] });
  const activeRelay = relay;
  return {
    host,
    clientConfigDir,
    device: `net:${host}:test:0`,
    relay: activeRelay,
    stop: async () => {
      await activeRelay.close();
      if (saned.exitCode === null) {
        const exited = new Promise((r) => saned.once('exit', r));
        saned.kill('SIGTERM');
        await exited;
      }
      await writeFile(logFile, log);
    },
  };
}
