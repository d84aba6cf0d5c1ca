/**
 * The print service: courtroom printers, service-copy packets, print jobs and print records.
 * Composed in src/main/workstation.ts; its IPC handlers are in ./printHandlers.ts.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';

import { ServiceError } from '../../shared/ipc/envelope';
import type { PrintJob, PrintRecord } from '../../shared/printing/jobs';
import type { PacketOrderInput } from '../../shared/printing/packetOrder';
import type {
  Media,
  PrinterConfig,
  PrinterConfigInput,
  Sides,
} from '../../shared/printing/printers';
import type { Recipient } from '../../shared/printing/recipients';
import { describeRecipient, recipientKindLabels } from '../../shared/printing/recipients';
import type { ClerkReason } from '../../shared/printing/stateReasons';
import { describePrinterReasons, sortBySeverity } from '../../shared/printing/stateReasons';

import { JobRunner, RetryRefused } from './jobs/jobRunner';
import { buildPacket, parsePacketOrder } from './packet/buildPacket';
import type { Packet } from './packet/buildPacket';
import { buildTestPage } from './packet/testPage';
import { PrintLog } from './store/printLog';
import type { PrintRecordFilter } from './store/printLog';
import { PrinterStore } from './store/printerStore';
import type { PrintTarget } from './targets/printTarget';
import { targetFor } from './targets/printTarget';

export type PrintServiceOptions = {
  readonly dataDir: string;
  /** Called for every job change; the workstation forwards it as `print:job-updated`. */
  readonly publish?: (job: PrintJob) => void;
  /**
   * Who is printing when a call names no one (recorded, and sent to IPP printers as the job
   * owner); defaults to the OS account. The IPC handlers pass the signed-in user instead.
   */
  readonly currentUser?: () => string;
  /** Environment for `lp` (CUPS_SERVER); defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly pollMs?: number;
  readonly busyWaitMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
  /** The clock for packets and jobs (a fixed clock makes packets byte-reproducible in tests). */
  readonly now?: () => Date;
  /** Replaces how a configured printer is reached (tests of odd printers). */
  readonly targetFor?: (printer: PrinterConfig, user: string) => PrintTarget;
};

export type RecipientCopies = { readonly recipient: Recipient; readonly copies: number };

export type PrintPacketsRequest = {
  readonly order: PacketOrderInput;
  readonly printerId: string;
  readonly recipients: readonly RecipientCopies[];
  readonly coverSheet: boolean;
  readonly sides?: Sides;
  readonly media?: Media;
};

export type PrinterCheck = {
  readonly state: 'idle' | 'processing' | 'stopped' | 'unknown' | 'unreachable';
  readonly reasons: ClerkReason[];
  readonly message: string;
};

export class PrintService {
  readonly printers: PrinterStore;
  readonly log: PrintLog;
  private readonly runner: JobRunner;
  private readonly user: () => string;
  private readonly osUser: string;

  constructor(private readonly options: PrintServiceOptions) {
    this.printers = new PrinterStore(options.dataDir);
    this.log = new PrintLog(options.dataDir);
    this.osUser = safeOsUser();
    this.user = options.currentUser ?? (() => this.osUser);
    this.runner = new JobRunner({
      log: this.log,
      publish: options.publish ?? (() => {}),
      pollMs: options.pollMs,
      busyWaitMs: options.busyWaitMs,
      onError: options.onError,
    });
  }

  listPrinters(): Promise<PrinterConfig[]> {
    return this.printers.list();
  }
  savePrinter(input: PrinterConfigInput): Promise<PrinterConfig[]> {
    return this.printers.save(input);
  }
  deletePrinter(id: string): Promise<PrinterConfig[]> {
    return this.printers.remove(id);
  }

  /** Builds one packet (for preview, or to print). */
  buildPacket(order: PacketOrderInput, recipient?: Recipient, coverSheet = true): Promise<Packet> {
    return buildPacket(order, { recipient, coverSheet, now: this.now() });
  }

  /**
   * Builds one packet per recipient and queues them on the printer; returns the jobs. `by` is
   * the signed-in user, recorded as who printed.
   */
  async printPackets(req: PrintPacketsRequest, by?: string): Promise<PrintJob[]> {
    const order = parsePacketOrder(req.order);
    const printer = await this.printers.get(req.printerId);
    if (req.recipients.length === 0)
      throw new ServiceError('invalid-input', 'Choose at least one recipient.');
    const user = by ?? this.user();
    const target = this.target(printer, user);
    const now = this.now();
    // Without cover sheets every recipient gets the same packet: build it once.
    const shared = req.coverSheet ? null : await buildPacket(order, { now });
    const jobs: PrintJob[] = [];
    for (const { recipient, copies } of req.recipients) {
      const packet = shared ?? (await buildPacket(order, { recipient, coverSheet: true, now }));
      const job = this.newJob(printer, user, {
        kind: 'service-copy',
        orderId: order.id,
        caseNumber: order.caseNumber,
        recipient,
        copies,
        sides: req.sides ?? printer.defaultSides,
        media: req.media ?? printer.defaultMedia,
        // Job names show in printer and CUPS logs: no party names, only the case and the role.
        title: `${order.caseNumber} ${order.orderType.code} service copy (${recipientKindLabels[recipient.kind]})`,
      });
      jobs.push(
        await this.enqueue({
          job,
          pdf: packet.pdf,
          pageCount: packet.pageCount,
          orderTypeCode: order.orderType.code,
          printer,
          target,
        }),
      );
    }
    return jobs;
  }

