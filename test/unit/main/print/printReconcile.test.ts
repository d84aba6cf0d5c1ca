/**
 * Prints the app closed on are resolved at the next start: each record left at `requested` or
 * `submitted` gets one ending, from one question to its printer (a fake PrintTarget here; the
 * real printer case is in test/integration/print/ippPrint.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { IppJobStatus } from '../../../../src/main/print/ipp/ippClient';
import { IppStatusError } from '../../../../src/main/print/ipp/ippClient';
import { IppTransportError } from '../../../../src/main/print/ipp/ippTransport';
import { PrintService } from '../../../../src/main/print/printService';
import { PrintLog } from '../../../../src/main/print/store/printLog';
import { PrinterStore } from '../../../../src/main/print/store/printerStore';
import type { PrintTarget } from '../../../../src/main/print/targets/printTarget';
import type { PrintRecord } from '../../../../src/shared/printing/jobs';
import { sampleOrder } from '../../../peers/print/fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-reconcile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (
  jobId: string,
  outcome: 'requested' | 'submitted',
  printerJobId: number | null,
  printerId = 'd3',
): PrintRecord => ({
  jobId,
  kind: 'service-copy',
  at: '2026-03-02T18:00:00.000Z',
  printedBy: 'ct.lee',
  orderId: 'order-0001',
  caseNumber: '25DV01234',
  orderTypeCode: 'DV-110',
  recipient: { kind: 'protected-person' },
  copies: 1,
  pageCount: 2,
  printerId,
  printerName: printerId === 'd3' ? 'Dept 3' : 'Dept 7 (removed)',
  printerJobId,
  outcome,
  endedAt: null,
  detail: 'Sent to the printer.',
  retryOf: null,
  coverSheet: true,
  sides: 'one-sided',
  media: 'na_letter_8.5x11in',
});

/** What the fake printer says about each job number: a status, an error, or never answering. */
type Answer = IppJobStatus | Error | 'hang';

function fakeTarget(answers: Map<number, Answer>, asked: { jobId: number; user: string }[]) {
  return (_printer: unknown, user: string): PrintTarget => ({
    submit: () => Promise.resolve(100),
    getJob: (jobId) => {
      asked.push({ jobId, user });
      const a = answers.get(jobId);
      if (a === 'hang') return new Promise(() => {});
      if (a instanceof Error) return Promise.reject(a);
      return a ? Promise.resolve(a) : Promise.reject(new Error('unexpected'));
    },
    getPrinter: () => Promise.resolve({ state: 'idle', reasons: [], message: '' }),
    cancel: () => Promise.resolve(),
  });
}

async function seed(records: PrintRecord[]): Promise<void> {
  await new PrinterStore(dir).save({
    id: 'd3',
    name: 'Dept 3',
    courtroom: 'Dept 3',
    kind: 'ipp',
    uri: 'ipp://127.0.0.1:9/',
  });
  const log = new PrintLog(dir);
  for (const r of records) await log.append(r);
}

