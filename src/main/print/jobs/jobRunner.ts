/**
 * Runs print jobs: sends each one when its printer will take it, follows it to the end by
 * polling Get-Job-Attributes and Get-Printer-Attributes, tells the renderer about every change,
 * and writes the outcome to the print log.
 *
 * Jobs for one printer are sent one after another: many printers (ippeveprinter included)
 * answer `server-error-busy` while printing, so a busy printer is retried with back-off rather
 * than failed. The PDF of a job that did not print stays in memory so it can be retried until
 * the app closes; a printed job's PDF is dropped.
 */
import { randomUUID } from 'node:crypto';

import type { PrintJob, PrintOutcome, PrintRecord } from '../../../shared/printing/jobs';
import { terminalJobStates } from '../../../shared/printing/jobs';
import type { PrinterConfig } from '../../../shared/printing/printers';
import type { ClerkReason } from '../../../shared/printing/stateReasons';
import { IppStatusError } from '../ipp/ippClient';
import type { PrintLog } from '../store/printLog';
import type { PrintTarget } from '../targets/printTarget';

import { faultsIn, viewJob } from './jobView';

/** Everything needed to (re)send one job. */
export type JobSpec = {
  readonly job: PrintJob;
  readonly pdf: Uint8Array;
  readonly pageCount: number;
  readonly orderTypeCode: string | null;
  /** Whether the packet has a cover sheet per recipient (recorded, to print it again alike). */
  readonly coverSheet: boolean;
  readonly printer: PrinterConfig;
  readonly target: PrintTarget;
};

type Entry = {
  job: PrintJob;
  pdf: Uint8Array | null;
  readonly spec: JobSpec;
  faults: ClerkReason[];
  timer: NodeJS.Timeout | null;
  cancelRequested: boolean;
  pollFailures: number;
  retriedBy: string | null;
};

export type JobRunnerOptions = {
  readonly log: PrintLog;
  readonly publish: (job: PrintJob) => void;
  /** Poll interval while a job runs (default 1000 ms). */
  readonly pollMs?: number;
  /** How long a busy printer is retried before the job fails (default 10 min). */
  readonly busyWaitMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
};

