/**
 * For hostKill.test.ts: the workstation's host as a child process (hostChild.ts) that can be
 * SIGKILLed and started again on the same port and data folder, and the page's side of the
 * host's WebSocket — the same frames the bridge sends (token in the URL, our own Origin) — with
 * the SyncPort the renderer's SyncEngine drives over it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { WebSocket } from 'ws';

import type { SyncPort } from '../../../src/renderer/features/sync/syncPort';
import type {
  PullResult,
  PushBatchResult,
  UploadPageResult,
} from '../../../src/shared/ipc/contracts/sync';
import { decodeFrame, encodeFrame } from '../../../src/shared/ipc/wireFrame';

const root = path.resolve(__dirname, '../../..');
const entry = path.join(__dirname, 'hostChild.ts');

export type HostProcessOptions = {
  readonly port: number;
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly registryUrl: string;
  readonly enrolCode: string;
  readonly courtOri: string;
};

/** One host child at a time on a fixed port and data folder. */
export class HostProcess {
  private child: ChildProcess | null = null;
  private errTail = '';

  constructor(private readonly options: HostProcessOptions) {}

  /** Starts the host; resolves with the socket token once it serves. */
  start(): Promise<string> {
    const o = this.options;
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOST_DATA_DIR: o.dataDir,
        HOST_PORT: String(o.port),
        HOST_RENDERER_DIR: o.rendererDir,
        CLERK_REGISTRY_URL: o.registryUrl,
        CLERK_ENROL_CODE: o.enrolCode,
        CLERK_COURT_ORI: o.courtOri,
      },
    });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => (this.errTail = (this.errTail + d).slice(-4000)));
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const token = /^Token ([0-9a-f]+)$/m.exec(out)?.[1];
        if (token && out.includes(`Listening on http://127.0.0.1:${o.port}/`)) resolve(token);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`the host exited (${code ?? signal}) before serving: ${this.errTail}`)),
      );
    });
  }

  /** SIGKILL, and wait until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await gone;
  }

  /** What the host wrote to stderr lately (for failure messages). */
  stderrTail(): string {
    return this.errTail;
  }
}

type Pending = {
  readonly channel: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
};

/** The page's connection to the host: calls fail at once while it is down or signed out. */
export class HostLink {
  private socket: WebSocket | null = null;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private swallow: { channel: string; arrived(): void } | null = null;

  /**
   * The next answer on `channel` is not delivered (the call keeps waiting, as if the host had
   * died just before sending it); resolves when that answer has come in.
   */
  swallowNext(channel: string): Promise<void> {
    return new Promise((arrived) => (this.swallow = { channel, arrived }));
  }

  /** True while a call on `channel` waits for its answer. */
  waiting(channel: string): boolean {
    return [...this.pending.values()].some((p) => p.channel === channel);
  }

  /** Opens the socket as the page does, then signs in; returns the session view. */
  async connect(port: number, token: string, username: string, password: string) {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/__host/ws?token=${token}`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer, isBinary) => {
      const message = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      if (message.t !== 'result') return;
      const p = this.pending.get(message.id);
      if (!p) return;
      if (this.swallow?.channel === p.channel) {
        this.swallow.arrived();
        this.swallow = null;
        return;
      }
      this.pending.delete(message.id);
      const r = message.result as { ok: boolean; value?: unknown; error?: { message: string } };
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(`${p.channel}: ${r.error?.message ?? 'refused'}`));
    });
    // A socket from before a restart may report its close late: it must not drop the new one.
    socket.on('close', () => {
      if (this.socket === socket) this.drop();
    });
    socket.on('error', () => undefined); // a close follows
    this.socket = socket;
    const session = (await this.send('auth:sign-in', { username, password })) as {
      state: string;
      user: { userId: string; username: string; displayName: string; role: 'clerk' } | null;
      actorSeal?: string;
    };
    if (session.state !== 'active' || !session.user) {
      throw new Error(`sign-in over the host socket failed: ${JSON.stringify(session)}`);
    }
    this.ready = true;
    return session;
  }

  /** The host went away: every waiting call fails (outcome unknown), as the bridge does. */
  drop(): void {
    this.ready = false;
    this.swallow = null;
    this.socket?.terminate();
    this.socket = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error('The workstation service is not reachable (host connection closed).'));
    }
  }

  /** One call through the contract; refused while the host is down or not signed in. */
  call<T>(channel: string, input: unknown): Promise<T> {
    if (!this.ready) {
      return Promise.reject(new Error('The workstation service is not reachable (host down).'));
    }
    return this.send(channel, input) as Promise<T>;
  }

  private send(channel: string, input: unknown): Promise<unknown> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('The workstation service is not reachable (no socket).'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { channel, resolve, reject });
      socket.send(encodeFrame({ t: 'call', id, channel, input }));
    });
  }

  /** The renderer's SyncPort over this connection (as clerkSyncPort over the bridge). */
  syncPort(): SyncPort {
    return {
      pushBatch: (rows) => this.call<PushBatchResult>('sync:push-batch', { rows: [...rows] }),
      uploadPage: (bytes, sha256) =>
        this.call<UploadPageResult>('sync:upload-page', sha256 ? { bytes, sha256 } : { bytes }),
      pullChanges: (cursor, limit) => this.call<PullResult>('sync:pull-changes', { cursor, limit }),
    };
  }
}
