/**
 * A fault-injecting HTTP proxy on loopback, written for the sync tests (no toxiproxy here:
 * reliability-security.md §2.2). Each request gets a fault from the plan:
 * - 'pass': forwarded, reply relayed;
 * - 'drop-reply': forwarded (the server commits), then the client's connection is destroyed
 *   instead of relaying the reply — the lost-acknowledgement case;
 * - 'error-before': answered 500 without forwarding (nothing committed);
 * - 'error-after': forwarded (committed), then answered 500;
 * - 'stall': forwarded (committed), then the reply is held for `stallMs` (past the client's
 *   timeout) and the connection destroyed.
 * Faults come from a seeded PRNG so a failing schedule replays exactly.
 */
import http from 'node:http';

import { seededRandom } from './seededRandom';

export { seededRandom };

export type Fault = 'pass' | 'drop-reply' | 'error-before' | 'error-after' | 'stall';

export type FaultRates = Partial<Record<Exclude<Fault, 'pass'>, number>>;

export type FaultProxy = {
  readonly port: number;
  readonly url: string;
  /** How many requests got each fault. */
  readonly stats: Record<Fault, number>;
  /** Turns faults off (the final heal phase) or on again. */
  setEnabled(on: boolean): void;
  /**
   * While down, every connection is closed at once without forwarding anything, as if the
   * registry could not be reached at all (the "queued offline" phase). Not counted in `stats`.
   */
  setDown(down: boolean): void;
  /** How many requests or connections were closed unanswered while down. */
  refusedWhileDown(): number;
  close(): Promise<void>;
};

export type FaultProxyOptions = {
  readonly targetPort: number;
  readonly rates: FaultRates;
  readonly seed: number;
  /** How long a stalled reply is held before the connection is dropped (ms). */
  readonly stallMs: number;
  /** Only requests for which this returns true get faults (default: all). */
  readonly applies?: (method: string, url: string) => boolean;
  /** Told the fault each request got (e.g. to count faults per route). */
  readonly onFault?: (fault: Fault, method: string, url: string) => void;
};

function pickFault(rates: FaultRates, r: number): Fault {
  let acc = 0;
  for (const [fault, rate] of Object.entries(rates) as [Fault, number][]) {
    acc += rate;
    if (r < acc) return fault;
  }
  return 'pass';
}

/** Starts the proxy on a free loopback port in front of 127.0.0.1:targetPort. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const stats: Record<Fault, number> = {
    pass: 0,
    'drop-reply': 0,
    'error-before': 0,
    'error-after': 0,
    stall: 0,
  };
  let enabled = true;
  let down = false;
  let refused = 0;
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    if (down) {
      refused += 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const eligible = enabled && (options.applies?.(req.method ?? 'GET', req.url ?? '/') ?? true);
      const fault = eligible ? pickFault(options.rates, random()) : 'pass';
      stats[fault] += 1;
      options.onFault?.(fault, req.method ?? 'GET', req.url ?? '/');
      if (fault === 'error-before') {
        res.writeHead(500, { 'content-type': 'application/json', connection: 'close' });
        res.end('{"error":{"code":"proxy","message":"injected 500 before forwarding"}}');
        return;
      }
      const headers = { ...req.headers, host: `127.0.0.1:${options.targetPort}` };
      const upstream = http.request(
        { host: '127.0.0.1', port: options.targetPort, method: req.method, path: req.url, headers },
        (up) => {
          const back: Buffer[] = [];
          up.on('data', (c: Buffer) => back.push(c));
          up.on('end', () => {
            if (fault === 'drop-reply') {
              req.socket.destroy();
            } else if (fault === 'error-after') {
              res.writeHead(500, { 'content-type': 'application/json', connection: 'close' });
              res.end('{"error":{"code":"proxy","message":"injected 500 after commit"}}');
            } else if (fault === 'stall') {
              const t = setTimeout(() => {
                timers.delete(t);
                req.socket.destroy();
              }, options.stallMs);
              timers.add(t);
            } else {
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(Buffer.concat(back));
            }
          });
        },
      );
      upstream.on('error', () => {
        // The target is down (e.g. being restarted): behave like a refused connection.
        req.socket.destroy();
      });
      upstream.end(body);
    });
  });
  server.on('connection', (socket) => {
    if (!down) return;
    refused += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    stats,
    setEnabled(on: boolean) {
      enabled = on;
    },
    setDown(on: boolean) {
      down = on;
    },
    refusedWhileDown: () => refused,
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
