/**
 * A new job as it enters the workstation's queue: `queued`, not yet at the printer.
 */
import { randomUUID } from 'node:crypto';

import type { PrintJob } from '../../../shared/printing/jobs';
import type { PrinterConfig } from '../../../shared/printing/printers';
import { describeRecipient } from '../../../shared/printing/recipients';

/** What the caller decides about a job; the rest is filled in here. */
export type NewJobFields = Pick<
  PrintJob,
  | 'kind'
  | 'orderId'
  | 'caseNumber'
  | 'recipient'
  | 'copies'
  | 'sides'
  | 'media'
  | 'title'
  | 'retryOf'
>;

/** A queued job for `printer`, printed by `printedBy`, stamped `now`. */
export function newJob(
  printer: PrinterConfig,
  printedBy: string,
  now: Date,
  f: NewJobFields,
): PrintJob {
  const at = now.toISOString();
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
    canRetry: false,
    canCancel: true,
  };
}
