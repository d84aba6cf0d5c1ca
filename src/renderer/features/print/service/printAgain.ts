/**
 * "Print again" from a print record: rebuilds the packet from the order's stored pages, as the
 * queue's Print all does, for the same recipient, copies, cover sheet, sides and paper, on the
 * same printer, and sends it with `retryOf` so main links the new record to the old one. This
 * works after a restart, when main no longer holds the failed job's PDF.
 */
import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import type { PrintJob, PrintRecordView } from '../../../../shared/printing/jobs';
import { reprintableOutcomes } from '../../../../shared/printing/jobs';
import type { ClerkDb } from '../../../db/clerkDb';
import type { OrderRow } from '../../../db/rows';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { loadPacketOrder } from '../packet/loadPacketOrder';

/** Whether the records table offers "Print again" for this record. */
export function canPrintAgain(record: PrintRecordView): boolean {
  return (
    record.kind === 'service-copy' &&
    record.recipient !== null &&
    record.retriedBy === null &&
    reprintableOutcomes.has(record.outcome)
  );
}

/**
 * Sends the record's packet again; resolves to the new job (one, for its one recipient).
 * `rules`: the court's closures and close of business, for the printed expiry.
 */
export async function printAgain(
  db: ClerkDb,
  row: OrderRow,
  record: PrintRecordView,
  rules?: CourtRules,
): Promise<PrintJob[]> {
  if (!record.recipient) throw new Error('A test page is not printed again from the records.');
  const order = await loadPacketOrder(db, row, rules);
  const { jobs } = await unwrap(
    'print:print-packets',
    clerkApi().print.printPackets({
      order,
      printerId: record.printerId,
      recipients: [{ recipient: record.recipient, copies: record.copies }],
      // Records from before these were kept: the queue's defaults (cover sheet on, the
      // printer's own sides and paper).
      coverSheet: record.coverSheet ?? true,
      ...(record.sides ? { sides: record.sides } : {}),
      ...(record.media ? { media: record.media } : {}),
      retryOf: record.jobId,
    }),
  );
  return jobs;
}
