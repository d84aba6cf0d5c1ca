import { describe, expect, it } from 'vitest';

import { EventHub } from '../../../../src/main/ipc/eventHub';
import type { EventPayload } from '../../../../src/shared/ipc/contract';

const summary: EventPayload<'status:summary-changed'> = {
  connectivity: { state: 'ok', label: 'Registry online' },
  outbox: { state: 'warning', label: '2 orders waiting' },
  devices: { state: 'not-configured', label: 'No devices' },
};

const scan: EventPayload<'licence:payload-scanned'> = {
  scanId: 's1',
  readerId: 'wedge',
  at: '2026-12-02T10:00:00-08:00',
  outcome: { ok: false, code: 'unreadable', message: 'Scan the licence again.' },
};

function recorder() {
  const seen: { event: string; payload: unknown }[] = [];
  return { seen, sink: (event: string, payload: unknown) => seen.push({ event, payload }) };
}

describe('EventHub', () => {
  it('delivers an event to every connected window until it disconnects', () => {
    const hub = new EventHub();
    const a = recorder();
    const b = recorder();
    const offA = hub.connect(a.sink);
    hub.connect(b.sink);
    hub.publish('licence:payload-scanned', scan);
    offA();
    hub.publish('licence:payload-scanned', { ...scan, scanId: 's2' });
    expect(a.seen.map((s) => (s.payload as typeof scan).scanId)).toEqual(['s1']);
    expect(b.seen.map((s) => (s.payload as typeof scan).scanId)).toEqual(['s1', 's2']);
  });

  it('refuses a payload that breaks the contract and delivers nothing', () => {
    const hub = new EventHub();
    const r = recorder();
    hub.connect(r.sink);
    const broken = { ...summary, outbox: { state: 'fine', label: 1 } } as never;
    expect(() => hub.publish('status:summary-changed', broken)).toThrow();
    expect(r.seen).toEqual([]);
  });

  it('replays the latest status to a late window, but never a licence scan', () => {
    const hub = new EventHub();
    hub.publish('status:summary-changed', { ...summary, outbox: { state: 'ok', label: 'old' } });
    hub.publish('status:summary-changed', summary);
    hub.publish('licence:payload-scanned', scan);
    const late = recorder();
    hub.connect(late.sink);
    expect(late.seen).toEqual([{ event: 'status:summary-changed', payload: summary }]);
  });
});
