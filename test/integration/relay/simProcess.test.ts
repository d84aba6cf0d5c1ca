/**
 * The CLETS simulator as its own process, over real loopback TCP: the line protocol end to end,
 * idempotency by message id across a SIGKILL and restart (state file), duplicate on file, and
 * the control port's faults (DELAY, DROP NOW, DROP EVERY BEFORE/AFTER, DOWN/UP, REJECT).
 */
import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { simControl, simStats } from '../../../src/registry/clets-sim/control';
import { formatRequest, GREETING } from '../../../src/registry/clets-sim/protocol';
import { CletsClient } from '../../../src/registry/relay/cletsClient';
import { encodeRecord } from '../../../src/shared/clets';
import { orderSchema, orderToCletsRecords } from '../../../src/shared/orders';

import { scratch, startSimProcess, type SimProcess } from './harness';
import { relayOrder } from './orders';

const tmp = scratch('ccpor-sim-process-');
const stateFile = `${tmp.dir}/state.jsonl`;
let sim: SimProcess;

/** The EPO lines of relay order `i` (one per protected person). */
function entry(i: number): string[] {
  const order = orderSchema.parse(relayOrder(i, { tag: 41, served: false }));
  return orderToCletsRecords(order, 'issued').map((r) =>
    encodeRecord([{ tag: 'MKE', value: 'EPO' }, ...r]),
  );
}

/** A raw connection that collects answer lines. */
function raw(
  port: number,
): Promise<{ socket: net.Socket; lines: string[]; next(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const lines: string[] = [];
    let buffer = '';
    let waiter: (() => void) | null = null;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
      }
      waiter?.();
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        lines,
        async next() {
          while (lines.length === 0) await new Promise<void>((r) => (waiter = r));
          return lines.shift() as string;
        },
      }),
    );
  });
}

/** Sends until answered, as the relay does: an answer lost with a connection is resent. */
async function answerOf(client: CletsClient, messageId: string, lines: string[]) {
  for (let i = 0; i < 50; i += 1) {
    const answer = (await client.sendAll([{ messageId, lines }])).get(messageId);
    if (answer) return { answer, attempts: i + 1 };
  }
  throw new Error(`no answer for ${messageId}`);
}

beforeAll(async () => {
  sim = await startSimProcess(stateFile);
});

afterAll(async () => {
  await sim?.kill();
  tmp.cleanup();
});

