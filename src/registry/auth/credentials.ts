/**
 * Workstation credentials: `<deviceId>.<secret>`, issued once at enrolment and sent as
 * `Authorization: Bearer <credential>` by the workstation's main process only.
 *
 * The secret is 32 random bytes, so a plain SHA-256 is enough to store it (a slow KDF protects
 * low-entropy passwords, not random keys). Comparison is constant-time.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A device credential: its public id and its secret (sent together as the bearer token). */
export type Credential = { readonly deviceId: string; readonly secret: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SHA-256 hex of a secret or code. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A fresh device id and secret. */
export function newCredential(): Credential {
  return { deviceId: randomUUID(), secret: randomBytes(32).toString('base64url') };
}

/** The bearer token text for a credential. */
export function formatCredential(c: Credential): string {
  return `${c.deviceId}.${c.secret}`;
}

/** Parses `Bearer <deviceId>.<secret>`; undefined when the header is missing or malformed. */
export function parseBearer(header: string | undefined): Credential | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  if (!match || !UUID.test(match[1] ?? '')) return undefined;
  return { deviceId: match[1] ?? '', secret: match[2] ?? '' };
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
