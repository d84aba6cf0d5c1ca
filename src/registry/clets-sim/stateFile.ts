/**
 * The simulator's memory: an append-only JSON-lines file, one line per answered message
 * (`{"mid","hash","line","effects","at"}`), written BEFORE the answer goes out. Replaying the
 * lines rebuilds the records on file and the answers by message id, so a restarted simulator
 * answers a resend exactly as before and never enters an order twice.
 *
 * A crash can leave a torn last line; loading drops it (its answer was never sent, because the
 * line is written first) and truncates the file to the last whole line.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

import { applyEffects, emptyState, type Effect, type SimState } from './engine';

/** One line of the state file. */
export type StoredMessage = {
  readonly mid: string;
  readonly hash: string;
  readonly line: string;
  readonly effects: readonly Effect[];
  readonly at: string;
};

/** Rebuilds the state from the file's text; returns it and the byte length of the whole lines. */
export function replay(text: string): { state: SimState; goodBytes: number; dropped: number } {
  const state = emptyState();
  let goodBytes = 0;
  let dropped = 0;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineBytes = Buffer.byteLength(raw) + 1;
    const complete = offset + lineBytes <= Buffer.byteLength(text);
    offset += lineBytes;
    if (raw.trim() === '') {
      if (complete) goodBytes = offset;
      continue;
    }
    let entry: StoredMessage;
    try {
      entry = JSON.parse(raw) as StoredMessage;
    } catch {
      dropped += 1;
      break; // torn tail: stop here
    }
    if (!complete) {
      dropped += 1;
      break;
    }
    state.answers.set(entry.mid, { hash: entry.hash, line: entry.line });
    state.counters.messages += 1;
    if (entry.line.startsWith('ACK')) state.counters.acks += 1;
    else {
      const code = entry.line.split(' ')[2] as keyof SimState['counters']['rejects'];
      state.counters.rejects[code] = (state.counters.rejects[code] ?? 0) + 1;
    }
    applyEffects(state, entry.mid, entry.effects);
    goodBytes = offset;
  }
  return { state, goodBytes, dropped };
}

/** The open state file. */
export class StateFile {
  private fd: number;

  private constructor(
    readonly file: string,
    fd: number,
    private readonly fsync: boolean,
  ) {
    this.fd = fd;
  }

  /** Opens (creating) the file and replays it. */
  static open(
    file: string,
    options: { fsync?: boolean } = {},
  ): { store: StateFile; state: SimState; dropped: number } {
    mkdirSync(path.dirname(file), { recursive: true });
    let state: SimState;
    let dropped = 0;
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      const result = replay(text);
      state = result.state;
      dropped = result.dropped;
      if (result.goodBytes < Buffer.byteLength(text)) truncateSync(file, result.goodBytes);
    } else {
      state = emptyState();
    }
    const fd = openSync(file, 'a');
    return { store: new StateFile(file, fd, options.fsync ?? false), state, dropped };
  }

  /** Appends one answered message (synchronously, so it is on disk before the answer is sent). */
  append(entry: StoredMessage): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    if (this.fsync) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
