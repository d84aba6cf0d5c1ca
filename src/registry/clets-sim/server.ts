/**
 * The CLETS simulator's TCP side: the message port (line protocol, protocol.ts) and the control
 * port (one command per line, faults.ts), both on loopback only.
 *
 * Every message is decided and written to the state file synchronously on receipt, so answers go
 * out in order and a crash after the write loses nothing; only the writing of the answer is
 * delayed (DELAY) or skipped (DROP … AFTER).
 */
import net from 'node:net';

import { processMessage, type SimState } from './engine';
import { CONTROL_HELP, noFaults, parseControl, type Faults } from './faults';
import { GREETING, MAX_LINE_BYTES, parseRequestHeader } from './protocol';
import { StateFile } from './stateFile';

/** Options for {@link startSimulator}. */
export type SimulatorOptions = {
  /** Message port (0 = any free port). */
  readonly port: number;
  /** Control port (0 = any free port). */
  readonly controlPort: number;
  /** The JSON-lines state file (created if missing). */
  readonly stateFile: string;
  readonly fsync?: boolean;
  readonly faults?: Partial<Faults>;
  readonly log?: (line: string) => void;
  /** Clock for FCN dates (tests). */
  readonly now?: () => Date;
};

/** A running simulator. */
export type RunningSimulator = {
  readonly port: number;
  readonly controlPort: number;
  readonly state: SimState;
  readonly faults: Faults;
  /** Runs one control line; returns the answer line (`OK …` or `ERR …`). */
  control(line: string): string;
  close(): Promise<void>;
};

