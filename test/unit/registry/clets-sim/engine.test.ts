import { describe, expect, it } from 'vitest';

import {
  emptyState,
  makeFcn,
  processMessage,
  type SimState,
} from '../../../../src/registry/clets-sim/engine';
import { encodeRecord, type CletsField } from '../../../../src/shared/clets';

const NOW = new Date('2026-11-25T12:00:00Z');

function rec(mke: string, ppn: string | null, extra: CletsField[] = []): string {
  const fields: CletsField[] = [
    { tag: 'MKE', value: mke },
    { tag: 'ORI', value: 'CA034999J' },
    { tag: 'NAM', value: 'PARKER, DANIEL JAMES' },
    { tag: 'SEX', value: 'M' },
    { tag: 'RAC', value: 'W' },
    { tag: 'PNO', value: '26FL004512' },
    { tag: 'BRD', value: 'Y' },
    { tag: 'ISD', value: '20261102' },
    { tag: 'EXP', value: '20261120' },
    { tag: 'CTI', value: 'CA034999J' },
    { tag: 'PCO', value: '01' },
    { tag: 'PCO', value: '05' },
    ...(ppn ? [{ tag: 'PPN', value: ppn }] : []),
    { tag: 'OCA', value: '26FL004512' },
    ...extra,
  ];
  return encodeRecord(fields);
}

const MELISSA = 'PARKER, MELISSA ANN';
const EMMA = 'PARKER, EMMA ROSE';

function send(state: SimState, id: string, lines: string[], rules = []) {
  return processMessage(state, id, lines, rules, NOW);
}

describe('CLETS simulator rules', () => {
  it('enters each record with its own 13-digit FCN and answers a resend with the same line', () => {
    const s = emptyState();
    const first = send(s, 'm1', [rec('EPO', MELISSA), rec('EPO', EMMA)]);
    expect(first.line).toBe('ACK m1 2632900000001 2632900000002');
    expect(first.store?.effects.map((e) => e.op)).toEqual(['enter', 'enter']);
    const again = send(s, 'm1', [rec('EPO', MELISSA), rec('EPO', EMMA)]);
    expect(again).toMatchObject({ line: first.line, store: null, resend: true });
    expect(s.counters).toMatchObject({ messages: 1, resends: 1, acks: 1, entries: 2 });
  });

  it('refuses a reused message id with other records and changes nothing', () => {
    const s = emptyState();
    send(s, 'm1', [rec('EPO', MELISSA)]);
    const reused = send(s, 'm1', [rec('EPO', EMMA)]);
    expect(reused.line).toBe(
      'REJ m1 IDM 0 - message id already used for a different message; send a new id',
    );
    expect(reused.store).toBeNull();
    expect(s.records.size).toBe(1);
    expect(send(s, 'm1', [rec('EPO', MELISSA)]).resend).toBe(true);
  });

  it('rejects a different message carrying an entry already on file as a duplicate', () => {
    const s = emptyState();
    send(s, 'm1', [rec('EPO', MELISSA)]);
    expect(send(s, 'm2', [rec('EPO', MELISSA)]).line).toBe(
      'REJ m2 DUP 1 PNO duplicate on file as FCN 2632900000001 (same ORI, PNO and PPN)',
    );
    // Twice in one message is a duplicate too, and the message is atomic: nothing is filed.
    const twice = send(s, 'm3', [rec('EPO', EMMA), rec('EPO', EMMA)]);
    expect(twice.answer).toMatchObject({ kind: 'REJ', code: 'DUP', record: 2 });
    expect([...s.records.keys()]).toEqual(['CA034999J|26FL004512|PARKER, MELISSA ANN']);
  });

  it('checks every record by the tag table before anything is filed', () => {
    const s = emptyState();
    const bad = send(s, 'm1', [
      rec('EPO', MELISSA),
      rec('EPO', EMMA, [{ tag: 'HGT', value: '514' }]),
    ]);
    expect(bad.line).toBe(
      'REJ m1 INV 2 HGT HGT (Height: feet then 2-digit inches) "514" must be 3 digits, feet then inches 00–11, e.g. 510 for 5 ft 10 in',
    );
    expect(s.records.size).toBe(0);
    expect(send(s, 'm2', ['MKE/EPO.NAM/X']).answer).toMatchObject({
      kind: 'REJ',
      code: 'FMT',
      record: 1,
      tag: null,
    });
    expect(send(s, 'm3', [rec('QPO', MELISSA)]).answer).toMatchObject({ code: 'INV', tag: 'MKE' });
    expect(send(s, 'm4', ['ORI/CA034999J.MKE/EPO.']).answer).toMatchObject({
      code: 'INV',
      tag: 'MKE',
    });
  });

  it('requires the mandatory fields of each message key', () => {
    const s = emptyState();
    const noOca = rec('EPO', MELISSA).replace('OCA/26FL004512.', '');
    expect(send(s, 'm1', [noOca]).line).toBe(
      'REJ m1 MND 1 OCA OCA (Originating agency case number) is required for EPO',
    );
    expect(send(s, 'm2', ['MKE/CPO.ORI/CA034999J.PNO/26FL004512.']).answer).toMatchObject({
      code: 'MND',
      tag: 'NAM',
    });
  });

  it('refuses a record matched by an injected rule as an invalid field', () => {
    const s = emptyState();
    const r = send(s, 'm1', [rec('EPO', MELISSA)], [{ tag: 'PPN', contains: 'MELISSA' }] as never);
    expect(r.line).toBe(
      'REJ m1 INV 1 PPN PPN (Protected person name) value "PARKER, MELISSA ANN" is not accepted',
    );
  });

  it('modifies, clears and cancels only what is on file', () => {
    const s = emptyState();
    expect(send(s, 'm0', [rec('MPO', MELISSA)]).answer).toMatchObject({ code: 'NOF' });
    send(s, 'm1', [rec('EPO', MELISSA)]);
    const modified = send(s, 'm2', [
      rec('MPO', MELISSA, [{ tag: 'MIS', value: 'SERVED' }]).replace('PCO/05.', ''),
    ]);
    expect(modified.line).toBe('ACK m2 2632900000001');
    const filed = s.records.get('CA034999J|26FL004512|PARKER, MELISSA ANN');
    expect(filed?.fields.filter((f) => f.tag === 'PCO').map((f) => f.value)).toEqual(['01']);
    expect(filed?.fields.find((f) => f.tag === 'MIS')?.value).toBe('SERVED');
    expect(send(s, 'm3', [rec('CPO', MELISSA)]).line).toBe('ACK m3 2632900000001');
    expect(filed?.state).toBe('cleared');
    expect(send(s, 'm4', [rec('MPO', MELISSA)]).answer).toMatchObject({ code: 'NOF' });
    expect(send(s, 'm5', [rec('XPO', MELISSA)]).line).toBe('ACK m5 2632900000001');
    expect(filed?.state).toBe('cancelled');
    expect(send(s, 'm6', [rec('XPO', MELISSA)]).answer).toMatchObject({ code: 'NOF' });
    // Entered again after it was cancelled: a new record with a new FCN.
    expect(send(s, 'm7', [rec('EPO', MELISSA)]).line).toBe('ACK m7 2632900000002');
    expect(filed?.messages).toEqual(['m1', 'm2', 'm3', 'm5']);
  });

  it('makes FCNs from the year, day of year and a sequence', () => {
    expect(makeFcn(1, new Date('2026-01-01T00:00:00Z'))).toBe('2600100000001');
    expect(makeFcn(12_345_678, new Date('2028-12-31T23:59:59Z'))).toBe('2836612345678');
  });
});
