/**
 * Resolves prints the app closed on. A crash (or a quit while a job ran) leaves records at
 * `requested` or `submitted`; at the next start each one gets an ending, so the records tell
 * the truth and a packet that did not print can be printed again:
 *
 * - never sent (no printer job id): `failed`, "The app closed before this was sent.";
 * - sent: the printer is asked once (Get-Job-Attributes through its PrintTarget) and its
 *   ending is recorded; if it no longer knows the job, does not answer, still has the job or is
 *   no longer set up, the ending is `unknown` and the clerk is told to check the output tray.
 *
 * One question per record and no retries: start-up never waits on a printer.
 */
import type { PrintOutcome, PrintRecord, PrintRecordView } from '../../../shared/printing/jobs';
import { jobStateLabels } from '../../../shared/printing/jobs';
import type { PrinterConfig } from '../../../shared/printing/printers';
import { IppStatusError } from '../ipp/ippClient';
import type { PrintLog } from '../store/printLog';
import type { PrintTarget } from '../targets/printTarget';

import { viewJob } from './jobView';

export type ReconcileDeps = {
  /** The configured printers (a record's printer may have been deleted since). */
  readonly printers: () => Promise<readonly PrinterConfig[]>;
  /** How a printer is reached, asking as `user` (the clerk who printed). */
  readonly target: (printer: PrinterConfig, user: string) => PrintTarget;
  /** Appends the ending to the print log. */
  readonly write: (record: PrintRecord) => Promise<void>;
  readonly now: () => Date;
};

/**
 * The start-up pass of one PrintService: reads the left-over records at once (before this run
 * records anything of its own), then resolves them in the background.
 */
export class StartupReconcile {
  /** The last run's unfinished records; new prints are recorded only after this is read. */
  readonly leftOver: Promise<PrintRecordView[]>;
  /** Resolves (never rejects) to the endings appended. */
  readonly done: Promise<PrintRecord[]>;
  private readonly writes = new Set<Promise<void>>();
  private closed = false;

  constructor(
    log: PrintLog,
    deps: Omit<ReconcileDeps, 'write'>,
    onError: (message: string, error: unknown) => void = () => {},
  ) {
    this.leftOver = log.unfinished().catch((error: unknown) => {
      onError('print log read', error);
      return [];
    });
    const write = (record: PrintRecord): Promise<void> => {
      if (this.closed) return Promise.resolve();
      const w = log.append(record);
      this.writes.add(w);
      void w.catch(() => {}).finally(() => this.writes.delete(w));
      return w;
    };
    this.done = this.leftOver
      .then((records) => reconcileUnfinished(records, { ...deps, write }))
      .catch((error: unknown) => {
        onError('print reconcile', error);
        return [];
      });
  }

  /**
   * Waits for endings already being written, not for printers still being asked: those
   * records stay unfinished and are resolved at the next start.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.writes].map((w) => w.catch(() => {})));
  }
}

/** Words for the clerk when no one can tell whether a copy printed. */
export function unknownDetail(why: string): string {
  return `Unknown — check the output tray (${why}). If the copy is not there, print it again.`;
}

/**
 * Gives each left-over record its ending and appends it; resolves to the appended records. A
 * record whose printer does not answer is still resolved (as `unknown`); only a print-log
 * write failure rejects.
 */
export async function reconcileUnfinished(
  records: readonly PrintRecordView[],
  deps: ReconcileDeps,
): Promise<PrintRecord[]> {
  if (records.length === 0) return [];
  const printers = await deps.printers();
  return Promise.all(
    records.map(async (view) => {
      const { retriedBy: _derived, ...record } = view;
      const printer = printers.find((p) => p.id === record.printerId);
      const [outcome, detail] = await ending(record, printer, deps);
      const settled: PrintRecord = {
        ...record,
        outcome,
        detail,
        endedAt: deps.now().toISOString(),
      };
      await deps.write(settled);
      return settled;
    }),
  );
}

async function ending(
  record: PrintRecord,
  printer: PrinterConfig | undefined,
  deps: ReconcileDeps,
): Promise<[PrintOutcome, string]> {
  if (record.printerJobId === null) return ['failed', 'The app closed before this was sent.'];
  if (!printer) {
    return [
      'unknown',
      unknownDetail(`the printer “${record.printerName}” is no longer set up, so it was not asked`),
    ];
  }
  try {
    const status = await deps.target(printer, record.printedBy).getJob(record.printerJobId);
    const view = viewJob(status, null, []);
    if (view.state === 'completed' || view.state === 'aborted' || view.state === 'canceled') {
      return [view.state, `${view.message} (Asked the printer after the app restarted.)`];
    }
    return [
      'unknown',
      unknownDetail(
        `when the app started again the printer still had this job: ${jobStateLabels[view.state]}; it may still print`,
      ),
    ];
  } catch (error) {
    if (error instanceof IppStatusError && error.status === 'client-error-not-found') {
      return ['unknown', unknownDetail('the printer no longer knows this job')];
    }
    const said =
      error instanceof IppStatusError || (error as Error).name === 'IppTransportError'
        ? (error as Error).message.replace(/\.$/, '')
        : 'it could not be asked';
    return ['unknown', unknownDetail(`the printer did not answer: ${said}`)];
  }
}
