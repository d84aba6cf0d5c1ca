/**
 * The CUPS path (Linux): the PDF goes to the local CUPS with `lp` (honouring CUPS_SERVER), and
 * the job is then followed over IPP to the same cupsd.
 *
 * `lp` is run with execFile-style arguments (no shell) and reads the PDF from stdin, so no
 * temporary copy of the order is written to disk. A CUPS job that says "completed" has been
 * handed to the printer; it is not proof of paper (docs/printing.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

import type { IppJobStatus, IppPrinterStatus, PrintJobRequest } from '../ipp/ippClient';
import { IppClient, IppStatusError } from '../ipp/ippClient';
import type { IppEndpoint } from '../ipp/ippTransport';

import type { PrintTarget, TargetOptions } from './printTarget';

/** Where CUPS listens on Debian when neither the printer config nor CUPS_SERVER says. */
const defaultSocket = '/run/cups/cups.sock';

/**
 * Resolves a CUPS_SERVER-style value (`host`, `host:port`, `[::1]:port`, `/path/to/socket`,
 * optionally followed by `/version=1.1`) to the IPP endpoint of `queue` on that server.
 */
export function cupsEndpoint(
  queue: string,
  server: string | undefined,
  socketExists = existsSync,
): IppEndpoint {
  const value = (server ?? '').trim().replace(/\/version=[\d.]+$/, '');
  const path = `/printers/${encodeURIComponent(queue)}`;
  if (value.startsWith('/')) return { printerUri: `ipp://localhost${path}`, socketPath: value };
  if (value === '') {
    return socketExists(defaultSocket)
      ? { printerUri: `ipp://localhost${path}`, socketPath: defaultSocket }
      : { printerUri: `ipp://localhost:631${path}` };
  }
  const hasPort = /^\[.*\]:\d+$/.test(value) || /^[^:[\]]+:\d+$/.test(value);
  return { printerUri: `ipp://${hasPort ? value : `${value}:631`}${path}` };
}

/** Arguments for `lp`; exported for tests. The document comes on stdin. */
export function lpArguments(queue: string, req: Omit<PrintJobRequest, 'data'>): string[] {
  return [
    '-d',
    queue,
    '-n',
    String(req.copies),
    '-o',
    `sides=${req.sides}`,
    '-o',
    `media=${req.media}`,
    '-t',
    req.jobName,
  ];
}

/** Reads the job number from lp's "request id is dept3-42 (0 file(s))". */
export function parseRequestId(stdout: string): number | null {
  const m = /request id is \S+-(\d+)\b/.exec(stdout);
  return m ? Number(m[1]) : null;
}

function lpMessage(stderr: string, queue: string): string {
  const s = stderr.toLowerCase();
  if (s.includes('does not exist'))
    return `CUPS has no printer queue named "${queue}"; check the printer settings.`;
  if (
    s.includes('unable to connect') ||
    s.includes('connection refused') ||
    s.includes('bad file descriptor')
  )
    return 'The print server (CUPS) is not answering; ask IT to check it.';
  if (s.includes('not accepting'))
    return `The CUPS queue "${queue}" is not accepting jobs; ask IT to enable it.`;
  if (s.includes('forbidden') || s.includes('not authorized'))
    return `CUPS refused the job for "${queue}"; ask IT to allow this workstation.`;
  return `lp could not send the job to "${queue}": ${stderr.trim() || 'no reason given'}.`;
}

export class CupsTarget implements PrintTarget {
  private readonly client: IppClient;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly queue: string,
    server: string | undefined,
    private readonly options: TargetOptions,
  ) {
    const effective = server ?? options.env.CUPS_SERVER;
    this.env = {
      ...options.env,
      LC_ALL: 'C',
      LANG: 'C',
      ...(effective ? { CUPS_SERVER: effective } : {}),
    };
    // CUPS lets the job's owner (the OS account lp ran as) see and cancel it.
    this.client = new IppClient(cupsEndpoint(queue, effective), options.osUser, options.timeoutMs);
  }

  submit(req: PrintJobRequest): Promise<number> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = spawn('lp', lpArguments(this.queue, req), {
          env: this.env,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
      } catch (error) {
        reject(
          new IppStatusError(
            `Could not start lp (${String(error)}); is cups-client installed?`,
            'lp-missing',
          ),
        );
        return;
      }
      let out = '';
      let err = '';
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.stdin.on('error', () => {}); // lp may exit before reading all of stdin; its exit code says why.
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why = e.code === 'ENOENT' ? 'lp is not installed (package cups-client)' : e.message;
        reject(new IppStatusError(`Could not run lp: ${why}.`, 'lp-missing'));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const id = parseRequestId(out);
        if (code === 0 && id !== null) resolve(id);
        else if (signal)
          reject(
            new IppStatusError(
              'The print server did not take the job in time; retry.',
              'lp-timeout',
            ),
          );
        else reject(new IppStatusError(lpMessage(err, this.queue), 'lp-failed'));
      });
      child.stdin.end(req.data);
    });
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
