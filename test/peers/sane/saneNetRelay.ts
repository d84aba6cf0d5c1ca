/**
 * A TCP relay that speaks the SANE network protocol just enough to inject a device fault.
 *
 * The `test` backend can only fail every read of a scan (`--read-return-value`), never "the 4th
 * sheet jams". So the jam-on-page-4 test runs the real chain scanimage → net backend → this
 * relay → saned → test backend, and the relay answers the client's Nth `SANE_NET_START` with a
 * status (SANE_STATUS_JAMMED) instead of forwarding it — exactly what a feeder scanner's
 * `sane_start` returns when the next sheet jams. Everything else passes through byte for byte.
 *
 * Wire rules (sane-backends sanei_wire.c / sanei_net.c, devices.md §2.2): 32-bit big-endian
 * words; a string is a word length (with NUL) then bytes; an array is a word count then
 * elements. Requests are a procedure number followed by its arguments; the protocol is strict
 * request/reply, so when the client sends START every earlier reply has already reached it.
 */
import net from 'node:net';

/** SANE_Status values the relay can inject. */
export const saneStatus = {
  jammed: 6,
  noDocs: 7,
  coverOpen: 8,
  deviceBusy: 3,
  ioError: 9,
} as const;

export type RelayFault = { readonly atStart: number; readonly status: number };

const P = { INIT: 0, GET_DEVICES: 1, OPEN: 2, CLOSE: 3, GET_OPTION_DESCRIPTORS: 4 } as const;
const CONTROL_OPTION = 5;
const START = 7;
const AUTHORIZE = 9;
const EXIT = 10;
const SET_AUTO = 2;

/** Length of the request at the start of `buf`, or null if it is not all there yet. */
export function requestLength(buf: Buffer): number | null {
  let at = 0;
  const word = (): number | null => {
    if (at + 4 > buf.length) return null;
    const v = buf.readUInt32BE(at);
    at += 4;
    return v;
  };
  const bytes = (n: number): boolean => {
    if (at + n > buf.length) return false;
    at += n;
    return true;
  };
  const string = (): boolean => {
    const len = word();
    return len !== null && bytes(len);
  };
  const proc = word();
  if (proc === null) return null;
  switch (proc) {
    case P.INIT:
      return word() !== null && string() ? at : null;
    case P.GET_DEVICES:
    case EXIT:
      return at;
    case P.OPEN:
      return string() ? at : null;
    case CONTROL_OPTION: {
      if (word() === null || word() === null) return null;
      const action = word();
      if (action === null) return null;
      if (action === SET_AUTO) return at; // protocol version 3: no value
      const type = word();
      if (type === null || word() === null) return null;
      const count = word();
      if (count === null) return null;
      const size = type === 3 ? 1 : type <= 2 ? 4 : 0;
      return bytes(count * size) ? at : null;
    }
    case AUTHORIZE:
      return string() && string() && string() ? at : null;
    default:
      // CLOSE, GET_OPTION_DESCRIPTORS, GET_PARAMETERS, START, CANCEL: one handle word.
      return word() !== null ? at : null;
  }
}

/** The relay: listen on host:6566 (the net backend's fixed port), forward to saned. */
export class SaneNetRelay {
  fault: RelayFault | null = null;
  /** START requests seen on the current connection, for tests to check. */
  starts = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { readonly host: string; readonly port: number }) {
    this.server = net.createServer((client) => this.connect(client));
  }

  listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    this.starts = 0;
    let pending = Buffer.alloc(0);
    let transparent = false;
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (transparent) {
        upstream.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (pending.length < 4) return;
        const proc = pending.readUInt32BE(0);
        if (proc > EXIT) {
          // Unknown request: stop parsing and relay the rest untouched.
          transparent = true;
          upstream.write(pending);
          pending = Buffer.alloc(0);
          return;
        }
        const len = requestLength(pending);
        if (len === null) return;
        const request = pending.subarray(0, len);
        pending = pending.subarray(len);
        if (proc === START) {
          this.starts += 1;
          const fault = this.fault;
          if (fault && this.starts === fault.atStart) {
            // SANE_Start_Reply: status, port, byte_order, resource_to_authorize (NULL string).
            const reply = Buffer.alloc(16);
            reply.writeUInt32BE(fault.status, 0);
            reply.writeUInt32BE(0, 4);
            reply.writeUInt32BE(0x1234, 8);
            reply.writeUInt32BE(0, 12);
            client.write(reply);
            continue;
          }
        }
        upstream.write(request);
      }
    });
  }
}