describe('CLETS simulator process', () => {
  it('greets, answers MSG with one FCN per record and PING with PONG, and refuses a broken frame', async () => {
    const c = await raw(sim.port);
    expect(await c.next()).toBe(GREETING);
    c.socket.write(formatRequest('t1-a', entry(1)));
    expect(await c.next()).toMatch(/^ACK t1-a \d{13} \d{13}$/);
    c.socket.write('PING 42\n');
    expect(await c.next()).toBe('PONG 42');
    c.socket.write('HELLO THERE\n');
    expect(await c.next()).toMatch(/^ERR expected "MSG <message-id> <record-count>"/);
    await new Promise((r) => c.socket.once('close', r));
  });

  it('answers a resend with the original answer after a SIGKILL and restart; a new id for the same entry is a duplicate', async () => {
    const c = await raw(sim.port);
    await c.next();
    c.socket.write(formatRequest('t2-a', entry(2)));
    const first = await c.next();
    expect(first).toMatch(/^ACK t2-a \d{13} \d{13}$/);
    c.socket.destroy();

    await sim.kill('SIGKILL');
    sim = await startSimProcess(stateFile, { port: sim.port, controlPort: sim.controlPort });
    const d = await raw(sim.port);
    await d.next();
    d.socket.write(formatRequest('t2-a', entry(2)));
    expect(await d.next()).toBe(first);
    d.socket.write(formatRequest('t2-b', entry(2)));
    const fcn = first.split(' ')[2];
    expect(await d.next()).toBe(
      `REJ t2-b DUP 1 PNO duplicate on file as FCN ${fcn} (same ORI, PNO and PPN)`,
    );
    d.socket.write(formatRequest('t2-a', entry(3)));
    expect(await d.next()).toBe(
      'REJ t2-a IDM 0 - message id already used for a different message; send a new id',
    );
    d.socket.destroy();
    expect(await simStats(sim.controlPort)).toMatchObject({ entries: 4, resends: 1 });
  });

  it('rejects a record by an injected rule and validates fields by the NCIC tag table', async () => {
    await simControl(sim.controlPort, 'REJECT PPN EMMA');
    const c = await raw(sim.port);
    await c.next();
    c.socket.write(formatRequest('t3-a', entry(4)));
    expect(await c.next()).toMatch(
      /^REJ t3-a INV 2 PPN PPN \(Protected person name\) value "PARKER, EMMA ROSE" is not accepted$/,
    );
    await simControl(sim.controlPort, 'REJECT CLEAR');
    const bad = entry(5).map((l) => l.replace('SEX/M.', 'SEX/Q.'));
    c.socket.write(formatRequest('t3-b', bad));
    expect(await c.next()).toBe(
      'REJ t3-b INV 1 SEX SEX (Sex of the restrained person) "Q" is not one of M, F, U',
    );
    c.socket.destroy();
    await expect(simControl(sim.controlPort, 'REJECT NAM')).rejects.toThrow(
      /Use REJECT <TAG> <text>/,
    );
  });

  it('can delay answers, drop connections and be down for a period', async () => {
    const client = new CletsClient({
      host: '127.0.0.1',
      port: sim.port,
      backoff: { baseMs: 20, capMs: 100 },
      answerTimeoutMs: 5_000,
    });
    try {
      // An answer held longer than the client waits is indeterminate; the resend gets it.
      await simControl(sim.controlPort, 'DELAY 2000');
      const slow = new CletsClient({ host: '127.0.0.1', port: sim.port, answerTimeoutMs: 200 });
      try {
        expect((await slow.sendAll([{ messageId: 't4-a', lines: entry(6) }])).size).toBe(0);
        await simControl(sim.controlPort, 'DELAY 0');
        expect((await answerOf(slow, 't4-a', entry(6))).answer.kind).toBe('ACK');
      } finally {
        slow.close();
      }

      // Every 2nd message is processed but its answer lost: the resend gets the stored answer.
      const s0 = await simStats(sim.controlPort);
      await simControl(sim.controlPort, 'DROP EVERY 2 AFTER');
      const msgs = [7, 8, 9].map((i) => ({ messageId: `t4-${i}`, lines: entry(i) }));
      const partial = await client.sendAll(msgs);
      expect(partial.size).toBeLessThan(3);
      await simControl(sim.controlPort, 'DROP EVERY 0');
      for (const m of msgs.filter((x) => !partial.has(x.messageId))) {
        partial.set(m.messageId, (await answerOf(client, m.messageId, m.lines)).answer);
      }
      expect([...partial.values()].map((a) => a.kind)).toEqual(['ACK', 'ACK', 'ACK']);
      const s1 = await simStats(sim.controlPort);
      expect(s1.entries).toBe((s0.entries as number) + 6); // each entered once
      expect(s1.resends as number).toBeGreaterThan(s0.resends as number);

      // DROP … BEFORE loses the message unprocessed: nothing is filed for it.
      await simControl(sim.controlPort, 'DROP EVERY 1 BEFORE');
      const lost = await client.sendAll([{ messageId: 't4-10', lines: entry(10) }]);
      expect(lost.size).toBe(0);
      await simControl(sim.controlPort, 'DROP EVERY 0');
      const before = await simStats(sim.controlPort);
      expect(before.entries).toBe(s1.entries);

      await simControl(sim.controlPort, 'DOWN 1500');
      expect(await simStats(sim.controlPort)).toMatchObject({ down: true });
      await expect(raw(sim.port)).rejects.toThrow(/ECONNREFUSED/);
      expect((await answerOf(client, 't4-10', entry(10))).answer.kind).toBe('ACK');
      const stats = await simStats(sim.controlPort);
      expect(stats.entries).toBe((before.entries as number) + 2);
      expect(stats.down).toBe(false);

      // DROP NOW closes the open connection; the client reconnects on its next send.
      expect(await simControl(sim.controlPort, 'DROP NOW')).toMatch(/^dropped [1-9]\d* connection/);
      expect((await answerOf(client, 't4-11', entry(11))).answer.kind).toBe('ACK');
    } finally {
      client.close();
    }
  });

  it('refuses unknown control commands with advice', async () => {
    await expect(simControl(sim.controlPort, 'EXPLODE')).rejects.toThrow(
      /Unknown control command "EXPLODE"; send HELP for the list/,
    );
    await expect(simControl(sim.controlPort, 'DELAY soon')).rejects.toThrow(
      /DELAY needs a whole number/,
    );
  });
});
