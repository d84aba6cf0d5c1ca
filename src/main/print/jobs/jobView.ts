/**
 * Turns what a printer says (IPP job state, job-state-reasons, printer-state-reasons) into what
 * the print queue shows: a job state, clerk-worded reasons, and one sentence.
 *
 * A printer reports a jam only while it lasts (`media-jam-warning`), and a job aborted by a jam
 * often ends with nothing but `aborted-by-system`. So the faults seen while the job ran are
 * remembered and name the failure ("Paper jam. Clear the jam …").
 */
import type { JobState } from '../../../shared/printing/jobs';
import type { ClerkReason } from '../../../shared/printing/stateReasons';
import {
  describeJobReasons,
  describePrinterReasons,
  printerReasonWords,
  sortBySeverity,
  splitReason,
} from '../../../shared/printing/stateReasons';
import type { IppJobState, IppJobStatus, IppPrinterStatus } from '../ipp/ippClient';

const stateOf: Readonly<Record<IppJobState, JobState>> = {
  pending: 'pending',
  'pending-held': 'held',
  processing: 'processing',
  'processing-stopped': 'stopped',
  completed: 'completed',
  aborted: 'aborted',
  canceled: 'canceled',
};

export function jobStateOf(ipp: string): JobState {
  return stateOf[ipp as IppJobState] ?? 'pending';
}

/**
 * Printer reasons worth remembering as the cause of a failure: known faults. `-report` reasons
 * describe a past condition (ippeveprinter leaves `media-jam-report` after a jam), so they count
 * only when `includeReports` (at the moment a job ends).
 */
export function faultsIn(printerReasons: readonly string[], includeReports = false): ClerkReason[] {
  return describePrinterReasons(printerReasons)
    .filter((r) => includeReports || !r.keyword.endsWith('-report'))
    .filter((r) => {
      const known = printerReasonWords[splitReason(r.keyword).base];
      return known ? known.severity !== 'info' : r.severity !== 'info';
    })
    .map((r) => {
      const known = printerReasonWords[splitReason(r.keyword).base];
      // Name the fault at its real weight even if the printer downgraded it to -report.
      return known ? { ...r, severity: known.severity } : r;
    });
}

export type JobView = {
  readonly state: JobState;
  readonly reasons: ClerkReason[];
  readonly message: string;
};

const sentence = (r: ClerkReason): string => (r.action ? `${r.words}. ${r.action}` : `${r.words}.`);

/** The queue's view of a job from its latest status and the faults seen while it ran. */
export function viewJob(
  job: IppJobStatus,
  printer: IppPrinterStatus | null,
  faultsSeen: readonly ClerkReason[],
  cancelRequested = false,
): JobView {
  let state = jobStateOf(job.state);
  // CUPS reports a job its printer aborted (a jam) as cancelled "at printer". If the clerk did
  // not cancel it and a fault was seen, it failed: say why, and offer retry as for aborted.
  if (state === 'canceled' && !cancelRequested && faultsSeen.length > 0) state = 'aborted';
  const printerReasons = describePrinterReasons(printer?.reasons ?? []);
  const jobReasons = describeJobReasons(job.reasons);
  const said = job.message.trim().replace(/\.$/, '');
  const detail = said ? ` (Printer says: ${said}.)` : '';

  if (state === 'completed') {
    const warn = jobReasons.find((r) => r.keyword.startsWith('job-completed-with'));
    return {
      state,
      reasons: sortBySeverity([
        ...jobReasons,
        ...printerReasons.filter((r) => r.severity !== 'error'),
      ]),
      message: warn ? `Printed. ${sentence(warn)}` : 'Printed.',
    };
  }
  if (state === 'canceled') {
    const who = jobReasons.find((r) => r.keyword.startsWith('job-canceled'));
    return { state, reasons: jobReasons, message: who ? `${who.words}.` : 'Cancelled.' };
  }
  if (state === 'aborted') {
    const cause = sortBySeverity([...faultsSeen, ...faultsIn(printer?.reasons ?? [], true)])[0];
    const reasons = sortBySeverity(dedupe([...(cause ? [cause] : []), ...jobReasons]));
    const first =
      cause ?? jobReasons.find((r) => r.keyword !== 'aborted-by-system') ?? jobReasons[0];
    return {
      state,
      reasons,
      message: first
        ? `${sentence(first)}${detail}`
        : `The printer stopped the job.${detail} Check the printer, then retry.`,
    };
  }
  // Not finished: show what the printer says now.
  const now = sortBySeverity(dedupe([...printerReasons, ...jobReasons]));
  const worst = now[0];
  const lead = {
    pending: 'Waiting at the printer',
    held: 'Held',
    processing: 'Printing',
    stopped: 'Printer stopped',
  }[state as 'pending' | 'held' | 'processing' | 'stopped'];
  return {
    state,
    reasons: now,
    message: worst && worst.severity !== 'info' ? `${lead} — ${sentence(worst)}` : `${lead}.`,
  };
}

function dedupe(reasons: ClerkReason[]): ClerkReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.source}:${splitReason(r.keyword).base}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
