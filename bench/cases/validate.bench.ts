/**
 * Order validation: `checkOrder(JSON.parse(text))` over 10k order texts built from the valid
 * fixtures of every type (ids, case numbers, names and birth dates varied), against the floor
 * of `JSON.parse` alone on the same texts. Target (issue 3): ≥ 20k orders/s on 2 cores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkOrder } from '../../src/shared/orders';
import type { BenchCase } from '../harness';

const N = 10_000;
const SAMPLES = 7;
const NOW = '2026-12-01T12:00:00-08:00';
const dir = path.join(__dirname, '../../test/fixtures/orders');

const INSTANT = /^(\d{4}-\d{2}-\d{2})(T.*)?$/;

/** `YYYY-MM-DD…` text moved `days` calendar days, the time and offset text kept. */
function shiftDate(text: string, days: number): string {
  const m = INSTANT.exec(text);
  if (!m?.[1]) return text;
  const d = new Date(`${m[1]}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)}${m[2] ?? ''}`;
}

/** The order's dates (issue, hearing, expiry, service) all moved back by the same days. */
function shiftOrder(o: Record<string, unknown>, days: number): void {
  for (const key of ['issuedAt', 'hearingAt'] as const) {
    if (typeof o[key] === 'string') o[key] = shiftDate(o[key], days);
  }
  for (const key of ['expiration', 'service'] as const) {
    const inner = o[key] as Record<string, unknown>;
    for (const k of ['at', 'date'])
      if (typeof inner[k] === 'string') inner[k] = shiftDate(inner[k], days);
  }
}

/**
 * 10k valid order texts: fixture i % 21 with a deterministic variation, including its dates
 * (moved back 0–139 days) so the zone and court-day maths do not just hit caches.
 */
function orderTexts(): string[] {
  const bases = readdirSync(dir)
    .filter((f) => f.endsWith('.valid.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const out: string[] = [];
  for (let i = 0; i < N; i += 1) {
    const o = structuredClone(bases[i % bases.length]) as {
      id: string;
      caseNumber: string;
      restrained: { name: { last: string }; dob?: string };
    };
    const hex = i.toString(16).padStart(12, '0');
    o.id = `0b6e2a1c-4d3f-4a7b-8c9d-${hex}`;
    o.caseNumber = `26BN${String(i).padStart(6, '0')}`;
    o.restrained.name.last = `${o.restrained.name.last}-${letters[i % 26]}${letters[(i >> 5) % 26]}`;
    if (o.restrained.dob) o.restrained.dob = `19${50 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`;
    shiftOrder(o as unknown as Record<string, unknown>, -(i % 140));
    out.push(JSON.stringify(o));
  }
  return out;
}

function perSecond(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return N / ((performance.now() - t0) / 1000);
}

export const cases: BenchCase[] = [
  {
    name: 'validate 10k orders',
    unit: 'orders/s',
    better: 'higher',
    target: '≥ 20000 orders/s',
    async run() {
      const texts = orderTexts();
      let valid = 0;
      let sink = 0;
      const work = (): void => {
        valid = 0;
        for (const t of texts) if (checkOrder(JSON.parse(t), { now: NOW }).ok) valid += 1;
      };
      const floorWork = (): void => {
        for (const t of texts) sink += Object.keys(JSON.parse(t) as object).length;
      };
      work(); // warm-up (JIT, zone caches)
      floorWork();
      if (valid !== N) throw new Error(`only ${valid} of ${N} bench orders are valid`);
      const values: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        values.push(perSecond(work));
        floor.push(perSecond(floorWork));
      }
      return { values, floor, notes: [`${valid} of ${N} valid; checksum ${sink}`] };
    },
  },
];