const active = new Set(['queued', 'pending', 'held', 'processing', 'stopped']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class JobRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly chains = new Map<string, Promise<void>>();
  /** Print-log writes not yet on disk: close() waits for them, so no outcome is lost on quit. */
  private readonly writes = new Set<Promise<void>>();
  private closed = false;
  private readonly pollMs: number;
  private readonly busyWaitMs: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.busyWaitMs = options.busyWaitMs ?? 10 * 60_000;
  }

  /** Records the request durably, then queues the job. Throws if it cannot be recorded. */
  async enqueue(spec: JobSpec): Promise<PrintJob> {
    await this.options.log.append(this.record(spec.job, spec, 'requested'));
    this.prune();
    const entry: Entry = {
      job: spec.job,
      pdf: spec.pdf,
      spec,
      faults: [],
      timer: null,
      cancelRequested: false,
      pollFailures: 0,
      retriedBy: null,
    };
    this.entries.set(spec.job.id, entry);
    this.update(entry, {}, true);
    const id = spec.printer.id;
    const chain = (this.chains.get(id) ?? Promise.resolve()).then(() => this.send(entry));
    this.chains.set(
      id,
      chain.catch(() => {}),
    );
    return entry.job;
  }

  list(): PrintJob[] {
    return [...this.entries.values()]
      .map((e) => e.job)
      .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
  }

  get(id: string): PrintJob | undefined {
    return this.entries.get(id)?.job;
  }

  /** Sends a failed, aborted or cancelled job again as a new job; returns the new job. */
  async retry(id: string, printedBy: string, now: Date): Promise<PrintJob> {
    const old = this.entries.get(id);
    if (!old) throw new Error(`no job ${id}`);
    if (!old.job.canRetry || !old.pdf) throw new RetryRefused(old.job);
    const job: PrintJob = {
      ...old.job,
      id: randomUUID(),
      state: 'queued',
      reasons: [],
      message: 'Waiting to send.',
      printerJobId: null,
      printedBy,
      submittedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      retryOf: old.job.id,
      canRetry: false,
      canCancel: true,
    };
    const next = await this.enqueue({ ...old.spec, job, pdf: old.pdf });
    old.retriedBy = next.id;
    old.pdf = null;
    this.update(old, {});
    return next;
  }

  /**
   * Notes that `id` was printed again from its print record as job `byId`, so its Retry is no
   * longer offered and its PDF is let go. Unknown ids (pruned, or from before a restart) are fine.
   */
  markRetried(id: string, byId: string): void {
    const e = this.entries.get(id);
    if (!e || e.retriedBy !== null) return;
    e.retriedBy = byId;
    e.pdf = null;
    this.update(e, {});
  }

  /** Cancels a job that has not finished (at the printer if it got there). */
  async cancel(id: string): Promise<PrintJob> {
    const e = this.entries.get(id);
    if (!e) throw new Error(`no job ${id}`);
    if (!active.has(e.job.state)) return e.job;
    e.cancelRequested = true;
    if (e.job.printerJobId === null) {
      this.finish(e, { state: 'canceled', reasons: [], message: 'Cancelled before it was sent.' });
      return e.job;
    }
    await e.spec.target.cancel(e.job.printerJobId);
    this.schedule(e, 0);
    return e.job;
  }

  /**
   * Forgets finished jobs after a working day (12 h) or beyond the newest 300, so memory holds
   * at most a day's failed PDFs; the print log keeps the record of every one.
   */
  private prune(): void {
    const cutoff = new Date(Date.now() - 12 * 3600_000).toISOString();
    const finished = [...this.entries.values()]
      .filter((e) => !active.has(e.job.state))
      .sort((a, b) => (a.job.updatedAt < b.job.updatedAt ? 1 : -1));
    finished.forEach((e, i) => {
      if (i >= 300 || e.job.updatedAt < cutoff) this.entries.delete(e.job.id);
    });
  }

  /** Stops polling and resolves once every outcome already decided is in the print log. */
  async close(): Promise<void> {
    this.closed = true;
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    await Promise.all([...this.writes]);
  }

  private async send(e: Entry): Promise<void> {
    const deadline = Date.now() + this.busyWaitMs;
    for (let attempt = 0; ; attempt += 1) {
      if (this.closed || e.cancelRequested || !e.pdf) return;
      try {
        const { job, spec } = e;
        const printerJobId = await spec.target.submit({
          data: e.pdf,
          jobName: job.title,
          copies: job.copies,
          sides: job.sides,
          media: job.media,
        });
        if (e.cancelRequested) {
          // Cancelled while the printer was taking it: cancel it there too.
          this.update(e, { printerJobId });
          await spec.target
            .cancel(printerJobId)
            .catch((err) => this.options.onError?.('print cancel', err));
          return;
        }
        this.update(e, { state: 'pending', printerJobId, message: 'Sent to the printer.' });
        this.logOutcome(e, 'submitted');
        this.schedule(e, Math.min(this.pollMs, 250));
        return;
      } catch (error) {
        const busy = error instanceof IppStatusError && error.transient;
        if (busy && Date.now() < deadline) {
          this.update(e, { message: `Waiting to send — ${error.message}` });
          await sleep(Math.min(2000, 200 * 2 ** attempt));
          continue;
        }
        this.finish(e, {
          state: 'failed',
          reasons: [],
          message: `Not sent. ${clerkMessage(error)}`,
        });
        if (!(error instanceof IppStatusError) && !isTransport(error))
          this.options.onError?.('print submit', error);
        return;
      }
    }
  }

  private schedule(e: Entry, ms: number): void {
    if (this.closed) return;
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => void this.poll(e), ms);
  }

  private async poll(e: Entry): Promise<void> {
    e.timer = null;
    const jobId = e.job.printerJobId;
    if (this.closed || jobId === null || terminalJobStates.has(e.job.state)) return;
    const target = e.spec.target;
    try {
      const [job, printer] = await Promise.all([
        target.getJob(jobId),
        target.getPrinter().catch(() => null),
      ]);
      e.pollFailures = 0;
      for (const f of faultsIn(printer?.reasons ?? [])) {
        if (!e.faults.some((x) => x.keyword === f.keyword)) e.faults.push(f);
      }
      const view = viewJob(job, printer, e.faults, e.cancelRequested);
      if (terminalJobStates.has(view.state)) this.finish(e, view);
      else {
        this.update(e, view);
        this.schedule(e, this.pollMs);
      }
    } catch (error) {
      if (error instanceof IppStatusError && error.status === 'client-error-not-found') {
        this.finish(e, {
          state: 'aborted',
          reasons: [],
          message: `${error.message} Check the output tray; retry if nothing printed.`,
        });
        return;
      }
      e.pollFailures += 1;
      this.update(e, {
        message: `Lost contact with the printer: ${clerkMessage(error)} Still trying.`,
      });
      this.schedule(e, Math.min(30_000, this.pollMs * 2 ** Math.min(e.pollFailures, 5)));
    }
  }

  private finish(e: Entry, view: Pick<PrintJob, 'state' | 'reasons' | 'message'>): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    this.update(e, view);
    if (e.job.state === 'completed') e.pdf = null;
    const outcome: PrintOutcome =
      e.job.state === 'completed' || e.job.state === 'aborted' || e.job.state === 'canceled'
        ? e.job.state
        : 'failed';
    this.logOutcome(e, outcome);
  }

  /** Applies `patch`, recomputes what the clerk may do, and publishes if anything changed. */
  private update(e: Entry, patch: Partial<PrintJob>, force = false): void {
    const next: PrintJob = { ...e.job, ...patch };
    const retryable =
      next.state === 'aborted' || next.state === 'canceled' || next.state === 'failed';
    next.canRetry = retryable && e.retriedBy === null && e.pdf !== null;
    next.canCancel = active.has(next.state) && !e.cancelRequested;
    const same =
      JSON.stringify({ ...next, updatedAt: '' }) === JSON.stringify({ ...e.job, updatedAt: '' });
    if (same && !force) return;
    e.job = { ...next, updatedAt: new Date().toISOString() };
    this.options.publish(e.job);
  }

  private record(job: PrintJob, spec: JobSpec, outcome: PrintOutcome): PrintRecord {
    const ended = outcome !== 'requested' && outcome !== 'submitted';
    return {
      jobId: job.id,
      kind: job.kind,
      at: job.submittedAt,
      printedBy: job.printedBy,
      orderId: job.orderId,
      caseNumber: job.caseNumber,
      orderTypeCode: spec.orderTypeCode,
      recipient: job.recipient,
      copies: job.copies,
      pageCount: spec.pageCount,
      printerId: job.printerId,
      printerName: job.printerName,
      printerJobId: job.printerJobId,
      outcome,
      endedAt: ended ? new Date().toISOString() : null,
      detail: job.message,
      retryOf: job.retryOf,
      coverSheet: spec.coverSheet,
      sides: job.sides,
      media: job.media,
    };
  }

  private logOutcome(e: Entry, outcome: PrintOutcome): void {
    const write = this.options.log
      .append(this.record(e.job, e.spec, outcome))
      .catch((error) => this.options.onError?.('print log append', error));
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }
}

/** Thrown when a job cannot be retried (it printed, is still running, or was retried already). */
export class RetryRefused extends Error {
  constructor(readonly job: PrintJob) {
    super(`Job ${job.id} cannot be retried in state ${job.state}.`);
    this.name = 'RetryRefused';
  }
}

function isTransport(error: unknown): boolean {
  return error instanceof Error && error.name === 'IppTransportError';
}

function clerkMessage(error: unknown): string {
  if (error instanceof IppStatusError || isTransport(error)) return (error as Error).message;
  return 'Something went wrong while printing; the error was logged. Retry, or call IT if it keeps happening.';
}
