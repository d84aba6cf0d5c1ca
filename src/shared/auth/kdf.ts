/**
 * The stored form of a password hash and the KDF parameters, shared by the workstation and the
 * registry (each runs node:crypto scrypt itself; this module is pure).
 *
 * scrypt is memory-hard: N=2^17, r=8, p=1 needs 128 MiB per guess, which is the OWASP Password
 * Storage Cheat Sheet's minimum for scrypt. Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>`, so the parameters travel with
 * each hash and can be raised later (a sign-in re-hashes with the current ones).
 */

/** scrypt cost parameters. */
export type KdfParams = { readonly log2N: number; readonly r: number; readonly p: number };

/** Production parameters: N=2^17 (128 MiB), r=8, p=1. */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 };

export const SALT_BYTES = 16;
export const HASH_BYTES = 32;

/** A parsed stored hash. */
export type StoredHash = KdfParams & { readonly salt: string; readonly hash: string };

const FORMAT =
  /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

/** Formats a stored hash. */
export function formatHash(h: StoredHash): string {
  return `scrypt$${h.log2N}$${h.r}$${h.p}$${h.salt}$${h.hash}`;
}

/** Parses a stored hash; undefined when it is not one (a corrupted store never verifies). */
export function parseHash(text: string): StoredHash | undefined {
  const m = FORMAT.exec(text);
  if (!m) return undefined;
  const [log2N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (log2N < 10 || log2N > 22 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { log2N, r, p, salt: m[4] ?? '', hash: m[5] ?? '' };
}

/** True when `h` was made with weaker parameters than `policy` (re-hash on the next sign-in). */
export function weakerThan(h: KdfParams, policy: KdfParams): boolean {
  return h.log2N < policy.log2N || h.r < policy.r || h.p < policy.p;
}

/** Memory scrypt needs for `p` (bytes), plus headroom, for node:crypto's `maxmem`. */
export function maxmemFor(p: KdfParams): number {
  return 128 * 2 ** p.log2N * p.r * p.p * 2;
}
