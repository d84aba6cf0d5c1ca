/**
 * The IPP operations the print queue needs: Print-Job, Get-Job-Attributes,
 * Get-Printer-Attributes and Cancel-Job, against one printer (or one CUPS queue).
 */
import type { IppMessage } from 'ipp';

import type { Media, Sides } from '../../../shared/printing/printers';

import type { IppEndpoint } from './ippTransport';
import { ippRequest } from './ippTransport';

/** IPP job-state keywords (RFC 8011 §5.3.7). */
export type IppJobState =
  | 'pending'
  | 'pending-held'
  | 'processing'
  | 'processing-stopped'
  | 'canceled'
  | 'aborted'
  | 'completed';

export type IppJobStatus = {
  readonly state: IppJobState;
  readonly reasons: readonly string[];
  readonly message: string;
};

export type IppPrinterStatus = {
  readonly state: 'idle' | 'processing' | 'stopped' | 'unknown';
  readonly reasons: readonly string[];
  readonly message: string;
};

export type PrintJobRequest = {
  readonly data: Uint8Array;
  readonly jobName: string;
  readonly copies: number;
  readonly sides: Sides;
  readonly media: Media;
};

/** The printer refused or failed an operation; `status` is the IPP status-code keyword. */
export class IppStatusError extends Error {
  constructor(
    message: string,
    readonly status: string,
    readonly unsupported: readonly string[] = [],
  ) {
    super(message);
    this.name = 'IppStatusError';
  }
  /** Busy or temporarily unable: worth sending again shortly. */
  get transient(): boolean {
    return [
      'server-error-busy',
      'server-error-temporary-error',
      'server-error-service-unavailable',
    ].includes(this.status);
  }
}

const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map(String);

const str = (v: unknown): string =>
  Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v);

function firstGroup(v: IppMessage['job-attributes-tag']): Record<string, unknown> {
  return (Array.isArray(v) ? v[0] : v) ?? {};
}

function statusMessage(status: string, unsupported: readonly string[], op: string): string {
  switch (status) {
    case 'server-error-busy':
      return 'The printer is busy with another job.';
    case 'server-error-not-accepting-jobs':
      return 'The printer is not accepting jobs right now (it may be paused or stopped).';
    case 'client-error-document-format-not-supported':
      return 'The printer does not accept PDF documents; choose another printer or ask IT.';
    case 'client-error-attributes-or-values-not-supported':
      return `The printer cannot do what was asked (${unsupported.join(', ') || 'an option'}); change the print options.`;
    case 'client-error-not-found':
      return op === 'Get-Job-Attributes' || op === 'Cancel-Job'
        ? 'The printer no longer knows this job (it may have been restarted).'
        : 'The printer address points to no printer or queue; check the printer settings.';
    case 'client-error-not-authorized':
    case 'client-error-not-authenticated':
    case 'client-error-forbidden':
      return 'The printer or print server refused this workstation; ask IT to allow it.';
    case 'client-error-document-access-error':
    case 'client-error-compression-not-supported':
      return 'The printer could not read the document; retry.';
    default:
      return `The printer refused ${op} (${status}).`;
  }
}

/** A client for one printer URI. `user` is sent as requesting-user-name and owns the jobs. */
export class IppClient {
  constructor(
    readonly endpoint: IppEndpoint,
    private readonly user: string,
    private readonly timeoutMs = 15_000,
  ) {}

  private async call(
    op: string,
    ops: Record<string, unknown>,
    extra: Partial<IppMessage> = {},
    data?: Uint8Array,
  ) {
    const message: IppMessage = {
      version: '2.0',
      operation: op,
      'operation-attributes-tag': {
        'attributes-charset': 'utf-8',
        'attributes-natural-language': 'en-us',
        'printer-uri': this.endpoint.printerUri,
        'requesting-user-name': this.user,
        ...ops,
      },
      ...extra,
    };
    const res = await ippRequest(this.endpoint, message, data, this.timeoutMs);
    const status = res.statusCode ?? 'unknown';
    if (!status.startsWith('successful')) {
      const unsupported = Object.keys(res['unsupported-attributes-tag'] ?? {});
      throw new IppStatusError(statusMessage(status, unsupported, op), status, unsupported);
    }
    return res;
  }

  /** Sends the document; returns the printer's job id. */
  async printJob(req: PrintJobRequest): Promise<{ jobId: number; status: IppJobStatus }> {
    const res = await this.call(
      'Print-Job',
      { 'job-name': req.jobName, 'document-format': 'application/pdf' },
      { 'job-attributes-tag': { copies: req.copies, sides: req.sides, media: req.media } },
      req.data,
    );
    const job = firstGroup(res['job-attributes-tag']);
    const jobId = Number(job['job-id']);
    if (!Number.isInteger(jobId))
      throw new IppStatusError('The printer accepted the job but gave no job number.', 'no-job-id');
    return { jobId, status: toJobStatus(job) };
  }

  async getJob(jobId: number): Promise<IppJobStatus> {
    const res = await this.call('Get-Job-Attributes', {
      'job-id': jobId,
      'requested-attributes': ['job-state', 'job-state-reasons', 'job-state-message'],
    });
    return toJobStatus(firstGroup(res['job-attributes-tag']));
  }

  async getPrinter(): Promise<IppPrinterStatus> {
    const res = await this.call('Get-Printer-Attributes', {
      'requested-attributes': ['printer-state', 'printer-state-reasons', 'printer-state-message'],
    });
    const p = res['printer-attributes-tag'] ?? {};
    const state = str(p['printer-state']);
    return {
      state: state === 'idle' || state === 'processing' || state === 'stopped' ? state : 'unknown',
      reasons: list(p['printer-state-reasons']),
      message: str(p['printer-state-message']).trim(),
    };
  }

  async cancelJob(jobId: number): Promise<void> {
    await this.call('Cancel-Job', { 'job-id': jobId });
  }
}

function toJobStatus(job: Record<string, unknown>): IppJobStatus {
  return {
    state: (str(job['job-state']) || 'pending') as IppJobState,
    reasons: list(job['job-state-reasons']),
    message: str(job['job-state-message']).trim(),
  };
}
