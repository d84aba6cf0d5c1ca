/**
 * What survives a restart of the workstation: the print log does, the PDFs of failed jobs do
 * not (they are kept in memory only), so retry must send the clerk back to the print queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { IppStatusError } from '../../../../src/main/print/ipp/ippClient';
import { PrintService } from '../../../../src/main/print/printService';
import type { PrintTarget } from '../../../../src/main/print/targets/printTarget';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import type { PrintJob } from '../../../../src/shared/printing/jobs';
import { sampleOrder } from '../../../peers/print/fixtures';

/** A printer that refuses every job: the job fails and stays retryable. */
const refusing: PrintTarget = {
  submit: () =>
    Promise.reject(new IppStatusError('The printer is not accepting jobs right now.', 'x')),
  getJob: () => Promise.reject(new Error('unused')),
  getPrinter: () => Promise.reject(new Error('unused')),
  cancel: () => Promise.resolve(),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-restart-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function service(): PrintService {
  return new PrintService({ dataDir: dir, targetFor: () => refusing, currentUser: () => 'ct.lee' });
}

async function settled(s: PrintService, id: string): Promise<PrintJob> {
  for (let i = 0; i < 200; i += 1) {
    const job = s.listJobs().find((j) => j.id === id);
    if (job?.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('job did not fail');
}

describe('print jobs across a restart', () => {
  it('keeps the record, forgets the PDF, and says how to print again', async () => {
    const before = service();
    await before.savePrinter({
      id: 'd3',
      name: 'Dept 3',
      courtroom: 'Dept 3',
      kind: 'ipp',
      uri: 'ipp://127.0.0.1:9/',
    });
    const [job] = await before.printPackets({
      order: sampleOrder([]),
      printerId: 'd3',
      recipients: [{ recipient: { kind: 'restrained-person' }, copies: 2 }],
      coverSheet: true,
    });
    const failed = await settled(before, job?.id ?? '');
    expect(failed.canRetry).toBe(true);
    // The outcome line is appended after the job's state changes: close() must wait for it,
    // or a quit right after a failure would leave the record at "requested".
    await before.close();

    const after = service();
    expect(after.listJobs()).toEqual([]);
    expect(await after.listRecords({ orderId: 'order-0001' })).toMatchObject([
      { jobId: failed.id, outcome: 'failed', printedBy: 'ct.lee', copies: 2, printerId: 'd3' },
    ]);
    const retry = after.retryJob(failed.id);
    await expect(retry).rejects.toBeInstanceOf(ServiceError);
    await expect(retry).rejects.toThrow(/print it again for this recipient/);
    await after.close();
  });
});
