import { describe, expect, it } from 'vitest';

import { isTrustedSender } from '../../../../src/main/security/trustedSender';
import { contentSecurityPolicy } from '../../../../src/main/security/csp';

const trusted = new Set([5]);

describe('isTrustedSender', () => {
  it.each([
    [5, 'app://clerk/index.html', true],
    [5, 'app://clerk/#/intake', true],
    [6, 'app://clerk/index.html', false],
    [5, 'app://other/index.html', false],
    [5, 'file:///tmp/index.html', false],
    [5, 'http://127.0.0.1:5174/', false],
    [5, 'not a url', false],
    [5, null, false],
  ])('sender %s at %s → %s', (id, url, expected) => {
    expect(isTrustedSender({ webContentsId: id, frameUrl: url, isTopFrame: true }, trusted)).toBe(
      expected,
    );
  });

  it('refuses a sub-frame of our own window, even at the app origin', () => {
    const frame = { webContentsId: 5, frameUrl: 'app://clerk/index.html' };
    expect(isTrustedSender({ ...frame, isTopFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...frame, isTopFrame: true }, trusted)).toBe(true);
  });

  it('accepts the dev server origin only when one is given', () => {
    const s = { webContentsId: 5, frameUrl: 'http://localhost:5174/index.html', isTopFrame: true };
    expect(isTrustedSender(s, trusted)).toBe(false);
    expect(isTrustedSender(s, trusted, 'http://localhost:5174')).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows nothing from outside the app and no inline script', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
  it('widens connect-src only by what it is given', () => {
    expect(contentSecurityPolicy(['ws://127.0.0.1:4555'])).toContain(
      "connect-src 'self' ws://127.0.0.1:4555",
    );
  });
});
