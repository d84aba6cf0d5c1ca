/**
 * Password hashing with scrypt (node:crypto), a memory-hard KDF, for the workstation's accounts
 * (main) and the registry's alike: parameters and the stored format are in
 * src/shared/auth/kdf.ts (N=2^17, r=8, p=1: 128 MiB and about a second per guess on a counter
 * PC). Runs on libuv's thread pool, one hash at a time per process, so a burst of sign-ins
 * cannot exhaust memory or stall the process.
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
} from '../shared/auth/kdf';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `fn` after every earlier KDF call has finished. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

function derive(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return serial(
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
}

/** A new stored hash for `password` with `params` (production: DEFAULT_KDF). */
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

/** True when `password` matches `stored`; a damaged stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64url');
  const key = await derive(password, Buffer.from(parsed.salt, 'base64url'), parsed);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash to verify against when the user name is unknown, so an unknown name costs the same
 * time as a wrong password (no user-name probing by timing).
 */
export async function decoyHash(params: KdfParams = DEFAULT_KDF): Promise<string> {
  return hashPassword(randomBytes(12).toString('hex'), params);
}
