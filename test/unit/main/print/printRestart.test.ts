/**
 * What survives a restart of the workstation: the print log does, the PDFs of failed jobs do
 * not (they are kept in memory only). "Print again" sends the packet rebuilt from the order's
 * pages with `retryOf`, and the new record links back to the one that did not print.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { IppStatusError } from '../../../../src/main/print/ipp/ippClient';
import { PrintService } from '../../../../src/main/print/printService';
import type { PrintTarget } from '../../../../src/main/print/targets/printTarget';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import type { PrintJob, PrintRecord } from '../../../../src/shared/printing/jobs';
import { sampleOrder } from '../../../peers/print/fixtures';

/** A printer that refuses jobs while `refusing`, else prints each one at once. */
function fakePrinter() {
  const sent: { jobName: string; copies: number; sides: string; bytes: number }[] = [];
  const printer = { refusing: true, sent };
  const target: PrintTarget = {
    submit: (req) => {
      if (printer.refusing)
        return Promise.reject(new IppStatusError('The printer is not accepting jobs.', 'x'));
      sent.push({
        jobName: req.jobName,
        copies: req.copies,
        sides: req.sides,
        bytes: req.data.length,
      });
      return Promise.resolve(sent.length);
    },
    getJob: () => Promise.resolve({ state: 'completed', reasons: [], message: '' }),
    getPrinter: () => Promise.resolve({ state: 'idle', reasons: [], message: '' }),
    cancel: () => Promise.resolve(),
  };
  return Object.assign(printer, { target });
}

let dir: string;
let printer: ReturnType<typeof fakePrinter>;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-restart-'));
  printer = fakePrinter();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function service(): PrintService {
  return new PrintService({
    dataDir: dir,
    targetFor: () => printer.target,
    currentUser: () => 'ct.lee',
    pollMs: 10,
  });
}

