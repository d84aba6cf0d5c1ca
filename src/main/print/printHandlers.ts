/**
 * The `print:*` IPC handlers: thin glue from the validated contract inputs to PrintService.
 * Printing calls pass the signed-in user (the access gate sets it), so the print log records
 * who printed and IPP printers see them as the job owner, not the workstation's OS account.
 */
import { principalOf } from '../ipc/dispatcher';
import type { Handler } from '../ipc/dispatcher';

import type { PrintService } from './printService';

type PrintChannel =
  | 'print:list-printers'
  | 'print:save-printer'
  | 'print:delete-printer'
  | 'print:check-printer'
  | 'print:print-test-page'
  | 'print:build-packet'
  | 'print:print-packets'
  | 'print:list-jobs'
  | 'print:retry-job'
  | 'print:cancel-job'
  | 'print:list-records';

/** Copies the PDF into its own ArrayBuffer (a Uint8Array may view a larger pool buffer). */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

export function createPrintHandlers(print: PrintService): { [C in PrintChannel]: Handler<C> } {
  return {
    'print:list-printers': () => print.listPrinters(),
    'print:save-printer': (printer) => print.savePrinter(printer),
    'print:delete-printer': ({ printerId }) => print.deletePrinter(printerId),
    'print:check-printer': ({ printerId }) => print.checkPrinter(printerId),
    'print:print-test-page': ({ printerId }, ctx) =>
      print.printTestPage(printerId, principalOf(ctx).username),
    'print:build-packet': async ({ order, recipient, coverSheet }) => {
      const packet = await print.buildPacket(order, recipient, coverSheet);
      return {
        pdf: toArrayBuffer(packet.pdf),
        pageCount: packet.pageCount,
        orderPageCount: packet.orderPageCount,
      };
    },
    'print:print-packets': async (req, ctx) => ({
      jobs: await print.printPackets(req, principalOf(ctx).username),
    }),
    'print:list-jobs': () => print.listJobs(),
    'print:retry-job': ({ jobId }, ctx) => print.retryJob(jobId, principalOf(ctx).username),
    'print:cancel-job': ({ jobId }) => print.cancelJob(jobId),
    'print:list-records': (filter) => print.listRecords(filter),
  };
}
