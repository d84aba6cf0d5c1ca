/**
 * Full-jitter exponential backoff (reliability-security.md R-SYNC-8): wait a random time between
 * 0 and min(cap, base · 2^attempt). Base 1 s and cap 5 min by default; the cap is short next to
 * the one-business-day CLETS deadline even across repeated outages. Pure.
 */
export type BackoffPolicy = {
  readonly baseMs: number;
  readonly capMs: number;
};

/** Base 1 s, cap 5 min (reliability-security.md R-SYNC-8). */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60 * 1000 };

/** Milliseconds to wait before retry number `attempt` (0 = first retry). */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  // Honour the server's Retry-After as a floor (still capped).
  return Math.min(policy.capMs, Math.max(jittered, retryAfterMs ?? 0));
}
