/**
 * A reconnecting WebSocket client for the host bridge.
 *
 * Calls made while disconnected wait for the socket; calls in flight when it drops are answered
 * with an `unavailable` envelope (never left hanging), and the client reconnects with backoff.
 */
import { decodeFrame, encodeFrame } from '../../shared/ipc/wireFrame';
import type { IpcResult } from '../../shared/ipc/envelope';

type Pending = {
  resolve: (r: IpcResult<unknown>) => void;
  frame: string | Uint8Array;
  sent: boolean;
};

const unavailable: IpcResult<never> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'The workstation service is not reachable. Your work is kept; try again shortly.',
  },
};

export class WsClient {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private retryMs = 250;

  constructor(private readonly url: string) {
    this.connect();
  }

  call(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    const id = this.nextId++;
    const frame = encodeFrame({ t: 'call', id, channel, input });
    return new Promise((resolve) => {
      const entry: Pending = { resolve, frame, sent: false };
      this.pending.set(id, entry);
      this.flush();
    });
  }

  listen(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 250;
      this.flush();
    };
    socket.onmessage = (e: MessageEvent<string | ArrayBuffer>) => this.receive(e.data);
    socket.onclose = () => {
      this.socket = null;
      for (const [id, p] of this.pending) {
        if (p.sent) {
          this.pending.delete(id);
          p.resolve(unavailable);
        }
      }
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  private flush(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    for (const p of this.pending.values()) {
      if (!p.sent) {
        socket.send(p.frame);
        p.sent = true;
      }
    }
  }

  private receive(data: string | ArrayBuffer): void {
    let message;
    try {
      message = decodeFrame(data);
    } catch {
      return;
    }
    if (message.t === 'result') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      p.resolve(message.result as IpcResult<unknown>);
    } else if (message.t === 'event') {
      for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload);
    }
  }
}