  async printTestPage(printerId: string, by?: string): Promise<PrintJob> {
    const printer = await this.printers.get(printerId);
    const user = by ?? this.user();
    const pdf = await buildTestPage(printer, user, this.now());
    const job = this.newJob(printer, user, {
      kind: 'test-page',
      orderId: null,
      caseNumber: null,
      recipient: null,
      copies: 1,
      sides: 'one-sided',
      media: printer.defaultMedia,
      title: `Test page ${printer.name}`,
    });
    return this.enqueue({
      job,
      pdf,
      pageCount: 1,
      orderTypeCode: null,
      printer,
      target: this.target(printer, user),
    });
  }

  /** Asks the printer how it is (for the Devices page). Never throws for an unreachable printer. */
  async checkPrinter(printerId: string): Promise<PrinterCheck> {
    const printer = await this.printers.get(printerId);
    try {
      const status = await this.target(printer).getPrinter();
      const reasons = sortBySeverity(describePrinterReasons(status.reasons));
      const worst = reasons[0];
      const ready = {
        idle: 'Ready',
        processing: 'Printing',
        stopped: 'Stopped',
        unknown: 'Answering',
      }[status.state];
      return {
        state: status.state,
        reasons,
        message:
          worst && worst.severity !== 'info'
            ? `${ready} — ${worst.words}. ${worst.action}`
            : `${ready}.`,
      };
    } catch (error) {
      return { state: 'unreachable', reasons: [], message: (error as Error).message };
    }
  }

  listJobs(): PrintJob[] {
    return this.runner.list();
  }

  async retryJob(id: string, by?: string): Promise<PrintJob> {
    this.known(id);
    try {
      return await this.runner.retry(id, by ?? this.user(), this.now());
    } catch (error) {
      if (error instanceof RetryRefused) {
        const j = error.job;
        const why =
          j.state === 'completed'
            ? 'it has printed'
            : j.canCancel
              ? 'it is still in progress'
              : 'it was already retried or its document is no longer kept';
        throw new ServiceError(
          'conflict',
          `This job cannot be retried: ${why}. Print the packet again instead.`,
        );
      }
      throw error;
    }
  }

  async cancelJob(id: string): Promise<PrintJob> {
    this.known(id);
    try {
      return await this.runner.cancel(id);
    } catch (error) {
      throw new ServiceError(
        'failed',
        `The printer did not cancel the job: ${(error as Error).message}`,
      );
    }
  }

  listRecords(filter: PrintRecordFilter): Promise<PrintRecord[]> {
    return this.log.list(filter);
  }

  /** Resolves once the outcomes of finished jobs are written to the print log. */
  close(): Promise<void> {
    return this.runner.close();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private known(id: string): void {
    if (!this.runner.get(id)) {
      throw new ServiceError(
        'not-found',
        // PDFs of failed jobs live in memory only; the order's pages are stored in the
        // renderer, so printing the order again rebuilds the same packet.
        'That print job is no longer on this workstation’s queue (it may be from before a ' +
          'restart). Tick the order on the Print page and print it again for this recipient.',
      );
    }
  }

  private target(printer: PrinterConfig, user = this.user()): PrintTarget {
    if (this.options.targetFor) return this.options.targetFor(printer, user);
    return targetFor(printer, { user, osUser: this.osUser, env: this.options.env ?? process.env });
  }

  private async enqueue(spec: Parameters<JobRunner['enqueue']>[0]): Promise<PrintJob> {
    try {
      return await this.runner.enqueue(spec);
    } catch (error) {
      this.options.onError?.('print log', error);
      throw new ServiceError(
        'failed',
        'The print could not be recorded, so nothing was printed. Check free disk space, then retry.',
      );
    }
  }

  private newJob(
    printer: PrinterConfig,
    printedBy: string,
    f: Pick<
      PrintJob,
      'kind' | 'orderId' | 'caseNumber' | 'recipient' | 'copies' | 'sides' | 'media' | 'title'
    >,
  ): PrintJob {
    const at = this.now().toISOString();
    return {
      id: randomUUID(),
      ...f,
      printerId: printer.id,
      printerName: printer.name,
      printedBy,
      state: 'queued',
      reasons: [],
      message: f.recipient
        ? `Waiting to send (${describeRecipient(f.recipient)}).`
        : 'Waiting to send.',
      printerJobId: null,
      submittedAt: at,
      updatedAt: at,
      retryOf: null,
      canRetry: false,
      canCancel: true,
    };
  }
}

function safeOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'clerk';
  }
}
