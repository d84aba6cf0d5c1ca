/**
 * "Print again" from a print record: the renderer rebuilds the packet from the order's stored
 * pages and sends it to `print:print-packets` with `retryOf`, so the new record links back to
 * the one that did not print. These checks keep that link true: one new print per record, for
 * the same order and recipient, and only for a print that did not (or may not have) printed.
 */
import { ServiceError } from '../../../shared/ipc/envelope';
import type { PrintJob, PrintRecordView } from '../../../shared/printing/jobs';
import { reprintableOutcomes } from '../../../shared/printing/jobs';
import type { Recipient } from '../../../shared/printing/recipients';

/** The request facts a print-again is checked against. */
export type ReprintRequest = {
  readonly retryOf: string;
  readonly orderId: string;
  readonly recipients: readonly { readonly recipient: Recipient }[];
};

const sameRecipient = (a: Recipient, b: Recipient | null): boolean =>
  b !== null && a.kind === b.kind && (a.name ?? null) === (b.name ?? null);

/**
 * Throws a ServiceError with the clerk's next step unless `record` may be printed again by
 * this request.
 */
export function assertReprintable(record: PrintRecordView | null, req: ReprintRequest): void {
  if (!record) {
    throw new ServiceError(
      'not-found',
      'There is no print record of that job on this workstation. Tick the order on the Print ' +
        'page and print it from the queue.',
    );
  }
  if (record.kind !== 'service-copy') {
    throw new ServiceError(
      'conflict',
      'A test page is not printed again; print a new one from the Devices page.',
    );
  }
  if (record.retriedBy !== null) {
    throw new ServiceError('conflict', 'This print was already printed again.');
  }
  if (!reprintableOutcomes.has(record.outcome)) {
    const why =
      record.outcome === 'completed'
        ? 'it has printed'
        : 'it is still in progress; wait for it to finish or cancel it';
    throw new ServiceError('conflict', `This print cannot be printed again: ${why}.`);
  }
  const [only, ...more] = req.recipients;
  if (
    record.orderId !== req.orderId ||
    !only ||
    more.length > 0 ||
    !sameRecipient(only.recipient, record.recipient)
  ) {
    throw new ServiceError(
      'invalid-input',
      'Print again is for the same order and recipient as the print it replaces.',
    );
  }
}

/**
 * The clerk's error for a Retry the queue refused; `job` is null when it was already retried
 * (or printed again) in this run.
 */
export function retryRefused(job: PrintJob | null): ServiceError {
  const why =
    job === null
      ? 'it was already retried'
      : job.state === 'completed'
        ? 'it has printed'
        : job.canCancel
          ? 'it is still in progress'
          : 'it was already retried or its document is no longer kept';
  return new ServiceError(
    'conflict',
    `This job cannot be retried: ${why}. Print the packet again instead.`,
  );
}
