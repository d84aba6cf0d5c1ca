/**
 * The benchmark harness's types and statistics.
 *
 * Every case measures its own work AND its floor (the same work done the simplest way) in the
 * same run, so the ratio means something on a busy 2-core machine.
 */
export type BenchResult = {
  /** One value per sample of the measured work, in `unit`. */
  readonly values: readonly number[];
  /** One value per sample of the floor, in the same unit. */
  readonly floor: readonly number[];
  /** Extra figures worth printing (e.g. recall), shown after the table. */
  readonly notes?: readonly string[];
  /**
   * Replaces the case's name in the output when the run learns what the name should say (e.g.
   * how many rows a database it was pointed at holds). Filtering still uses `name`.
   */
  readonly label?: string;
};

/**
 * Thrown by a case's `run()` when a peer it needs is missing (e.g. PostgreSQL binaries): the
 * harness prints the message as "skipped" and reports no figure for the case.
 */
export class BenchUnavailable extends Error {
  override readonly name = 'BenchUnavailable';
}

export type BenchCase = {
  /** Unique, descriptive: `npm run bench -- FILTER` runs the cases whose name contains FILTER. */
  readonly name: string;
  /** 'ms', 'orders/s', 'KB', … */
  readonly unit: string;
  /** Whether bigger values are better (throughput) or smaller (latency, size). */
  readonly better: 'lower' | 'higher';
  /** Target from the issue, printed for reference, e.g. '≤ 16 ms'. */
  readonly target?: string;
  run(): Promise<BenchResult>;
};

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Times `fn` `n` times and returns milliseconds per call. */
export async function timeMs(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