async function settled(s: PrintService, id: string): Promise<PrintJob> {
  for (let i = 0; i < 300; i += 1) {
    const job = s.listJobs().find((j) => j.id === id);
    if (job && ['failed', 'completed', 'aborted', 'canceled'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('job did not end');
}

const restrained = { kind: 'restrained-person' } as const;

/** Prints one restrained-person packet on a refusing printer; returns the failed job. */
async function failedPrint(s: PrintService): Promise<PrintJob> {
  await s.savePrinter({
    id: 'd3',
    name: 'Dept 3',
    courtroom: 'Dept 3',
    kind: 'ipp',
    uri: 'ipp://127.0.0.1:9/',
  });
  const [job] = await s.printPackets({
    order: sampleOrder([]),
    printerId: 'd3',
    recipients: [{ recipient: restrained, copies: 2 }],
    coverSheet: false,
    sides: 'two-sided-long-edge',
  });
  return settled(s, job?.id ?? '');
}

describe('print jobs across a restart', () => {
  it('keeps the record with how it was made, forgets the PDF, and says how to print again', async () => {
    const before = service();
    const failed = await failedPrint(before);
    expect(failed.state).toBe('failed');
    expect(failed.canRetry).toBe(true);
    // The outcome line is appended after the job's state changes: close() must wait for it,
    // or a quit right after a failure would leave the record at "requested".
    await before.close();

    const after = service();
    expect(after.listJobs()).toEqual([]);
    expect(await after.listRecords({ orderId: 'order-0001' })).toMatchObject([
      {
        jobId: failed.id,
        outcome: 'failed',
        printedBy: 'ct.lee',
        copies: 2,
        printerId: 'd3',
        coverSheet: false,
        sides: 'two-sided-long-edge',
        media: 'na_letter_8.5x11in',
        retriedBy: null,
      },
    ]);
    const retry = after.retryJob(failed.id);
    await expect(retry).rejects.toBeInstanceOf(ServiceError);
    await expect(retry).rejects.toThrow(/use Print again in its print records/);
    await after.close();
  });

  it('prints a failed record again after a restart, linked both ways, once', async () => {
    const before = service();
    const failed = await failedPrint(before);
    await before.close();

    printer.refusing = false;
    const after = service();
    const again = {
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: restrained, copies: 2 }],
      coverSheet: false,
      sides: 'two-sided-long-edge' as const,
      retryOf: failed.id,
    };
    // Two clicks at once make one new print.
    const [first, second] = await Promise.allSettled([
      after.printPackets(again, 'sup.rivera'),
      after.printPackets(again, 'sup.rivera'),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && (second.reason as ServiceError).code).toBe('conflict');
    const [job] = first.status === 'fulfilled' ? first.value : [];
    expect(job).toMatchObject({ retryOf: failed.id, printedBy: 'sup.rivera', copies: 2 });
    expect((await settled(after, job?.id ?? '')).state).toBe('completed');
    expect(printer.sent).toMatchObject([
      {
        copies: 2,
        sides: 'two-sided-long-edge',
        jobName: '25DV01234 DV-110 service copy (Restrained person)',
      },
    ]);
    await after.close();

    // After another restart the link is still there, and the old print is not offered again.
    const later = service();
    const records = await later.listRecords({ orderId: 'order-0001' });
    expect(records.find((r) => r.jobId === failed.id)).toMatchObject({
      outcome: 'failed',
      retriedBy: job?.id,
    });
    expect(records.find((r) => r.jobId === job?.id)).toMatchObject({
      outcome: 'completed',
      retryOf: failed.id,
      retriedBy: null,
    });
    await expect(later.printPackets(again)).rejects.toThrow(/already printed again/);
    // A printed record cannot be printed again either.
    await expect(later.printPackets({ ...again, retryOf: job?.id ?? '' })).rejects.toThrow(
      /cannot be printed again: it has printed/,
    );
    await later.close();
  });

  it('refuses a print again for another recipient or order, or of a job it does not know', async () => {
    const s = service();
    const failed = await failedPrint(s);
    const again = {
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: { kind: 'protected-person' as const }, copies: 2 }],
      coverSheet: false,
      retryOf: failed.id,
    };
    await expect(s.printPackets(again)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Print again is for the same order and recipient as the print it replaces.',
    });
    await expect(
      s.printPackets({ ...again, order: { ...sampleOrder([]), id: 'order-0002' } }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(s.printPackets({ ...again, retryOf: 'no-such-job' })).rejects.toMatchObject({
      code: 'not-found',
    });
    // Nothing was queued by the refused requests, and the failed job is still retryable.
    expect(s.listJobs().map((j) => j.id)).toEqual([failed.id]);
    expect(s.listJobs()[0]?.canRetry).toBe(true);
    await s.close();
  });

  it('takes the in-memory Retry away once the job was printed again from its record', async () => {
    const s = service();
    const failed = await failedPrint(s);
    printer.refusing = false;
    const [job] = await s.printPackets({
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: restrained, copies: 2 }],
      coverSheet: false,
      retryOf: failed.id,
    });
    expect(s.listJobs().find((j) => j.id === failed.id)?.canRetry).toBe(false);
    await expect(s.retryJob(failed.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await settled(s, job?.id ?? '')).state).toBe('completed');
    expect(printer.sent).toHaveLength(1);
    await s.close();
  });

  it('reads log lines written before records kept the cover sheet, sides and paper', async () => {
    const old: Omit<PrintRecord, 'coverSheet' | 'sides' | 'media'> = {
      jobId: 'old-1',
      kind: 'service-copy',
      at: '2026-03-01T18:00:00.000Z',
      printedBy: 'ct.lee',
      orderId: 'order-0001',
      caseNumber: '25DV01234',
      orderTypeCode: 'DV-110',
      recipient: restrained,
      copies: 1,
      pageCount: 3,
      printerId: 'd3',
      printerName: 'Dept 3',
      printerJobId: 4,
      outcome: 'aborted',
      endedAt: '2026-03-01T18:01:00.000Z',
      detail: 'Paper jam.',
      retryOf: null,
    };
    const s = service();
    await s.savePrinter({
      id: 'd3',
      name: 'Dept 3',
      courtroom: 'Dept 3',
      kind: 'ipp',
      uri: 'ipp://127.0.0.1:9/',
    });
    appendFileSync(path.join(dir, 'print', 'print-log.jsonl'), `${JSON.stringify(old)}\n`);
    const [record] = await s.listRecords({});
    expect(record).toEqual({ ...old, retriedBy: null });
    printer.refusing = false;
    const [job] = await s.printPackets({
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: restrained, copies: 1 }],
      coverSheet: true,
      retryOf: 'old-1',
    });
    expect(job?.retryOf).toBe('old-1');
    expect((await s.listRecords({})).find((r) => r.jobId === 'old-1')?.retriedBy).toBe(job?.id);
    await s.close();
  });
});
