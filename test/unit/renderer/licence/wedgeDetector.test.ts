import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { WedgeBurstDetector } from '../../../../src/renderer/features/licence/wedgeDetector';
import type {
  WedgeEmission,
  WedgeKey,
} from '../../../../src/renderer/features/licence/wedgeDetector';
import { parseAamva } from '../../../../src/shared/aamva';
import { arbitraryPerson, expectedLicence, testIssuers } from '../../../fixtures/aamva/arbitraries';
import { people, personPayload } from '../../../fixtures/aamva/generator';

/** The keydowns a keyboard-mode reader produces for `payload` (CR and LF both become Enter). */
function wedgeKeys(payload: string, start: number, gaps: (i: number) => number): WedgeKey[] {
  const keys: WedgeKey[] = [];
  let t = start;
  [...payload].forEach((c, i) => {
    if (i > 0) t += gaps(i);
    if (c === '\n' || c === '\r') keys.push({ key: 'Enter', time: t });
    else if (c === '\x1e') keys.push({ key: '^', ctrlKey: true, time: t });
    else if (c >= 'A' && c <= 'Z') {
      // Real keyboards send a Shift keydown first; it must not break the burst.
      keys.push({ key: 'Shift', time: t });
      keys.push({ key: c, time: t });
    } else keys.push({ key: c, time: t });
  });
  return keys;
}

/** Feeds keys; returns every emission, in order, and the disposition of each key. */
function run(d: WedgeBurstDetector, keys: readonly WedgeKey[], endAt?: number) {
  const emitted: WedgeEmission[] = [];
  const dispositions: string[] = [];
  for (const k of keys) {
    const step = d.feed(k);
    emitted.push(...step.emitted);
    dispositions.push(step.disposition);
  }
  if (endAt !== undefined) emitted.push(...d.tick(endAt));
  return { emitted, dispositions };
}

const payload = personPayload(people.illinois, { version: 10 });

