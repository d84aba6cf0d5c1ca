/**
 * The records the order rules build (src/shared/orders) for every valid fixture order pass the
 * tag table and survive the codec unchanged: the two modules agree on tags and formats.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord, decodeMessage, encodeMessage } from '../../../../src/shared/clets';
import { checkOrder, lifecycleEventDef, orderToCletsRecords } from '../../../../src/shared/orders';

const dir = path.resolve(__dirname, '../../../fixtures/orders');
const files = readdirSync(dir).filter((f) => f.endsWith('.valid.json'));

describe('order records through the codec', () => {
  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: issued and terminated records pass checkRecord and round-trip', (file) => {
    const checked = checkOrder(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), {
      now: '2026-12-01T12:00:00-08:00',
    });
    expect(checked.errors).toEqual([]);
    for (const event of ['issued', 'terminated'] as const) {
      const key = { tag: 'MKE', value: lifecycleEventDef(event).mke };
      const records = orderToCletsRecords(checked.order!, event).map((r) => [key, ...r]);
      expect(records.length).toBeGreaterThanOrEqual(1);
      for (const r of records) expect(checkRecord(r)).toEqual([]);
      expect(decodeMessage(encodeMessage(records))).toEqual(records);
    }
  });
});
