import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { inferEvents, type SourceChange } from '../../../../src/registry/relay/events';
import type { OrderInput } from '../../../../src/shared/orders';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/orders');
const fixture = (type: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${type}.valid.json`), 'utf8')) as OrderInput;

const RECEIVED = '2026-12-02T09:15:00-08:00';
const base = { ...fixture('DV-130'), service: { method: 'not-served' as const } };

function change(partial: Partial<SourceChange>): SourceChange {
  return {
    source: 'modified',
    payload: base,
    previous: base,
    service: null,
    receivedAt: RECEIVED,
    ...partial,
  };
}

const names = (c: SourceChange) => inferEvents(c).map((e) => [e.event, e.eventAt, 'problem' in e]);

describe('relay: which lifecycle events a registry change means', () => {
  it('a submitted order is issued at its issue time, and served after it when already served', () => {
    expect(names(change({ source: 'submitted', previous: null }))).toEqual([
      ['issued', '2026-11-20T10:05:00-08:00', false],
    ]);
    expect(
      names(change({ source: 'submitted', payload: fixture('DV-130'), previous: null })),
    ).toEqual([
      ['issued', '2026-11-20T10:05:00-08:00', false],
      ['served', '2026-11-20T10:05:00-08:00', false],
    ]);
  });

  it('names a new version by what changed', () => {
    expect(
      names(change({ payload: { ...base, restrained: { ...base.restrained, weight: 200 } } })),
    ).toEqual([['modified', RECEIVED, false]]);
    expect(
      names(
        change({
          payload: { ...base, expiration: { kind: 'at', at: '2031-11-20T23:59:00-08:00' } },
        }),
      ),
    ).toEqual([['renewed', RECEIVED, false]]);
    expect(names(change({ payload: { ...base, status: 'terminated' } }))).toEqual([
      ['terminated', RECEIVED, false],
    ]);
    expect(names(change({ payload: { ...base, status: 'entered-in-error' } }))).toEqual([
      ['entered-in-error', RECEIVED, false],
    ]);
    const served = {
      ...base,
      service: {
        method: 'personal' as const,
        at: '2026-12-01T17:00:00-08:00',
        servedBy: 'Deputy A',
      },
    };
    expect(names(change({ payload: served }))).toEqual([
      ['served', '2026-12-01T17:00:00-08:00', false],
    ]);
    expect(
      names(change({ payload: { ...served, restrained: { ...base.restrained, weight: 200 } } })),
    ).toEqual([
      ['modified', RECEIVED, false],
      ['served', '2026-12-01T17:00:00-08:00', false],
    ]);
  });

  it('sends nothing for a change CLETS does not hold, or for an order that expired', () => {
    expect(names(change({ payload: { ...base, judicialOfficer: 'Hon. Someone Else' } }))).toEqual(
      [],
    );
    expect(names(change({ payload: { ...base, status: 'expired' } }))).toEqual([]);
    const terminated = { ...base, status: 'terminated' as const };
    expect(
      names(change({ previous: terminated, payload: { ...terminated, judicialOfficer: 'X' } })),
    ).toEqual([]);
  });

  it('re-sends the full record when a terminated order is reactivated or the previous version is unreadable', () => {
    expect(names(change({ previous: { ...base, status: 'terminated' } }))).toEqual([
      ['modified', RECEIVED, false],
    ]);
    expect(names(change({ previous: { nonsense: true } }))).toEqual([
      ['modified', RECEIVED, false],
    ]);
    expect(names(change({ previous: null }))).toEqual([['modified', RECEIVED, false]]);
  });

  it('takes the service from a proof-of-service record', () => {
    const events = inferEvents(
      change({
        source: 'served',
        service: {
          id: 's1',
          service: {
            method: 'mail',
            at: '2026-12-03T10:00:00-08:00',
            servedBy: 'Clerk B',
            troPersonallyServed: true,
            sameAsTroExceptExpiry: true,
          },
        },
      }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'served', eventAt: '2026-12-03T10:00:00-08:00' });
    expect('order' in events[0]! && events[0].order.service.method).toBe('mail');
  });

  it('turns an unreadable order or proof of service into a problem naming the field', () => {
    const broken = { ...base, restrained: { ...base.restrained, height: { feet: 5, inches: 14 } } };
    expect(inferEvents(change({ source: 'submitted', payload: broken }))).toEqual([
      {
        event: 'issued',
        problem: { path: 'restrained.height.inches', message: expect.stringMatching(/inches/i) },
        eventAt: RECEIVED,
      },
    ]);
    expect(inferEvents(change({ source: 'served', service: { id: 's1' } }))[0]).toMatchObject({
      event: 'served',
      problem: { path: 'service' },
    });
    expect(
      inferEvents(change({ source: 'served', service: { id: 's', method: 'not-served' } }))[0],
    ).toMatchObject({
      problem: { path: 'service', message: 'the proof of service says the order was not served' },
    });
  });
});
