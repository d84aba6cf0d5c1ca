/**
 * Canonical JSON (RFC 8785, JCS) and the payload hash every mutation carries.
 *
 * The registry refuses a mutation whose `payloadHash` is not the SHA-256 of the canonical JSON of
 * its payload, and refuses a reused idempotency key whose payload hash differs (422). Client and
 * server must therefore serialise identically: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings exactly as ECMAScript `JSON.stringify` writes them (which is
 * what JCS specifies for them). Pure: no Node imports, so the workstation's main process, the
 * renderer and the registry all use this one file.
 */

/** Thrown for values JSON cannot carry faithfully (NaN, Infinity, functions, bigint, cycles). */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/** Serialises `value` as RFC 8785 canonical JSON. */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not valid JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be sent as JSON`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError('the payload refers to itself (a cycle)');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      // Like JSON.stringify: undefined/functions inside arrays become null.
      return `[${obj.map((v) => (v === undefined ? 'null' : write(v, seen))).join(',')}]`;
    }
    if (obj instanceof Date) return JSON.stringify(obj.toJSON());
    const keys = Object.keys(obj)
      .filter((k) => (obj as Record<string, unknown>)[k] !== undefined)
      .sort();
    const parts = keys.map(
      (k) => `${JSON.stringify(k)}:${write((obj as Record<string, unknown>)[k], seen)}`,
    );
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower-case hex SHA-256 of UTF-8 bytes (Web Crypto: works in Node 20, Electron and browsers). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** The `payloadHash` of a mutation: SHA-256 of the canonical JSON of its payload. */
export function payloadHash(payload: unknown): Promise<string> {
  return sha256Hex(canonicalJson(payload));
}
