import { describe, expect, it } from 'vitest';

import { parseEndpoint, relayArgs } from '../../../../src/registry/relay/setup';
import { nextRequestSchema, outcomesRequestSchema } from '../../../../src/registry/relay/types';

describe('relay: flags and wire schemas', () => {
  it('reads the CLETS endpoint, token and batch size from flags or the environment', () => {
    expect(relayArgs(['--clets', '127.0.0.1:7070', '--relay-token', 'x'.repeat(16)], {})).toEqual({
      clets: { host: '127.0.0.1', port: 7070 },
      token: 'x'.repeat(16),
      batch: 64,
    });
    expect(
      relayArgs([], { CCPOR_CLETS: 'localhost:9', CCPOR_RELAY_TOKEN: 'y'.repeat(20) }),
    ).toMatchObject({
      clets: { host: 'localhost', port: 9 },
      token: 'y'.repeat(20),
    });
    expect(relayArgs([], {})).toEqual({ clets: undefined, token: undefined, batch: 64 });
    expect(parseEndpoint('[::1]:7070')).toEqual({ host: '::1', port: 7070 });
  });

  it('refuses bad flags, and a CLETS endpoint off loopback unless asked for', () => {
    expect(() => relayArgs(['--clets', '7070'], {})).toThrow(
      '--clets must be HOST:PORT, e.g. 127.0.0.1:7070, not "7070"',
    );
    expect(() => relayArgs(['--clets', '10.0.0.5:7070'], {})).toThrow(/is not loopback/);
    expect(relayArgs(['--clets', '10.0.0.5:7070', '--clets-any-host'], {}).clets?.host).toBe(
      '10.0.0.5',
    );
    expect(() => relayArgs(['--relay-token', 'short'], {})).toThrow(
      '--relay-token must be at least 16 characters',
    );
    expect(() => relayArgs(['--relay-batch', '0'], {})).toThrow(/from 1 to 500/);
    expect(() => relayArgs(['--clets'], {})).toThrow('--clets needs a value');
  });

  it('validates what the relay sends to the registry', () => {
    expect(nextRequestSchema.parse({})).toEqual({ limit: 64, waitMs: 0 });
    expect(nextRequestSchema.safeParse({ limit: 501 }).success).toBe(false);
    const ok = {
      outcomes: [
        {
          transactionId: 1,
          messageId: 'a-1',
          answer: { kind: 'ACK', messageId: 'a-1', fcns: ['2632900000001'] },
        },
        {
          transactionId: 2,
          messageId: 'a-2',
          answer: {
            kind: 'REJ',
            messageId: 'a-2',
            code: 'INV',
            record: 1,
            tag: 'NAM',
            text: 'bad',
          },
        },
      ],
    };
    expect(outcomesRequestSchema.safeParse(ok).success).toBe(true);
    const badFcn = structuredClone(ok);
    (badFcn.outcomes[0]!.answer as { fcns: string[] }).fcns = ['123'];
    expect(outcomesRequestSchema.safeParse(badFcn).success).toBe(false);
  });
});