describe('start-up reconcile of prints the app closed on', () => {
  it('asks the printer once per sent record and records each outcome', async () => {
    await seed([
      record('done', 'submitted', 11),
      record('jam', 'submitted', 12),
      record('gone', 'submitted', 13),
      record('off', 'submitted', 14),
      record('cancel', 'submitted', 15),
      record('busy', 'submitted', 16),
      record('never-sent', 'requested', null),
      record('removed', 'submitted', 17, 'd7'),
    ]);
    const answers = new Map<number, Answer>([
      [11, { state: 'completed', reasons: ['job-completed-successfully'], message: '' }],
      [12, { state: 'aborted', reasons: ['aborted-by-system'], message: 'Paper jam in tray 1' }],
      [13, new IppStatusError('The printer no longer knows this job.', 'client-error-not-found')],
      [14, new IppTransportError('Nothing answers at 127.0.0.1:9: the printer is off.')],
      [15, { state: 'canceled', reasons: ['job-canceled-at-device'], message: '' }],
      [16, { state: 'processing', reasons: ['job-printing'], message: '' }],
    ]);
    const asked: { jobId: number; user: string }[] = [];
    const s = new PrintService({ dataDir: dir, targetFor: fakeTarget(answers, asked) });
    const ended = await s.reconciled;
    expect(ended).toHaveLength(8);
    // One question each, asked as the clerk who printed; none for the unsent or unknown printer.
    expect(asked.map((a) => a.jobId).sort()).toEqual([11, 12, 13, 14, 15, 16]);
    expect(new Set(asked.map((a) => a.user))).toEqual(new Set(['ct.lee']));

    const byId = new Map((await s.listRecords({})).map((r) => [r.jobId, r]));
    const outcome = (id: string) => [byId.get(id)?.outcome, byId.get(id)?.detail];
    expect(outcome('done')).toEqual([
      'completed',
      'Printed. (Asked the printer after the app restarted.)',
    ]);
    expect(outcome('jam')[0]).toBe('aborted');
    expect(outcome('jam')[1]).toMatch(/Paper jam in tray 1/);
    expect(outcome('cancel')[0]).toBe('canceled');
    expect(outcome('gone')).toEqual([
      'unknown',
      'Unknown — check the output tray (the printer no longer knows this job). If the copy is not there, print it again.',
    ]);
    expect(outcome('off')[0]).toBe('unknown');
    expect(outcome('off')[1]).toMatch(
      /^Unknown — check the output tray \(the printer did not answer: Nothing answers at 127\.0\.0\.1:9/,
    );
    expect(outcome('busy')[0]).toBe('unknown');
    expect(outcome('busy')[1]).toMatch(/still had this job: Printing; it may still print/);
    expect(outcome('never-sent')).toEqual(['failed', 'The app closed before this was sent.']);
    expect(outcome('removed')[0]).toBe('unknown');
    expect(outcome('removed')[1]).toMatch(/“Dept 7 \(removed\)” is no longer set up/);
    for (const r of byId.values()) expect(r.endedAt).not.toBeNull();
    await s.close();

    // Resolved once: the next start asks nothing.
    const again: { jobId: number; user: string }[] = [];
    const next = new PrintService({ dataDir: dir, targetFor: fakeTarget(answers, again) });
    expect(await next.reconciled).toEqual([]);
    expect(again).toEqual([]);
    await next.close();
  });

  it('does not hold printing up while a printer does not answer, nor touch this run’s prints', async () => {
    await seed([record('stuck', 'submitted', 21)]);
    const answers = new Map<number, Answer>([
      [21, 'hang'],
      [100, { state: 'completed', reasons: [], message: '' }],
    ]);
    const s = new PrintService({ dataDir: dir, targetFor: fakeTarget(answers, []), pollMs: 10 });
    const [job] = await s.printPackets({
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: { kind: 'restrained-person' }, copies: 1 }],
      coverSheet: true,
    });
    for (let i = 0; i < 200 && s.listJobs()[0]?.state !== 'completed'; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(s.listJobs()[0]?.state).toBe('completed');
    const records = await s.listRecords({});
    expect(records.find((r) => r.jobId === job?.id)?.outcome).toBe('completed');
    // The stuck one stays unresolved (it is asked again at the next start), and close() does
    // not wait for its printer.
    expect(records.find((r) => r.jobId === 'stuck')?.outcome).toBe('submitted');
    await s.close();
  });

  it('lets a record the app closed on before sending be printed again', async () => {
    await seed([record('never-sent', 'requested', null)]);
    const answers = new Map<number, Answer>([
      [100, { state: 'completed', reasons: [], message: '' }],
    ]);
    const s = new PrintService({ dataDir: dir, targetFor: fakeTarget(answers, []) });
    await s.reconciled;
    const [job] = await s.printPackets({
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: { kind: 'protected-person' }, copies: 1 }],
      coverSheet: true,
      retryOf: 'never-sent',
    });
    expect(job?.retryOf).toBe('never-sent');
    const old = (await s.listRecords({})).find((r) => r.jobId === 'never-sent');
    expect(old).toMatchObject({ outcome: 'failed', retriedBy: job?.id });
    await s.close();
  });

  it('refuses to print again a record still at the printer', async () => {
    await seed([record('stuck', 'submitted', 21)]);
    const s = new PrintService({
      dataDir: dir,
      targetFor: fakeTarget(new Map([[21, 'hang']]), []),
    });
    await expect(
      s.printPackets({
        order: sampleOrder([]),
        printerId: 'd3',
        recipients: [{ recipient: { kind: 'protected-person' }, copies: 1 }],
        coverSheet: true,
        retryOf: 'stuck',
      }),
    ).rejects.toThrow(/cannot be printed again: it is still in progress/);
    await s.close();
  });
});
