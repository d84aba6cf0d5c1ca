/**
 * The CUPS path: `lp` with CUPS_SERVER pointing at a private cupsd (loopback, Browsing No),
 * whose queue forwards over IPP to a real ippeveprinter. The printer must see the copies,
 * sides and job name; CUPS' pdftopdf rewrites the PDF on the way, so the content is compared
 * as text rather than bytes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PrintService } from '../../../src/main/print/printService';
import type { PrintJob } from '../../../src/shared/printing/jobs';
import { terminalJobStates } from '../../../src/shared/printing/jobs';
import { startCups } from '../../peers/print/cupsPeer';
import type { CupsPeer } from '../../peers/print/cupsPeer';
import { grayJpegPage, sampleOrder } from '../../peers/print/fixtures';
import { startIppPrinter } from '../../peers/print/ippPrinterPeer';
import type { IppPrinterPeer } from '../../peers/print/ippPrinterPeer';

const run = promisify(execFile);

let printer: IppPrinterPeer;
let cups: CupsPeer;
let dataDir: string;
let service: PrintService;

async function settled(jobId: string, timeoutMs = 30_000): Promise<PrintJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = service.listJobs().find((j) => j.id === jobId);
    if (job && terminalJobStates.has(job.state)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job?.state}: ${cups.log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  printer = await startIppPrinter({ name: 'dept-4' });
  cups = await startCups();
  await cups.addIppQueue('dept4', printer.uri);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-cups-'));
  service = new PrintService({
    dataDir,
    // Only the environment says where CUPS is, as on a clerk's Linux PC.
    env: { ...process.env, CUPS_SERVER: cups.server },
    currentUser: () => 'clerk.jdoe',
    pollMs: 100,
  });
  await service.savePrinter({
    id: 'dept-4',
    name: 'Dept 4 (CUPS)',
    courtroom: 'Dept 4',
    kind: 'cups',
    queue: 'dept4',
  });
});

afterAll(async () => {
  await service?.close();
  await cups?.stop();
  await printer?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('printing through CUPS with lp', () => {
  it('reaches the printer through the private cupsd with copies, sides and the job name', async () => {
    const order = sampleOrder([await grayJpegPage({ text: 'CUPS PAGE' })]);
    const [job] = await service.printPackets({
      order,
      printerId: 'dept-4',
      recipients: [{ recipient: { kind: 'protected-person' }, copies: 2 }],
      coverSheet: true,
      sides: 'two-sided-long-edge',
    });
    const done = await settled(job?.id ?? '');
    expect(done.state).toBe('completed');
    expect(done.printerJobId).toBeGreaterThan(0);

    const captured = await printer.waitForJobNamed(
      '25DV01234 DV-110 service copy (Protected person)',
    );
    expect(captured.attrs).toMatchObject({ IPP_COPIES: '2', IPP_SIDES: 'two-sided-long-edge' });
    expect(captured.attrs.IPP_MEDIA_COL).toContain('x-dimension=21590 y-dimension=27940'); // Letter
    const file = path.join(dataDir, 'arrived.pdf');
    writeFileSync(file, captured.bytes);
    const { stdout } = await run('pdftotext', [file, '-']);
    expect(stdout).toContain('For: Protected person');
    expect(stdout).toContain('Page 2 of 2');
    expect(stdout).toContain('SERVICE COPY');

    const records = await service.listRecords({ orderId: order.id });
    expect(records[0]).toMatchObject({
      outcome: 'completed',
      printerId: 'dept-4',
      copies: 2,
      pageCount: 2,
    });
  });

  it('reports a jam behind CUPS as a Paper jam failure and prints on retry', async () => {
    printer.injectFault('media-jam', 'Paper jam in tray 1', 2);
    const [job] = await service.printPackets({
      order: sampleOrder([await grayJpegPage({ text: 'JAM PAGE' })], { id: 'order-jam' }),
      printerId: 'dept-4',
      recipients: [{ recipient: { kind: 'law-enforcement' }, copies: 1 }],
      coverSheet: false,
    });
    const jammed = await settled(job?.id ?? '');
    // CUPS calls it "canceled at printer"; the clerk did not cancel it, so it is a failure.
    expect(jammed.state).toBe('aborted');
    expect(jammed.message).toMatch(/^Paper jam\./);
    const retry = await service.retryJob(jammed.id);
    expect((await settled(retry.id)).state).toBe('completed');
    const outcomes = (await service.listRecords({ orderId: 'order-jam' }))
      .map((r) => r.outcome)
      .sort();
    expect(outcomes).toEqual(['aborted', 'completed']);
  });

  it('prefers the printer setting over CUPS_SERVER, and says clearly when the queue does not exist', async () => {
    await service.savePrinter({
      id: 'dept-5',
      name: 'Dept 5 (no such queue)',
      courtroom: 'Dept 5',
      kind: 'cups',
      queue: 'dept5',
      cupsServer: cups.server,
    });
    const job = await service.printTestPage('dept-5');
    const done = await settled(job.id);
    expect(done.state).toBe('failed');
    expect(done.message).toBe(
      'Not sent. CUPS has no printer queue named "dept5"; check the printer settings.',
    );
  });

  it('prints a test page through CUPS and checks the queue', async () => {
    const job = await service.printTestPage('dept-4');
    expect((await settled(job.id)).state).toBe('completed');
    const page = await printer.waitForJobNamed('Test page Dept 4 (CUPS)');
    // CUPS leaves out copies=1 (the default) rather than sending it.
    expect(page.attrs.IPP_COPIES ?? '1').toBe('1');
    expect(page.attrs.CONTENT_TYPE).toBe('application/pdf');
    const check = await service.checkPrinter('dept-4');
    expect(['idle', 'processing']).toContain(check.state);
  });
});
