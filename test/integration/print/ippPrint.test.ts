/**
 * Service copies printed to a real IPP Everywhere printer (ippeveprinter on loopback, private
 * D-Bus and spool), through the print:* IPC channels exactly as the renderer calls them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import type { CallContext, Dispatcher } from '../../../src/main/ipc/dispatcher';
import { readG4Tiff } from '../../../src/main/print/packet/tiffG4';
import { createPrintHandlers } from '../../../src/main/print/printHandlers';
import { PrintService } from '../../../src/main/print/printService';
import { PrintLog } from '../../../src/main/print/store/printLog';
import { createWorkstation } from '../../../src/main/workstation';
import type { Workstation } from '../../../src/main/workstation';
import type { InvokeChannel } from '../../../src/shared/ipc/channels';
import type { InvokeIn, InvokeOut } from '../../../src/shared/ipc/contract';
import type { PrintJob } from '../../../src/shared/printing/jobs';
import { terminalJobStates } from '../../../src/shared/printing/jobs';
import type { PacketPage } from '../../../src/shared/printing/packetOrder';
import { signInAs } from '../../helpers/auth';
import { containsBytes } from '../../unit/main/print/pdfInspect';
import { g4Page, grayJpegPage, sampleOrder } from '../../peers/print/fixtures';
import { startIppPrinter } from '../../peers/print/ippPrinterPeer';
import type { IppPrinterPeer } from '../../peers/print/ippPrinterPeer';

const ctx: CallContext = { shell: 'host', origin: 'test' };
const clock = new Date('2026-03-02T23:30:00.000Z');

let peer: IppPrinterPeer;
let dataDir: string;
let workstation: Workstation;
let service: PrintService;
let dispatcher: Dispatcher;
const events: PrintJob[] = [];
let pages: PacketPage[];

async function call<C extends InvokeChannel>(
  channel: C,
  input: InvokeIn<C>,
): Promise<InvokeOut<C>> {
  const result = await dispatcher.dispatch(channel, input, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as InvokeOut<C>;
}

/** Waits until the job reaches a final state and returns it. */
async function settled(jobId: string, timeoutMs = 30_000): Promise<PrintJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = service.listJobs().find((j) => j.id === jobId);
    if (job && terminalJobStates.has(job.state)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job?.state}: ${peer.log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** (Re)opens the print service on the data folder, as the app does at start. */
function openService(): void {
  service = new PrintService({
    dataDir,
    publish: (job) => events.push(job),
    // No currentUser: who printed must come from the signed-in user of each call.
    pollMs: 100,
    now: () => clock,
  });
  // The workstation's own handlers, with print:* bound to a service on a test clock and poll.
  dispatcher = createDispatcher(
    { ...workstation.handlers, ...createPrintHandlers(service) },
    { access: workstation.auth.gate },
  );
}

beforeAll(async () => {
  peer = await startIppPrinter({ name: 'dept-3' });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-ipp-'));
  workstation = createWorkstation({ shell: 'host', dataDir, version: 'test' });
  openService();
  // A supervisor both sets printers up and prints (docs/security-roles.md).
  await signInAs(workstation, 'supervisor', { username: 'sup.rivera' });
  pages = [await grayJpegPage({ text: 'ORDER PAGE 1' }), await g4Page({ text: 'ORDER PAGE 2' })];
  await call('print:save-printer', {
    id: 'dept-3',
    name: 'Dept 3 printer',
    courtroom: 'Dept 3',
    kind: 'ipp',
    uri: peer.uri,
  });
});

afterAll(async () => {
  await service?.close();
  await workstation?.close();
  await peer?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('printing service copies over IPP', () => {
  it('lists the saved printer and finds it ready', async () => {
    const printers = await call('print:list-printers', {});
    expect(printers.map((p) => p.id)).toEqual(['dept-3']);
    expect(await call('print:check-printer', { printerId: 'dept-3' })).toMatchObject({
      state: 'idle',
      message: 'Ready.',
    });
  });

  it('prints one packet per recipient: the printed bytes are the packet, with copies and sides', async () => {
    const order = sampleOrder(pages);
    const { jobs } = await call('print:print-packets', {
      order,
      printerId: 'dept-3',
      recipients: [
        { recipient: { kind: 'protected-person' }, copies: 2 },
        { recipient: { kind: 'law-enforcement', name: 'Sacramento County Sheriff' }, copies: 1 },
      ],
      sides: 'two-sided-long-edge',
    });
    expect(jobs.map((j) => [j.state, j.copies])).toEqual([
      ['queued', 2],
      ['queued', 1],
    ]);
    const done = await Promise.all(jobs.map((j) => settled(j.id)));
    expect(done.map((j) => j.state)).toEqual(['completed', 'completed']);
    expect(done.map((j) => j.message)).toEqual(['Printed.', 'Printed.']);

    const preview = await call('print:build-packet', {
      order,
      recipient: { kind: 'protected-person' },
    });
    const first = await peer.waitForCapture(done[0]?.printerJobId ?? -1);
    expect(Buffer.from(first.bytes).equals(Buffer.from(new Uint8Array(preview.pdf)))).toBe(true);
    expect(first.attrs).toMatchObject({
      IPP_COPIES: '2',
      IPP_SIDES: 'two-sided-long-edge',
      IPP_MEDIA: 'na_letter_8.5x11in',
      IPP_JOB_NAME: '25DV01234 DV-110 service copy (Protected person)',
      // The signed-in user owns the job at the printer, not the workstation's OS account.
      IPP_JOB_ORIGINATING_USER_NAME: 'sup.rivera',
      CONTENT_TYPE: 'application/pdf',
    });
    const second = await peer.waitForCapture(done[1]?.printerJobId ?? -1);
    expect(second.attrs.IPP_COPIES).toBe('1');
    // Same order pages, different cover sheet: the scans went through untouched in both.
    expect(Buffer.from(second.bytes).equals(first.bytes)).toBe(false);
    const jpeg = pages[0]?.bytes ?? new Uint8Array();
    const g4Strip = readG4Tiff(pages[1]?.bytes ?? new Uint8Array()).strips[0] ?? new Uint8Array();
    for (const scan of [jpeg, g4Strip]) expect(containsBytes(second.bytes, scan)).toBe(true);
  });

  it('sent job updates as events, from queued to printed', () => {
    const states = events
      .filter((e) => e.copies === 2 && e.kind === 'service-copy')
      .map((e) => e.state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('pending');
    expect(states.at(-1)).toBe('completed');
  });

  it('ends an injected media jam as a clear "Paper jam" failure that can be retried', async () => {
    peer.injectFault('media-jam', 'Paper jam in tray 1', 1);
    const { jobs } = await call('print:print-packets', {
      order: sampleOrder(pages),
      printerId: 'dept-3',
      recipients: [{ recipient: { kind: 'restrained-person' }, copies: 1 }],
    });
    const jammed = await settled(jobs[0]?.id ?? '');
    expect(jammed.state).toBe('aborted');
    expect(jammed.message).toMatch(/^Paper jam\. Clear the jam/);
    expect(jammed.reasons[0]).toMatchObject({ words: 'Paper jam', severity: 'error' });
    expect(jammed.canRetry).toBe(true);
    // While it was jammed, the queue showed it live.
    expect(
      events.some(
        (e) => e.id === jammed.id && e.state === 'processing' && /Paper jam/.test(e.message),
      ),
    ).toBe(true);

    const retry = await call('print:retry-job', { jobId: jammed.id });
    expect(retry.retryOf).toBe(jammed.id);
    const printed = await settled(retry.id);
    expect(printed.state).toBe('completed');
    const before = await peer.waitForCapture(jammed.printerJobId ?? -1);
    const after = await peer.waitForCapture(printed.printerJobId ?? -1);
    expect(Buffer.from(after.bytes).equals(before.bytes)).toBe(true);
    expect(service.listJobs().find((j) => j.id === jammed.id)?.canRetry).toBe(false);
    await expect(call('print:retry-job', { jobId: jammed.id })).rejects.toThrow(
      /conflict: This job cannot be retried/,
    );

    const records = await call('print:list-records', { orderId: 'order-0001' });
    const jamRecord = records.find((r) => r.jobId === jammed.id);
    expect(jamRecord).toMatchObject({
      outcome: 'aborted',
      printedBy: 'sup.rivera',
      recipient: { kind: 'restrained-person' },
      caseNumber: '25DV01234',
      orderTypeCode: 'DV-110',
      printerId: 'dept-3',
    });
    expect(jamRecord?.detail).toMatch(/^Paper jam/);
    expect(records.find((r) => r.jobId === retry.id)).toMatchObject({
      outcome: 'completed',
      retryOf: jammed.id,
      printedBy: 'sup.rivera',
    });
  });

  it('prints a jammed packet again after a restart, rebuilt from the order, linked to the jam', async () => {
    peer.injectFault('media-jam', 'Paper jam in tray 1', 1);
    const sheriff = { kind: 'law-enforcement', name: 'Sacramento County Sheriff' } as const;
    const { jobs } = await call('print:print-packets', {
      order: sampleOrder(pages),
      printerId: 'dept-3',
      recipients: [{ recipient: sheriff, copies: 2 }],
      sides: 'two-sided-short-edge',
    });
    const jammed = await settled(jobs[0]?.id ?? '');
    expect(jammed.state).toBe('aborted');

    // The app closes. Two more prints were cut short by a crash: one the printer finished
    // with (the jammed job's number), one it has never heard of.
    await service.close();
    const log = new PrintLog(dataDir);
    const jamRecord = (await log.get(jammed.id)) ?? expect.unreachable();
    const { retriedBy: _unused, ...stored } = jamRecord;
    for (const [jobId, printerJobId] of [
      ['crashed-known', jammed.printerJobId],
      ['crashed-unknown', 99_999],
    ] as const) {
      await log.append({ ...stored, jobId, printerJobId, outcome: 'submitted', endedAt: null });
    }

    openService();
    // Start-up asked the real printer once about each unfinished print.
    const ended = await service.reconciled;
    expect(Object.fromEntries(ended.map((r) => [r.jobId, r.outcome]))).toEqual({
      'crashed-known': 'aborted',
      'crashed-unknown': 'unknown',
    });
    expect(service.listJobs()).toEqual([]);
    await expect(call('print:retry-job', { jobId: jammed.id })).rejects.toThrow(
      /not-found: .*use Print again in its print records/,
    );

    // "Print again", as the records panel sends it: the order rebuilt from its pages and the
    // record's recipient, copies, cover sheet, sides and paper.
    const record = (await call('print:list-records', { orderId: 'order-0001' })).find(
      (r) => r.jobId === jammed.id,
    );
    expect(record).toMatchObject({
      outcome: 'aborted',
      coverSheet: true,
      sides: 'two-sided-short-edge',
      media: 'na_letter_8.5x11in',
      retriedBy: null,
    });
    const again = await call('print:print-packets', {
      order: sampleOrder(pages),
      printerId: record?.printerId ?? '',
      recipients: [{ recipient: sheriff, copies: record?.copies ?? 0 }],
      coverSheet: record?.coverSheet,
      sides: record?.sides,
      media: record?.media,
      retryOf: jammed.id,
    });
    const printed = await settled(again.jobs[0]?.id ?? '');
    expect(printed).toMatchObject({ state: 'completed', retryOf: jammed.id, copies: 2 });
    const before = await peer.waitForCapture(jammed.printerJobId ?? -1);
    const after = await peer.waitForCapture(printed.printerJobId ?? -1);
    // The same packet, byte for byte, though its PDF was not kept across the restart.
    expect(Buffer.from(after.bytes).equals(before.bytes)).toBe(true);
    expect(after.attrs).toMatchObject({ IPP_COPIES: '2', IPP_SIDES: 'two-sided-short-edge' });

    const records = await call('print:list-records', { orderId: 'order-0001' });
    expect(records.find((r) => r.jobId === jammed.id)).toMatchObject({
      outcome: 'aborted',
      retriedBy: printed.id,
    });
    expect(records.find((r) => r.jobId === printed.id)).toMatchObject({
      outcome: 'completed',
      retryOf: jammed.id,
      printedBy: 'sup.rivera',
    });
    await expect(
      call('print:print-packets', {
        order: sampleOrder(pages),
        printerId: 'dept-3',
        recipients: [{ recipient: sheriff, copies: 2 }],
        retryOf: jammed.id,
      }),
    ).rejects.toThrow(/conflict: This print was already printed again/);
  });

  it('queues behind a busy printer instead of failing', async () => {
    peer.setPrintSeconds(1);
    try {
      const { jobs } = await call('print:print-packets', {
        order: sampleOrder(pages),
        printerId: 'dept-3',
        recipients: [
          { recipient: { kind: 'protected-person' }, copies: 1 },
          { recipient: { kind: 'restrained-person' }, copies: 1 },
        ],
        coverSheet: false,
      });
      const done = await Promise.all(jobs.map((j) => settled(j.id)));
      expect(done.map((j) => j.state)).toEqual(['completed', 'completed']);
      // Without cover sheets both recipients got the identical packet.
      const [a, b] = await Promise.all(done.map((j) => peer.waitForCapture(j.printerJobId ?? -1)));
      expect(Buffer.from(a?.bytes ?? []).equals(Buffer.from(b?.bytes ?? []))).toBe(true);
    } finally {
      peer.setPrintSeconds(0);
    }
  });

  it('cancels a job while it prints', async () => {
    peer.setPrintSeconds(4);
    try {
      const { jobs } = await call('print:print-packets', {
        order: sampleOrder(pages),
        printerId: 'dept-3',
        recipients: [{ recipient: { kind: 'protected-person' }, copies: 1 }],
      });
      const id = jobs[0]?.id ?? '';
      const deadline = Date.now() + 10_000;
      while (
        service.listJobs().find((j) => j.id === id)?.state !== 'processing' &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await call('print:cancel-job', { jobId: id });
      const job = await settled(id);
      expect(job.state).toBe('canceled');
      expect(job.canRetry).toBe(true);
    } finally {
      peer.setPrintSeconds(0);
    }
  });

  it('prints a test page', async () => {
    const job = await call('print:print-test-page', { printerId: 'dept-3' });
    const done = await settled(job.id);
    expect(done.state).toBe('completed');
    const captured = await peer.waitForCapture(done.printerJobId ?? -1);
    expect(captured.attrs.IPP_JOB_NAME).toBe('Test page Dept 3 printer');
    expect(done.printedBy).toBe('sup.rivera');
    expect(Buffer.from(captured.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fails clearly and prints nothing when the order carries confidential data', async () => {
    const before = peer.captured().length;
    const result = await dispatcher.dispatch(
      'print:print-packets',
      {
        order: { ...sampleOrder(pages), driversLicense: 'D7654321' },
        printerId: 'dept-3',
        recipients: [{ recipient: { kind: 'protected-person' }, copies: 1 }],
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
    expect(JSON.stringify(!result.ok && result.error.issues)).toContain('driversLicense');
    expect(peer.captured().length).toBe(before);
  });

  it('reports a printer that does not answer as not sent, retryable', async () => {
    await call('print:save-printer', {
      id: 'dept-9',
      name: 'Dept 9 (switched off)',
      courtroom: 'Dept 9',
      kind: 'ipp',
      uri: 'ipp://127.0.0.1:9/ipp/print',
    });
    const { jobs } = await call('print:print-packets', {
      order: sampleOrder(pages),
      printerId: 'dept-9',
      recipients: [{ recipient: { kind: 'protected-person' }, copies: 1 }],
    });
    const job = await settled(jobs[0]?.id ?? '');
    expect(job.state).toBe('failed');
    expect(job.message).toBe(
      'Not sent. Nothing answers at 127.0.0.1:9: the printer is off, or the address is wrong.',
    );
    expect(job.canRetry).toBe(true);
    expect(await call('print:check-printer', { printerId: 'dept-9' })).toMatchObject({
      state: 'unreachable',
    });
  });
});

describe('the workstation wiring', () => {
  it('serves print:* from createWorkstation and pushes print:job-updated to connected windows', async () => {
    const seen: string[] = [];
    const disconnect = workstation.hub.connect((event, payload) => {
      if (event === 'print:job-updated') seen.push((payload as PrintJob).state);
    });
    const d = workstation.dispatcher;
    // The workstation has its own PrintService (one per data folder in the app); set the
    // printer up through it, as the Devices page would.
    const saved = await d.dispatch(
      'print:save-printer',
      { id: 'dept-3', name: 'Dept 3 printer', courtroom: 'Dept 3', kind: 'ipp', uri: peer.uri },
      ctx,
    );
    expect(saved).toMatchObject({ ok: true });
    const printers = await d.dispatch('print:list-printers', {}, ctx);
    expect(printers).toMatchObject({ ok: true, value: [{ id: 'dept-3' }] });
    const job = await d.dispatch('print:print-test-page', { printerId: 'dept-3' }, ctx);
    expect(job, JSON.stringify(job)).toMatchObject({
      ok: true,
      value: { kind: 'test-page', state: 'queued' },
    });
    const deadline = Date.now() + 20_000;
    while (!seen.includes('completed') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    disconnect();
    expect(seen).toContain('completed');
  });
});
