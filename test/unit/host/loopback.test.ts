import { describe, expect, it } from 'vitest';

import {
  isLoopbackAddress,
  isLoopbackHost,
  isOwnOrigin,
  tokensMatch,
} from '../../../src/host/loopback';
import { parsePort } from '../../../src/host/cli';
import { injectBridge } from '../../../src/host/server';

describe('host guards', () => {
  it.each([
    ['127.0.0.1:4555', true],
    ['localhost:4555', true],
    ['[::1]:4555', true],
    ['127.0.0.1:4556', false],
    ['evil.example:4555', false],
    ['127.0.0.1.evil.example:4555', false],
    [undefined, false],
  ])('Host %s → %s', (host, ok) => {
    expect(isLoopbackHost(host, 4555)).toBe(ok);
  });

  it.each([
    ['http://127.0.0.1:4555', true],
    ['http://localhost:4555', true],
    ['http://127.0.0.1:9999', false],
    ['https://127.0.0.1:4555', false],
    ['null', false],
    [undefined, false],
  ])('Origin %s → %s', (origin, ok) => {
    expect(isOwnOrigin(origin, 4555)).toBe(ok);
  });

  it('knows loopback peers', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.5')).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'ab')).toBe(false);
    expect(tokensMatch('abc', null)).toBe(false);
  });

  it('parses --port and CLERK_PORT and refuses nonsense', () => {
    expect(parsePort(['--port', '4600'], {})).toBe(4600);
    expect(parsePort([], { CLERK_PORT: '4601' })).toBe(4601);
    expect(parsePort([], {})).toBe(4555);
    expect(() => parsePort(['--port', 'abc'], {})).toThrow(/whole number/);
    expect(() => parsePort(['--port', '70000'], {})).toThrow(/0 to 65535/);
  });

  it('puts the bridge before the app script', () => {
    const html = injectBridge('<head><script type="module" src="./a.js"></script></head>', 'T');
    expect(html.indexOf('/__host/bridge.js')).toBeLessThan(html.indexOf('./a.js'));
    expect(html).toContain('content="T"');
    expect(() => injectBridge('<head></head>', 'T')).toThrow(/no <script>/);
  });
});
