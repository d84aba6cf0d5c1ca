/**
 * Acceptance (issue 7, reliability-security.md A-3): the registry process is killed with SIGKILL
 * at 10 random points during a push run and restarted on the same store; the client keeps
 * retrying. Result: 0 lost, 0 duplicated, the device's lastSeq equals the number of mutations,
 * every stored payload hash equals the submitted one. Runs the real CLI (`npm run registry`)
 * as a child process on both backends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { drainOutbox } from '../../../src/registry/client/drain';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { openDatabase } from '../../../src/registry/db/open';
import { seededRandom } from '../../helpers/faultProxy';
import { freePort } from '../../helpers/ports';

import { ADMIN_CODE, BACKENDS, freshDatabase, stopCluster } from './env';
import { COURT_A, makeOrder, submit } from './fixtures';
import { MemoryOutbox } from './memoryOutbox';

afterAll(stopCluster);

const root = path.resolve(__dirname, '../../..');

type Store = { dataDir?: string; databaseUrl?: string };

/** Starts `npm run registry`'s entry point; resolves once it prints its listening line. */
function startRegistryProcess(port: number, store: Store): Promise<ChildProcess> {
  const args = [
    '--import',
    'tsx',
    'src/registry/cli.ts',
    '--port',
    String(port),
    '--admin-code',
    ADMIN_CODE,
  ];
  if (store.databaseUrl) args.push('--database-url', store.databaseUrl);
  else if (store.dataDir) args.push('--data-dir', store.dataDir);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`Registry listening on http://127.0.0.1:${port}/`)) resolve(child);
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      reject(new Error(`registry exited (${code}) before listening: ${err}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );

describe.each(BACKENDS)('registry SIGKILLed 10 times during a push on %s', (backend) => {
  it('loses nothing and duplicates nothing', async () => {
    const fresh = await freshDatabase(backend);
    const store: Store = { dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl };
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}/`;
    let child = await startRegistryProcess(port, store);
    const enrolment = await new RegistryClient({ baseUrl }).enrol(ADMIN_CODE, COURT_A, 'kill test');

    const total = 400;
    const batchSize = 10;
    const outbox = new MemoryOutbox();
    const hashes = new Map<string, string>();
    for (let i = 1; i <= total; i += 1) {
      const order = makeOrder(i, { tag: 900 });
      const m = await submit(enrolment.deviceId, i, order);
      hashes.set(String(order.id), m.payloadHash);
      outbox.add(m);
    }
    // Once a kill point is reached, the next push to start fires the kill (see the killer).
    let armed: (() => void) | null = null;
    const client = new RegistryClient({
      baseUrl,
      credential: enrolment.credential,
      timeoutMs: 5_000,
      backoff: { baseMs: 50, capMs: 400 },
      random: seededRandom(9),
      fetch: (input, init) => {
        if (armed && String(input).includes('/v1/mutations')) {
          const fire = armed;
          armed = null;
          fire();
        }
        return fetch(input, init);
      },
    });

    // Kill points: 10 random progress marks (acknowledged orders). At each, the kill comes a
    // random 0–30 ms after the next push starts, so it lands inside a batch's transaction, after
    // its commit or between batches; tying it to a push (not to a delay after the mark) means
    // the drain cannot finish before all 10 kills, however fast the registry is.
    const rnd = seededRandom(backend === 'pglite' ? 11 : 12);
    const marks = Array.from(
      { length: 10 },
      () => Math.floor(rnd() * (total - 4 * batchSize)) + batchSize,
    ).sort((a, b) => a - b);
    let kills = 0;
    let draining = true;
    const killer = (async () => {
      for (const mark of marks) {
        while (draining && outbox.count('acknowledged') < mark)
          await new Promise((r) => setTimeout(r, 5));
        if (!draining) break;
        await new Promise<void>((r) => (armed = r));
        if (!draining) break;
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * 30)));
        child.kill('SIGKILL');
        await exited(child);
        kills += 1;
        child = await startRegistryProcess(port, store);
      }
    })();
    const report = await drainOutbox(client, outbox, { batchSize });
    draining = false;
    // A killer still waiting for a push (none will come) is let go; the kill count shows it.
    (armed as (() => void) | null)?.();
    await killer;
    child.kill('SIGTERM');
    await exited(child);

    expect(kills).toBe(10);
    expect(report).toMatchObject({ acknowledged: total, needsAttention: 0 });
    const db = await openDatabase(store);
    try {
      const rows = await db.query<{ order_id: string; payload_hash: string }>(
        'SELECT order_id, payload_hash FROM orders WHERE device_id = $1',
        [enrolment.deviceId],
      );
      expect(rows.length).toBe(total);
      expect(new Set(rows.map((r) => r.order_id)).size).toBe(total);
      expect(rows.every((r) => hashes.get(r.order_id) === r.payload_hash)).toBe(true);
      const seq = await db.query<{ last_seq: number }>(
        'SELECT last_seq FROM devices WHERE device_id = $1',
        [enrolment.deviceId],
      );
      expect(seq[0]?.last_seq).toBe(total);
      const ledger = await db.query<{ n: number }>(
        'SELECT count(*) AS n FROM mutations WHERE device_id = $1',
        [enrolment.deviceId],
      );
      expect(Number(ledger[0]?.n)).toBe(total);
    } finally {
      await db.close();
      fresh.cleanup();
    }
  }, 150_000);
});
