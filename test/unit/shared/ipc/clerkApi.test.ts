import { describe, expect, it } from 'vitest';

import { buildClerkApi } from '../../../../src/shared/ipc/clerkApi';
import type { ClerkTransport } from '../../../../src/shared/ipc/clerkApi';
import {
  allInvokeChannels,
  eventNames,
  isWellFormedChannel,
} from '../../../../src/shared/ipc/channels';
import { eventContract, invokeContract } from '../../../../src/shared/ipc/contract';

function recordingTransport() {
  const calls: { channel: string; input: unknown }[] = [];
  const transport: ClerkTransport = {
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return Promise.resolve({ ok: true, value: channel });
    },
    listen: () => () => {},
  };
  return { calls, transport };
}

describe('the contract', () => {
  it('names every channel domain:verb-noun', () => {
    const bad = allInvokeChannels.filter((c) => !isWellFormedChannel(c));
    expect(bad).toEqual([]);
  });

  it('has schemas for exactly the channels and events in channels.ts', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...allInvokeChannels].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...eventNames].sort());
  });
});

describe('buildClerkApi', () => {
  it('exposes one method per channel that calls the transport with that channel', async () => {
    const { calls, transport } = recordingTransport();
    const api = buildClerkApi(transport);
    const result = await api.app.getInfo({});
    expect(result).toEqual({ ok: true, value: 'app:get-info' });
    expect(calls).toEqual([{ channel: 'app:get-info', input: {} }]);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const { transport } = recordingTransport();
    const api = buildClerkApi(transport);
    expect(() => api.subscribe('evil:event' as never, () => {})).toThrow(/unknown event/);
  });

  it('returns a frozen object so page scripts cannot swap methods', () => {
    const api = buildClerkApi(recordingTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
  });
});
