import { describe, expect, it } from 'vitest';

import { channels, isWellFormedChannel, eventNames } from '../../../../src/shared/ipc/channels';
import { eventContract, invokeContract } from '../../../../src/shared/ipc/contract';
import {
  buildPacketInputSchema,
  printPacketsInputSchema,
} from '../../../../src/shared/ipc/contracts/print';
import { sampleOrder } from '../../../peers/print/fixtures';

const page = {
  mime: 'image/jpeg' as const,
  bytes: new Uint8Array([0xff, 0xd8, 1]),
  width: 10,
  height: 10,
  dpi: 100,
};

describe('print IPC contract', () => {
  it('names every print channel domain:verb-noun and has schemas for each', () => {
    for (const channel of Object.values(channels.print)) {
      expect(isWellFormedChannel(channel), channel).toBe(true);
      expect(invokeContract[channel]).toBeDefined();
    }
    expect(eventNames).toContain('print:job-updated');
    expect(eventContract['print:job-updated']).toBeDefined();
  });

  it('accepts page bytes as Uint8Array or ArrayBuffer and yields Uint8Array', () => {
    const ab = page.bytes.slice().buffer;
    const parsed = buildPacketInputSchema.parse({ order: sampleOrder([{ ...page, bytes: ab }]) });
    expect(parsed.order.pages[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(parsed.coverSheet).toBe(true);
  });

  it('refuses an order with extra (possibly confidential) fields at the IPC boundary', () => {
    const result = buildPacketInputSchema.safeParse({
      order: { ...sampleOrder([]), dateOfBirth: '1980-01-01' },
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('dateOfBirth');
  });

  it('checks recipients and copies', () => {
    const base = { order: sampleOrder([page]), printerId: 'dept-3' };
    expect(printPacketsInputSchema.safeParse({ ...base, recipients: [] }).success).toBe(false);
    expect(
      printPacketsInputSchema.safeParse({
        ...base,
        recipients: [{ recipient: { kind: 'other' }, copies: 1 }],
      }).success,
    ).toBe(false);
    expect(
      printPacketsInputSchema.safeParse({
        ...base,
        recipients: [{ recipient: { kind: 'law-enforcement' }, copies: 0 }],
      }).success,
    ).toBe(false);
    const ok = printPacketsInputSchema.parse({
      ...base,
      recipients: [
        { recipient: { kind: 'protected-person' }, copies: 2 },
        { recipient: { kind: 'other', name: 'Counsel' }, copies: 1 },
      ],
      sides: 'two-sided-long-edge',
    });
    expect(ok.coverSheet).toBe(true);
    expect(ok.recipients).toHaveLength(2);
  });

  it('takes retryOf ("Print again") for one recipient only', () => {
    const base = { order: sampleOrder([page]), printerId: 'dept-3' };
    const one = [{ recipient: { kind: 'protected-person' }, copies: 2 }];
    expect(
      printPacketsInputSchema.parse({ ...base, recipients: one, retryOf: 'job-1' }),
    ).toMatchObject({
      retryOf: 'job-1',
    });
    const two = printPacketsInputSchema.safeParse({
      ...base,
      recipients: [...one, { recipient: { kind: 'restrained-person' }, copies: 1 }],
      retryOf: 'job-1',
    });
    expect(two.success).toBe(false);
    expect(two.error?.issues[0]).toMatchObject({
      path: ['recipients'],
      message: 'Print again sends one recipient’s packet.',
    });
    expect(
      printPacketsInputSchema.safeParse({ ...base, recipients: one, retryOf: '' }).success,
    ).toBe(false);
  });

  it('requires zoned times on the order', () => {
    expect(
      buildPacketInputSchema.safeParse({
        order: sampleOrder([], { issuedAt: '2026-03-02T15:00:00' }),
      }).success,
    ).toBe(false);
  });
});
