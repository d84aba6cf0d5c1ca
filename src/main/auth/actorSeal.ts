/**
 * Seals for "who keyed it" (docs/review.md, trust model). The renderer writes outbox rows in
 * IndexedDB and stamps each with the signed-in user, so main cannot see a row being made; a
 * compromised page could otherwise name any local user, or nobody. Main therefore hands the
 * signed-in page a seal of that user (HMAC-SHA256 under a key only main holds) in the session
 * view, the page stamps it with the actor, and before sending main requires a seal that matches
 * the actor. A page can only ever hold the seal of the user signed in on it.
 *
 * The key is per installation (`<dataDir>/auth/actor-seal.key`, owner-only); losing it only
 * means rows queued before are refused and re-keyed, never sent under a wrong name.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a seal covers: the identity and role the registry checks. */
export type SealedActor = {
  readonly userId: string;
  readonly username: string;
  readonly role: string;
};

/** Makes and checks actor seals with this installation's key. */
export class ActorSeal {
  private readonly key: Buffer;

  constructor(dataDir: string) {
    this.key = loadKey(path.join(dataDir, 'auth', 'actor-seal.key'));
  }

  /** The seal of `actor` (base64url). */
  seal(actor: SealedActor): string {
    return createHmac('sha256', this.key)
      .update(`${actor.userId}\n${actor.username.toLowerCase()}\n${actor.role}`)
      .digest('base64url');
  }

  /** True when `seal` was made by this installation for exactly this actor. */
  verify(actor: SealedActor, seal: string | undefined): boolean {
    if (!seal) return false;
    const want = Buffer.from(this.seal(actor));
    const got = Buffer.from(seal);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}

function loadKey(file: string): Buffer {
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (key.length === 32) return key;
  } catch {
    // first start: make one below
  }
  const key = randomBytes(32);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600 });
  return key;
}
