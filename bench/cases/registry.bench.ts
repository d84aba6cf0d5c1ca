/**
 * Registry push throughput: orders/s through the HTTP API (`POST /v1/mutations`, batches of 50,
 * each order validated, hashed, deduplicated, indexed for search and written to the change log
 * with the device's lastSeq in the same transaction), against the floor of direct multi-row
 * INSERTs of the same order rows (payload + extracted columns) into the same PGlite database —
 * what a registry without idempotency, search keys or pull feed would do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { payloadHash } from '../../src/registry/client/canonicalJson';
import { RegistryClient } from '../../src/registry/client/registryClient';
import type { MutationInput } from '../../src/registry/push/types';
import { extractOrderKeys, registryOrderSchema } from '../../src/registry/search/searchKeys';
import type { BenchCase } from '../harness';

import { startBenchRegistry } from '../inProcessRegistry';

const ORDERS = 200;
const BATCH = 50;
const SAMPLES = 5;
const ADMIN = 'bench-admin-code';
const SURNAMES = ['Smith', 'Garcia', 'Nguyen', 'Johnson', 'Okonkwo', 'Kowalski', 'Lee', 'Patel'];

/** Names may hold letters only: 12 → "Bc". */
function letters(i: number): string {
  const s = [...String(i)].map((d) => 'abcdefghij'[Number(d)] ?? 'a').join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function order(sample: number, i: number, kind: 'api' | 'floor'): Record<string, unknown> {
  const n = sample * 100_000 + i + (kind === 'floor' ? 50_000 : 0);
  return {
    id: `6b1d2f7e-4c3a-4e8b-9f21-${n.toString(16).padStart(12, '0')}`,
    orderType: 'DV-110',
    caseNumber: `26FL${String(n).padStart(8, '0')}`,
    court: { ori: 'CA034999J', name: 'Superior Court of California, County of Sacramento' },
    judicialOfficer: 'Hon. Teresa M. Okonkwo',
    issuedAt: '2026-11-02T15:42:00-08:00',
    expiration: { kind: 'unspecified' },
    restrained: {
      name: {
        last: SURNAMES[i % SURNAMES.length] ?? 'Smith',
        first: `Ann${letters(i).toLowerCase()}`,
      },
      aliases: [],
      sex: 'M',
      race: 'W',
      dob: `19${String(50 + (i % 50))}-0${(i % 9) + 1}-1${i % 10}`,
    },
    protected: [
      {
        name: { last: 'Protected', first: `Kid${letters(i).toLowerCase()}` },
        aliases: [],
        sex: 'F',
        race: 'W',
        relationship: 'spouse',
        coveredBy: ['no-contact-1'],
      },
    ],
    terms: [{ id: 'no-contact-1', kind: 'no-contact', exceptions: ['legal-papers'] }],
    service: { method: 'not-served' },
    status: 'active',
  };
}

export const cases: BenchCase[] = [
  {
    name: 'registry push throughput (HTTP API, PGlite, batches of 50)',
    unit: 'orders/s',
    better: 'higher',
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-bench-registry-'));
      const registry = await startBenchRegistry(dir, ADMIN);
      const { db, baseUrl } = registry;
      const values: number[] = [];
      const floor: number[] = [];
      try {
        for (let s = 0; s <= SAMPLES; s += 1) {
          // API: a fresh device per sample so every push applies (no replays).
          const e = await new RegistryClient({ baseUrl }).enrol(ADMIN, 'CA034999J', `bench ${s}`);
          const client = new RegistryClient({
            baseUrl,
            credential: e.credential,
            timeoutMs: 60_000,
          });
          const batch: MutationInput[] = [];
          for (let i = 0; i < ORDERS; i += 1) {
            const payload = { order: order(s, i, 'api') };
            batch.push({
              deviceId: e.deviceId,
              seq: i + 1,
              idempotencyKey: `bench-${s}-${i}`,
              payloadHash: await payloadHash(payload),
              kind: 'order.submit',
              payload,
            });
          }
          const t0 = performance.now();
          for (let i = 0; i < batch.length; i += BATCH)
            await client.push(batch.slice(i, i + BATCH));
          const api = ORDERS / ((performance.now() - t0) / 1000);

          // Floor: the same kind of order rows inserted directly, 50 rows per statement, one tx.
          const rows = Array.from({ length: ORDERS }, (_, i) => {
            const o = order(s, i, 'floor');
            return { o, k: extractOrderKeys(registryOrderSchema.parse(o)) };
          });
          const f0 = performance.now();
          await db.transaction(async (tx) => {
            for (let i = 0; i < rows.length; i += BATCH) {
              const chunk = rows.slice(i, i + BATCH);
              const params: unknown[] = [];
              const values = chunk.map(({ o, k }) => {
                params.push(
                  k.orderId,
                  k.courtOri,
                  JSON.stringify(o),
                  'h',
                  k.orderType,
                  k.caseNumber,
                  k.caseKey,
                  k.restrainedLast,
                  k.restrainedFirst,
                  k.restrainedDob,
                  e.deviceId,
                  1,
                );
                const b = params.length - 12;
                return `($${b + 1}, $${b + 2}, 1, $${b + 3}::jsonb, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}::date, $${b + 11}, $${b + 12})`;
              });
              await tx.query(
                `INSERT INTO orders (order_id, court_ori, version, payload, payload_hash, order_type, case_number, case_key,
                   restrained_last, restrained_first, restrained_dob, device_id, seq) VALUES ${values.join(', ')}`,
                params,
              );
            }
          });
          const direct = ORDERS / ((performance.now() - f0) / 1000);
          if (s > 0) {
            // Sample 0 is the warm-up (JIT, PGlite caches).
            values.push(api);
            floor.push(direct);
          }
        }
      } finally {
        await registry.close();
        rmSync(dir, { recursive: true, force: true });
      }
      return {
        values,
        floor,
        notes: [
          `${ORDERS} orders per sample; the floor writes only the orders rows (no names, ledger, change log, HTTP)`,
        ],
      };
    },
  },
];