/** Splits a socket's data into lines; calls `onLine` for each and `onTooLong` on overflow. */
function lineReader(socket: net.Socket, onLine: (line: string) => void, onTooLong: () => void) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      onLine(line);
      if (socket.destroyed) return;
      nl = buffer.indexOf('\n');
    }
    if (buffer.length > MAX_LINE_BYTES) onTooLong();
  });
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Starts the simulator; resolves once both ports listen. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const opened = StateFile.open(options.stateFile, { fsync: options.fsync ?? false });
  const { store, state } = opened;
  if (opened.dropped > 0)
    log(`[clets-sim] dropped ${opened.dropped} torn line(s) at the end of the state file`);
  const faults: Faults = { ...noFaults(), ...options.faults };
  const clients = new Set<net.Socket>();
  let received = 0;
  let drops = 0;
  let connections = 0;
  let upTimer: NodeJS.Timeout | undefined;

  function handleMessage(socket: net.Socket, messageId: string, lines: string[]): void {
    received += 1;
    const dropHere = faults.dropEvery > 0 && received % faults.dropEvery === 0;
    if (dropHere && faults.dropMode === 'before') {
      drops += 1;
      socket.destroy();
      return;
    }
    const result = processMessage(state, messageId, lines, faults.rules, now());
    if (result.store) {
      store.append({
        mid: messageId,
        hash: result.store.hash,
        line: result.line,
        effects: result.store.effects,
        at: now().toISOString(),
      });
    }
    if (dropHere) {
      drops += 1;
      socket.destroy();
      return;
    }
    const write = () => {
      if (!socket.destroyed) socket.write(`${result.line}\n`);
    };
    if (faults.delayMs > 0) setTimeout(write, faults.delayMs).unref();
    else write();
  }

  const server = net.createServer((socket) => {
    if (faults.downUntil > Date.now()) {
      socket.destroy();
      return;
    }
    connections += 1;
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => undefined);
    socket.write(`${GREETING}\n`);
    let pending: { messageId: string; count: number; lines: string[] } | null = null;
    const fail = (text: string) => {
      socket.end(`ERR ${text}\n`);
      socket.destroy();
    };
    lineReader(
      socket,
      (line) => {
        if (pending) {
          pending.lines.push(line);
          if (pending.lines.length === pending.count) {
            const { messageId, lines } = pending;
            pending = null;
            handleMessage(socket, messageId, lines);
          }
          return;
        }
        if (line === '') return;
        if (line.startsWith('PING')) {
          socket.write(`PONG${line.slice(4)}\n`);
          return;
        }
        const header = parseRequestHeader(line);
        if (!header) {
          fail(`expected "MSG <message-id> <record-count>" or "PING", got "${line.slice(0, 60)}"`);
          return;
        }
        pending = { ...header, lines: [] };
      },
      () => fail(`line longer than ${MAX_LINE_BYTES} bytes`),
    );
  });
  server.maxConnections = 64;
  const port = await listen(server, options.port);

  function dropAll(): number {
    const n = clients.size;
    for (const c of clients) c.destroy();
    return n;
  }

  function goUp(): void {
    if (upTimer) clearTimeout(upTimer);
    upTimer = undefined;
    faults.downUntil = 0;
    if (!server.listening) {
      listen(server, port).catch((e: Error) =>
        log(`[clets-sim] cannot listen again on ${port}: ${e.message}`),
      );
    }
  }

  function control(line: string): string {
    try {
      const c = parseControl(line);
      switch (c.cmd) {
        case 'delay':
          faults.delayMs = c.ms;
          return `OK delay ${c.ms} ms`;
        case 'drop-now':
          drops += clients.size;
          return `OK dropped ${dropAll()} connection(s)`;
        case 'drop-every':
          faults.dropEvery = c.every;
          faults.dropMode = c.mode;
          return `OK drop every ${c.every} (${c.mode})`;
        case 'down':
          faults.downUntil = c.ms === null ? Number.POSITIVE_INFINITY : Date.now() + c.ms;
          if (server.listening) server.close();
          dropAll();
          if (upTimer) clearTimeout(upTimer);
          upTimer = c.ms === null ? undefined : setTimeout(goUp, c.ms);
          return c.ms === null ? 'OK down until UP' : `OK down for ${c.ms} ms`;
        case 'up':
          goUp();
          return 'OK up';
        case 'reject':
          faults.rules.push(c.rule);
          return `OK reject ${c.rule.tag} containing "${c.rule.contains}"`;
        case 'reject-clear':
          faults.rules = [];
          return 'OK reject rules cleared';
        case 'reset':
          Object.assign(faults, noFaults());
          goUp();
          return 'OK faults off';
        case 'stats':
          return `OK ${JSON.stringify({
            ...state.counters,
            onFile: [...state.records.values()].filter((r) => r.state === 'active').length,
            records: state.records.size,
            received,
            drops,
            connections,
            clients: clients.size,
            down: faults.downUntil > Date.now(),
          })}`;
        case 'records':
          return `OK ${JSON.stringify([...state.records.values()])}`;
        case 'help':
          return `OK ${CONTROL_HELP.join(' | ')}`;
      }
    } catch (e) {
      return `ERR ${(e as Error).message}`;
    }
  }

  const controlClients = new Set<net.Socket>();
  const controlServer = net.createServer((socket) => {
    controlClients.add(socket);
    socket.on('close', () => controlClients.delete(socket));
    socket.on('error', () => undefined);
    lineReader(
      socket,
      (line) => {
        if (line.trim() === '') return;
        socket.write(`${control(line)}\n`);
      },
      () => socket.destroy(),
    );
  });
  const controlPort = await listen(controlServer, options.controlPort);
  log(
    `[clets-sim] state ${options.stateFile}: ${state.records.size} record(s), ${state.answers.size} answer(s)`,
  );

  return {
    port,
    controlPort,
    state,
    faults,
    control,
    async close(): Promise<void> {
      if (upTimer) clearTimeout(upTimer);
      dropAll();
      for (const c of controlClients) c.destroy();
      await Promise.all([
        new Promise<void>((r) => (server.listening ? server.close(() => r()) : r())),
        new Promise<void>((r) => controlServer.close(() => r())),
      ]);
      store.close();
    },
  };
}
