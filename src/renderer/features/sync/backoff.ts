/**
 * Full-jitter exponential backoff for the outbox drain (reliability-security.md R-SYNC-8): a
 * random wait between 0 and min(cap, base · 2^attempt), base 1 s and cap 5 min. Reset on any
 * progress and whenever main reports the registry reachable again. Pure.
 */
export type Backoff = { readonly baseMs: number; readonly capMs: number };

export const drainBackoff: Backoff = { baseMs: 1000, capMs: 5 * 60 * 1000 };

/** Milliseconds before retry number `attempt` (0 = the first retry). */
export function backoffDelay(policy: Backoff, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
