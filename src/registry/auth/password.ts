/**
 * scrypt password hashing for registry accounts: the same memory-hard parameters and stored
 * format as the workstation (src/shared/auth/kdf.ts; the registry may not import main). One
 * hash at a time per process, so a burst of sign-ins cannot exhaust memory.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

import {
  DEFAULT_KDF,
  formatHash,
  HASH_BYTES,
  maxmemFor,
  parseHash,
  SALT_BYTES,
  type KdfParams,
} from '../../shared/auth/kdf';

let queue: Promise<unknown> = Promise.resolve();

function derive(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  const run = queue.then(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(
          password.normalize('NFC'),
          salt,
          HASH_BYTES,
          { N: 2 ** p.log2N, r: p.r, p: p.p, maxmem: maxmemFor(p) },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
  queue = run.catch(() => undefined);
  return run;
}

/** A stored hash of `password` (production parameters unless `params` says otherwise). */
export async function hashPassword(
  password: string,
  params: KdfParams = DEFAULT_KDF,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return formatHash({
    ...params,
    salt: salt.toString('base64url'),
    hash: key.toString('base64url'),
  });
}

/** True when `password` matches `stored`; a damaged hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64url');
  const key = await derive(password, Buffer.from(parsed.salt, 'base64url'), parsed);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
