/**
 * The print service: courtroom printers, service-copy packets, print jobs and print records.
 * Composed in src/main/workstation.ts; its IPC handlers are in ./printHandlers.ts.
 */
import os from 'node:os';

import { ServiceError } from '../../shared/ipc/envelope';
import type { PrintJob, PrintRecord, PrintRecordView } from '../../shared/printing/jobs';
import type { PacketOrderInput } from '../../shared/printing/packetOrder';
import type {
  Media,
  PrinterConfig,
  PrinterConfigInput,
  Sides,
} from '../../shared/printing/printers';
import type { Recipient } from '../../shared/printing/recipients';
import { recipientKindLabels } from '../../shared/printing/recipients';

import { JobRunner, RetryRefused } from './jobs/jobRunner';
import { newJob } from './jobs/newJob';
import { StartupReconcile } from './jobs/reconcile';
import { assertReprintable, retryRefused } from './jobs/reprint';
import { buildPacket, parsePacketOrder } from './packet/buildPacket';
import type { Packet } from './packet/buildPacket';
import { buildTestPage } from './packet/testPage';
import { checkPrinter } from './printerCheck';
import type { PrinterCheck } from './printerCheck';
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

export type { PrinterCheck };

export type RecipientCopies = { readonly recipient: Recipient; readonly copies: number };

export type PrintPacketsRequest = {
  readonly order: PacketOrderInput;
  readonly printerId: string;
  readonly recipients: readonly RecipientCopies[];
  readonly coverSheet: boolean;
  readonly sides?: Sides;
  readonly media?: Media;
  /** "Print again": the job id of the failed print this one replaces (one recipient only). */
  readonly retryOf?: string;
};

export class PrintService {
  readonly printers: PrinterStore;
  readonly log: PrintLog;
  private readonly runner: JobRunner;
  private readonly user: () => string;
  private readonly osUser: string;
  /** Jobs being (or already) printed again in this run, so two clicks make one new print. */
  private readonly retrying = new Set<string>();
  private readonly startup: StartupReconcile;
  /**
   * Resolves (never rejects) once the prints the last run left unfinished are resolved, to the
   * endings appended. Nothing waits for it: start-up must not wait on printers.
   */
  readonly reconciled: Promise<PrintRecord[]>;

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
    this.startup = new StartupReconcile(
      this.log,
      {
        printers: () => this.printers.list(),
        target: (printer, user) => this.target(printer, user),
        now: () => this.now(),
      },
      options.onError,
    );
    this.reconciled = this.startup.done;
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
    if (req.recipients.length === 0)
      throw new ServiceError('invalid-input', 'Choose at least one recipient.');
    const { retryOf } = req;
    if (retryOf === undefined) return this.printOnce(req, order, by);
    this.claim(retryOf);
    try {
      await this.startup.leftOver;
      assertReprintable(await this.log.get(retryOf), { ...req, retryOf, orderId: order.id });
      const jobs = await this.printOnce(req, order, by);
      for (const job of jobs) this.runner.markRetried(retryOf, job.id);
      return jobs;
    } catch (error) {
      this.retrying.delete(retryOf);
      throw error;
    }
  }

  private async printOnce(
    req: PrintPacketsRequest,
    order: ReturnType<typeof parsePacketOrder>,
    by: string | undefined,
  ): Promise<PrintJob[]> {
    const printer = await this.printers.get(req.printerId);
    const user = by ?? this.user();
    const target = this.target(printer, user);
    const now = this.now();
    // Without cover sheets every recipient gets the same packet: build it once.
    const shared = req.coverSheet ? null : await buildPacket(order, { now });
    const jobs: PrintJob[] = [];
    for (const { recipient, copies } of req.recipients) {
      const packet = shared ?? (await buildPacket(order, { recipient, coverSheet: true, now }));
      const job = newJob(printer, user, this.now(), {
        retryOf: req.retryOf ?? null,
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
          coverSheet: req.coverSheet,
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
    const job = newJob(printer, user, this.now(), {
      retryOf: null,
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
      coverSheet: false,
      printer,
      target: this.target(printer, user),
    });
  }

  /** Asks the printer how it is (for the Devices page). Never throws for an unreachable printer. */
  async checkPrinter(printerId: string): Promise<PrinterCheck> {
    return checkPrinter(this.target(await this.printers.get(printerId)));
  }

  listJobs(): PrintJob[] {
    return this.runner.list();
  }

  async retryJob(id: string, by?: string): Promise<PrintJob> {
    this.known(id);
    if (this.retrying.has(id)) throw retryRefused(null);
    this.retrying.add(id);
    try {
      return await this.runner.retry(id, by ?? this.user(), this.now());
    } catch (error) {
      this.retrying.delete(id);
      throw error instanceof RetryRefused ? retryRefused(error.job) : error;
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

  listRecords(filter: PrintRecordFilter): Promise<PrintRecordView[]> {
    return this.log.list(filter);
  }

  /**
   * Resolves once the outcomes of finished jobs, and the endings already found for the last
   * run's unfinished prints, are written to the print log. Printers still being asked are not
   * waited for; their records are resolved at the next start.
   */
  async close(): Promise<void> {
    await this.runner.close();
    await this.startup.close();
  }

  /** Takes the one print-again of job `id`, or refuses a second one. */
  private claim(id: string): void {
    if (this.retrying.has(id))
      throw new ServiceError('conflict', 'This print was already printed again.');
    this.retrying.add(id);
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
          'restart). Open the order on the Print page and use Print again in its print records.',
      );
    }
  }

  private target(printer: PrinterConfig, user = this.user()): PrintTarget {
    if (this.options.targetFor) return this.options.targetFor(printer, user);
    return targetFor(printer, { user, osUser: this.osUser, env: this.options.env ?? process.env });
  }

  private async enqueue(spec: Parameters<JobRunner['enqueue']>[0]): Promise<PrintJob> {
    // The last run's unfinished records are read before this run writes any of its own.
    await this.startup.leftOver;
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
}

function safeOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'clerk';
  }
}
