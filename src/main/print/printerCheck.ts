/**
 * "Check" on the Devices page: how a printer is right now, in clerk words. Never throws for an
 * unreachable printer; that is an answer too.
 */
import type { ClerkReason } from '../../shared/printing/stateReasons';
import { describePrinterReasons, sortBySeverity } from '../../shared/printing/stateReasons';

import type { PrintTarget } from './targets/printTarget';

export type PrinterCheck = {
  readonly state: 'idle' | 'processing' | 'stopped' | 'unknown' | 'unreachable';
  readonly reasons: ClerkReason[];
  readonly message: string;
};

/** Asks the printer its state and reasons once; the worst reason leads the message. */
export async function checkPrinter(target: PrintTarget): Promise<PrinterCheck> {
  try {
    const status = await target.getPrinter();
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