describe('keyboard-wedge burst detector', () => {
  it('collects a fast burst starting with @ into the payload', () => {
    const d = new WedgeBurstDetector();
    const keys = wedgeKeys(payload, 1000, () => 8);
    const last = keys[keys.length - 1]?.time ?? 0;
    const { emitted, dispositions } = run(d, keys);
    expect(dispositions.every((x) => x === 'hold')).toBe(true);
    expect(emitted).toEqual([]);
    expect(d.deadline()).toBe(last + 50);
    // The gap has not run out yet: nothing is emitted early.
    expect(d.tick(last + 50)).toEqual([]);
    const done = d.tick(last + 51);
    expect(done).toHaveLength(1);
    const first = done[0];
    expect(first?.type).toBe('payload');
    const text = first?.type === 'payload' ? first.payload : '';
    // Every CR arrived as Enter, so the payload has LF where the card has CR.
    expect(text).toBe(payload.replace(/\r/g, '\n'));
    expect(parseAamva(text).licence).toMatchObject({
      familyName: 'TESTPERSON',
      givenName: 'JOHN',
      dob: '1980-09-23',
      licenseNumber: 'T12345678901',
    });
    expect(d.deadline()).toBeNull();
  });

  it('lets human typing with an @ through, releasing the held @', () => {
    const d = new WedgeBurstDetector();
    const typed = 'clerk@court.ca.gov';
    const keys = [...typed].map((key, i) => ({ key, time: 5000 + i * 140 }));
    const { emitted, dispositions } = run(d, keys, 5000 + typed.length * 140 + 500);
    expect(emitted).toEqual([{ type: 'release', text: '@' }]);
    expect(dispositions.filter((x) => x === 'hold')).toHaveLength(1);
  });

  it('releases a short fast burst as typed text', () => {
    const d = new WedgeBurstDetector();
    const keys = [...'@abc'].map((key, i) => ({ key, time: 100 + i * 20 }));
    const { emitted } = run(d, keys, 1000);
    expect(emitted).toEqual([{ type: 'release', text: '@abc' }]);
  });

  it('ends a burst at a slower key, which then passes through', () => {
    const d = new WedgeBurstDetector();
    const keys = wedgeKeys(payload, 0, () => 5);
    const last = keys[keys.length - 1]?.time ?? 0;
    const { emitted } = run(d, [...keys, { key: 'x', time: last + 400 }]);
    expect(emitted.map((e) => e.type)).toEqual(['payload']);
    expect(d.feed({ key: 'y', time: last + 800 }).disposition).toBe('pass');
  });

  it('waits out a stall mid-scan while the header says more is coming', () => {
    const d = new WedgeBurstDetector();
    // A busy PC holds the events back for 400 ms two thirds of the way through the scan.
    const stallAt = Math.floor((payload.length * 2) / 3);
    const keys = wedgeKeys(payload, 0, (i) => (i === stallAt ? 400 : 5));
    const last = keys[keys.length - 1]?.time ?? 0;
    const { emitted } = run(d, keys);
    expect(emitted).toEqual([]);
    // Complete again: the ordinary gap ends it.
    expect(d.deadline()).toBe(last + 50);
    const done = d.tick(last + 51);
    expect(done.map((e) => e.type)).toEqual(['payload']);
    const text = done[0]?.type === 'payload' ? done[0].payload : '';
    expect(text).toBe(payload.replace(/\r/g, '\n'));
    expect(parseAamva(text).licence).toMatchObject({ familyName: 'TESTPERSON' });
  });

  it('still ends an incomplete scan after the longer gap, and a header-less burst at the short one', () => {
    const d = new WedgeBurstDetector();
    const keys = wedgeKeys(payload.slice(0, 150), 0, () => 5);
    const last = keys[keys.length - 1]?.time ?? 0;
    run(d, keys);
    expect(d.deadline()).toBe(last + 1000);
    expect(d.tick(last + 999)).toEqual([]);
    expect(d.tick(last + 1001).map((e) => e.type)).toEqual(['payload']);

    const e = new WedgeBurstDetector();
    const typed = wedgeKeys('@'.padEnd(40, 'x'), 0, () => 5);
    run(e, typed);
    expect(e.deadline()).toBe((typed[typed.length - 1]?.time ?? 0) + 50);
  });

  it('rebuilds control characters from placeholder text and Ctrl keys', () => {
    const d = new WedgeBurstDetector();
    const asText = payload.replace(/\n/g, '<LF>').replace(/\r/g, '<CR>').split('\x1e').join('<RS>');
    const keys = [...asText].map((key, i) => ({ key, time: i * 4 }));
    const { emitted } = run(d, keys, asText.length * 4 + 100);
    const first = emitted[0];
    expect(first?.type === 'payload' && first.payload).toBe(payload);
  });

  it('keeps unknown keys out of the payload and reports them', () => {
    const d = new WedgeBurstDetector();
    const keys = wedgeKeys(payload, 0, () => 3);
    keys.splice(40, 0, { key: 'F13', time: keys[39]?.time ?? 0 });
    const { emitted } = run(d, keys, 100000);
    const first = emitted[0];
    expect(first?.type === 'payload' && first.unknownKeys).toEqual(['F13']);
    expect(first?.type === 'payload' && first.payload).toBe(payload.replace(/\r/g, '\n'));
  });

  it('ignores auto-repeat of a held @ key', () => {
    const d = new WedgeBurstDetector();
    const keys: WedgeKey[] = [
      { key: '@', time: 0 },
      ...Array.from({ length: 40 }, (_, i) => ({ key: '@', time: 30 + i * 30, repeat: true })),
    ];
    const { emitted, dispositions } = run(d, keys, 5000);
    expect(emitted).toEqual([{ type: 'release', text: '@' }]);
    expect(dispositions.slice(1).every((x) => x === 'pass')).toBe(true);
  });

  it('parses the same fields for any card, gap pattern and surrounding typing', () => {
    const card = fc.constantFrom(...testIssuers).chain((issuer) =>
      fc.record({
        issuer: fc.constant(issuer),
        person: arbitraryPerson(issuer.country),
        version: fc.integer({ min: 1, max: 10 }),
        gaps: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }),
        before: fc.string({ maxLength: 6 }).filter((s) => !s.includes('@')),
      }),
    );
    fc.assert(
      fc.property(card, ({ issuer, person, version, gaps, before }) => {
        const p = personPayload(person, { version, iin: issuer.iin });
        const d = new WedgeBurstDetector();
        const human = [...before].map((key, i) => ({ key, time: i * 200 }));
        const start = before.length * 200 + 300;
        const keys = wedgeKeys(p, start, (i) => gaps[i % gaps.length] ?? 0);
        const last = keys[keys.length - 1]?.time ?? 0;
        const { emitted, dispositions } = run(d, [...human, ...keys], last + 1000);
        expect(dispositions.slice(0, human.length).every((x) => x === 'pass')).toBe(true);
        expect(emitted).toHaveLength(1);
        const first = emitted[0];
        const text = first?.type === 'payload' ? first.payload : '';
        expect(parseAamva(text).licence).toEqual(expectedLicence(person, version, issuer.code));
      }),
      { numRuns: 150 },
    );
  });
});
