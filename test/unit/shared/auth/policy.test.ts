import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { channelActions, channelRule } from '../../../../src/shared/auth/channelActions';
import { DEFAULT_KDF, formatHash, parseHash, weakerThan } from '../../../../src/shared/auth/kdf';
import { kindAction } from '../../../../src/shared/auth/kindActions';
import {
  afterFailure,
  attemptsLeft,
  clampIdleMinutes,
  cleared,
  isLockedOut,
  LOCKOUT_MS,
  passwordProblem,
  type LockoutRecord,
} from '../../../../src/shared/auth/policy';
import { allInvokeChannels } from '../../../../src/shared/ipc/channels';

describe('lockout (CJIS AC-7)', () => {
  it('locks on the 5th consecutive failure for exactly 10 minutes', () => {
    let r: LockoutRecord = cleared;
    const t0 = 1_000_000;
    for (let i = 1; i <= 4; i += 1) {
      r = afterFailure(r, t0 + i);
      expect(isLockedOut(r, t0 + i)).toBe(false);
      expect(attemptsLeft(r)).toBe(5 - i);
    }
    r = afterFailure(r, t0 + 5);
    expect(LOCKOUT_MS).toBe(600_000);
    expect(isLockedOut(r, t0 + 5)).toBe(true);
    expect(isLockedOut(r, t0 + 5 + LOCKOUT_MS - 1)).toBe(true);
    expect(isLockedOut(r, t0 + 5 + LOCKOUT_MS)).toBe(false);
    // After the lockout ran out, the count starts again.
    r = afterFailure(r, t0 + 5 + LOCKOUT_MS);
    expect(r).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('never locks with fewer than 5 failures, always locks at 5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        let r: LockoutRecord = cleared;
        for (let i = 0; i < n; i += 1) r = afterFailure(r, 0);
        return isLockedOut(r, 1) === n >= 5;
      }),
    );
  });
});

describe('idle lock (CJIS AC-11)', () => {
  it('defaults to 5 minutes and keeps values within 1…30', () => {
    expect(clampIdleMinutes(undefined)).toBe(5);
    expect(clampIdleMinutes('10')).toBe(5);
    expect(clampIdleMinutes(Number.NaN)).toBe(5);
    expect(clampIdleMinutes(0)).toBe(1);
    expect(clampIdleMinutes(31)).toBe(30);
    expect(clampIdleMinutes(1e9)).toBe(30);
    expect(clampIdleMinutes(12)).toBe(12);
  });
});

describe('passwords', () => {
  it('asks for 8+ characters that are not the user name', () => {
    expect(passwordProblem('short', 'casey')).toMatch(/at least 8/);
    expect(passwordProblem('Casey.Smith', 'casey.smith')).toMatch(/not be the user name/);
    expect(passwordProblem('aaaaaaaaaa', 'casey')).toMatch(/repeated/);
    expect(passwordProblem('x'.repeat(129), 'casey')).toMatch(/at most 128/);
    expect(passwordProblem('correct horse', 'casey')).toBeUndefined();
  });

  it('round-trips the stored hash format and rejects damaged ones', () => {
    const h = { ...DEFAULT_KDF, salt: 'A'.repeat(22), hash: 'B'.repeat(43) };
    const text = formatHash(h);
    expect(text).toBe(`scrypt$17$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`);
    expect(parseHash(text)).toEqual(h);
    for (const bad of [
      '',
      'bcrypt$x',
      text.replace('$17$', '$40$'),
      text.replace('$8$', '$0$'),
      `${text}!`,
    ]) {
      expect(parseHash(bad)).toBeUndefined();
    }
    expect(weakerThan({ log2N: 10, r: 8, p: 1 }, DEFAULT_KDF)).toBe(true);
    expect(weakerThan(DEFAULT_KDF, DEFAULT_KDF)).toBe(false);
  });
});

describe('channel and kind tables', () => {
  it('gives every channel of the contract a rule', () => {
    expect(allInvokeChannels.filter((c) => !channelRule(c))).toEqual([]);
    expect(
      Object.keys(channelActions).filter((c) => !allInvokeChannels.includes(c as never)),
    ).toEqual([]);
  });

  it('opens only identity, status and the sign-in channels without a session', () => {
    const open = allInvokeChannels.filter((c) => channelRule(c)?.access === 'public').sort();
    expect(open).toEqual([
      'app:get-info',
      'auth:get-session',
      'auth:sign-in',
      'auth:sign-out',
      'auth:unlock-session',
      'status:get-summary',
    ]);
    expect(channelRule('__proto__')).toBeUndefined();
    expect(channelRule('toString')).toBeUndefined();
  });

  it('maps mutation kinds to actions and refuses unknown kinds', () => {
    expect(kindAction('service.record')).toBe('service.record');
    expect(kindAction('order.modify')).toBe('order.change');
    expect(kindAction('order.purge')).toBeUndefined();
    expect(kindAction('constructor')).toBeUndefined();
  });
});
