/**
 * A place a print job can go: an IPP printer, or a CUPS queue reached with `lp`. The job
 * follower and the print service only see this interface.
 */
import type { PrinterConfig } from '../../../shared/printing/printers';
import type { IppJobStatus, IppPrinterStatus, PrintJobRequest } from '../ipp/ippClient';
import { IppClient } from '../ipp/ippClient';

import { CupsTarget } from './cupsTarget';

export type PrintTarget = {
  /** Sends the document; resolves to the printer's (or CUPS') job number. */
  submit(req: PrintJobRequest): Promise<number>;
  getJob(jobId: number): Promise<IppJobStatus>;
  getPrinter(): Promise<IppPrinterStatus>;
  cancel(jobId: number): Promise<void>;
};

/** Prints straight to an IPP printer or print server. */
export class IppTarget implements PrintTarget {
  private readonly client: IppClient;
  constructor(uri: string, user: string, timeoutMs?: number) {
    this.client = new IppClient({ printerUri: uri }, user, timeoutMs);
  }
  async submit(req: PrintJobRequest): Promise<number> {
    return (await this.client.printJob(req)).jobId;
  }
  getJob(jobId: number): Promise<IppJobStatus> {
    return this.client.getJob(jobId);
  }
  getPrinter(): Promise<IppPrinterStatus> {
    return this.client.getPrinter();
  }
  cancel(jobId: number): Promise<void> {
    return this.client.cancelJob(jobId);
  }
}

export type TargetOptions = {
  /** requesting-user-name for IPP printers (the signed-in clerk). */
  readonly user: string;
  /** The OS account lp runs as; CUPS makes it the job owner. */
  readonly osUser: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
};

/** Picks the target for a configured printer. */
export function targetFor(printer: PrinterConfig, options: TargetOptions): PrintTarget {
  if (printer.kind === 'ipp') return new IppTarget(printer.uri, options.user, options.timeoutMs);
  return new CupsTarget(printer.queue, printer.cupsServer, options);
}
