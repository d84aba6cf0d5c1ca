import { describe, expect, it } from 'vitest';

import { REJECT_CODES } from '../../../../src/registry/clets-sim/protocol';
import {
  describeReject,
  fieldPathOf,
  REJECT_ADVICE,
  TAG_SOURCES,
} from '../../../../src/registry/relay/fieldMap';
import { CLETS_TAGS } from '../../../../src/shared/clets';
import { fullRecordTags, lifecycleEvents } from '../../../../src/shared/orders';

describe('relay: from a CLETS answer back to the clerk form', () => {
  it('knows the form field of every tag the domain sends', () => {
    const sent = new Set<string>([
      ...fullRecordTags,
      ...lifecycleEvents.flatMap((e) => e.recordTags),
    ]);
    for (const tag of sent) expect(TAG_SOURCES[tag], tag).toBeDefined();
    for (const tag of Object.keys(TAG_SOURCES)) {
      expect(
        CLETS_TAGS.some((r) => r.tag === tag),
        tag,
      ).toBe(true);
    }
  });

  it('has advice for every reject code', () => {
    for (const code of Object.keys(REJECT_CODES)) expect(REJECT_ADVICE[code as 'INV']).toBeTruthy();
  });

  it('maps restrained-person tags to restrained.* and protected-person tags to the record’s person', () => {
    expect(fieldPathOf('HGT', 1)).toEqual({
      path: 'restrained.height',
      label: "restrained person's height",
    });
    expect(fieldPathOf('OLN', 2)?.path).toBe('restrained.licence.number');
    expect(fieldPathOf('PPN', 1)?.path).toBe('protected[0].name');
    expect(fieldPathOf('PPB', 3)?.path).toBe('protected[2].dob');
    expect(fieldPathOf('PNO', 0)?.path).toBe('caseNumber');
    expect(fieldPathOf('ZZZ', 1)).toBeNull();
    expect(fieldPathOf(null, 1)).toBeNull();
  });

  it('says what to fix in clerk words', () => {
    expect(
      describeReject({
        code: 'INV',
        text: 'HGT (Height) "514" must be 3 digits.',
        tag: 'HGT',
        record: 1,
      }),
    ).toEqual({
      code: 'INV',
      text: 'HGT (Height) "514" must be 3 digits.',
      tag: 'HGT',
      record: 1,
      field: 'restrained.height',
      label: "restrained person's height",
      message:
        'CLETS refused the restrained person\'s height: HGT (Height) "514" must be 3 digits. Correct the restrained person\'s height and resubmit the order.',
    });
    expect(describeReject({ code: 'MND', text: 'x', tag: 'PPB', record: 2 }).message).toBe(
      "CLETS needs the protected person's date of birth, which is missing. Add the protected person's date of birth and resubmit the order.",
    );
    expect(
      describeReject({
        code: 'DUP',
        text: 'duplicate on file as FCN 2632900000001',
        tag: 'PNO',
        record: 1,
      }).message,
    ).toMatch(
      /^CLETS already has this order on file \(duplicate on file as FCN 2632900000001\); it was not entered twice\./,
    );
    const local = describeReject({
      code: 'LOCAL',
      text: 'Inches must be 0 to 11.',
      tag: null,
      record: 0,
      field: 'restrained.height.inches',
    });
    expect(local).toMatchObject({
      field: 'restrained.height.inches',
      label: 'restrained height inches',
    });
    expect(local.message).toBe(
      'The order cannot be sent to CLETS: Inches must be 0 to 11. Correct the restrained height inches and resubmit the order.',
    );
    expect(describeReject({ code: 'FMT', text: 'x', tag: null, record: 0 })).toMatchObject({
      field: null,
      label: null,
    });
  });
});
