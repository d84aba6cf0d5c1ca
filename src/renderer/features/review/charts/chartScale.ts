/**
 * Pure helpers for the Review page's charts (plain SVG, no chart library): bar heights in
 * proportion to the largest value, clock-hour labels, and the time-to-acknowledgement buckets.
 */

/** Heights for `values` in a plot `height` tall: proportional, the largest filling it. */
export function barHeights(values: readonly number[], height: number): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? 0 : (Math.max(0, v) / max) * height));
}

/** "9 AM", "12 PM", "5 PM" for an hour 0–23. */
export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Minutes from milliseconds, one decimal. */
export function toMinutes(ms: number): number {
  return Math.round(ms / 6000) / 10;
}

/** "5 min", or "none" when there is no value. */
export function minutesText(ms: number | null): string {
  return ms === null ? 'none' : `${toMinutes(ms)} min`;
}

/** One histogram bucket: [from, to) minutes; `to` null for the open-ended last one. */
export type Bucket = { readonly from: number; readonly to: number | null; readonly count: number };

/** Bucket edges in minutes: CLETS normally answers within minutes; hours mean trouble. */
export const ACK_EDGES = [0, 5, 15, 30, 60, 120] as const;

/** Counts of samples (ms) per bucket of ACK_EDGES. */
export function ackBuckets(samplesMs: readonly number[]): Bucket[] {
  return ACK_EDGES.map((from, i) => {
    const to = ACK_EDGES[i + 1] ?? null;
    const count = samplesMs.filter((ms) => {
      const m = ms / 60_000;
      return m >= from && (to === null || m < to);
    }).length;
    return { from, to, count };
  });
}

/** "0–5 min", "120 min or more". */
export function bucketLabel(b: Bucket): string {
  return b.to === null ? `${b.from} min or more` : `${b.from}–${b.to} min`;
}
