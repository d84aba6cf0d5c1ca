/**
 * Court calendar: `cletsDueBy` over 10k event times spread over 2026 (parse the instant, find its
 * Pacific date, step to the next court day, write the Pacific end of day), against the floor of
 * the simplest version of the same work: `Date` parsing, UTC day stepping over a precomputed
 * holiday set, `toISOString` — no zone rules, no validation.
 */
import { cletsDueBy, holidaysFor } from '../../src/shared/calendar';
import type { BenchCase } from '../harness';

const N = 10_000;
const SAMPLES = 15;

/** Deterministic event instants (LCG), written with a Z offset. */
function events(): string[] {
  let seed = 42;
  const start = Date.UTC(2026, 0, 1);
  const out: string[] = [];
  for (let i = 0; i < N; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(new Date(start + (seed % (365 * 86_400)) * 1000).toISOString());
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
    name: 'calendar: cletsDueBy for 10k events',
    unit: 'events/s',
    better: 'higher',
    async run() {
      const list = events();
      const holidays = new Set([...holidaysFor(2026), ...holidaysFor(2027)].map((h) => h.date));
      const naive = (iso: string): string => {
        let d = new Date(iso);
        do {
          d = new Date(d.getTime() + 86_400_000);
        } while (
          d.getUTCDay() === 0 ||
          d.getUTCDay() === 6 ||
          holidays.has(d.toISOString().slice(0, 10))
        );
        return `${d.toISOString().slice(0, 10)}T23:59:59.999Z`;
      };
      let sink = 0;
      const work = (): void => {
        for (const e of list) sink += cletsDueBy(e).length;
      };
      const floorWork = (): void => {
        for (const e of list) sink += naive(e).length;
      };
      work(); // warm-up (JIT, caches)
      floorWork();
      const values: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        values.push(perSecond(work));
        floor.push(perSecond(floorWork));
      }
      return { values, floor, notes: [`checksum ${sink}`] };
    },
  },
];
