/**
 * Sends one IPP request over HTTP and returns the decoded response.
 *
 * The `ipp` package encodes and decodes the messages; the HTTP is ours because the package's
 * own request has no timeout, cannot use CUPS' Unix socket, and logs to the console.
 */
import http from 'node:http';
import https from 'node:https';

import { parse, serialize } from 'ipp';
import type { IppMessage } from 'ipp';

/** Where to send IPP: the printer URI (`ipp://host:port/path`) and, for CUPS, maybe a socket. */
export type IppEndpoint = {
  /** The `printer-uri` attribute, e.g. `ipp://localhost:631/printers/dept3`. */
  readonly printerUri: string;
  /** A Unix socket path to connect through instead of host:port (CUPS' local socket). */
  readonly socketPath?: string;
};

/** A transport failure (no answer, refused, timed out, not IPP), in clerk words. */
export class IppTransportError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'IppTransportError';
  }
}

const defaultPorts: Record<string, number> = { 'ipp:': 631, 'ipps:': 443 };

/** Encodes `message`, posts it (followed by `data`), and decodes the reply. */
export function ippRequest(
  endpoint: IppEndpoint,
  message: IppMessage,
  data?: Uint8Array,
  timeoutMs = 15_000,
): Promise<IppMessage> {
  let head: Buffer;
  try {
    head = serialize(message);
  } catch (error) {
    // The encoder throws plain strings for unknown attributes; that is our bug, not the clerk's.
    return Promise.reject(new Error(`IPP encoding failed: ${String(error)}`));
  }
  const url = new URL(endpoint.printerUri);
  const secure = url.protocol === 'ipps:' || url.protocol === 'https:';
  const port = url.port ? Number(url.port) : (defaultPorts[url.protocol] ?? 631);
  const body = data ? [head, data] : [head];
  const length = body.reduce((n, b) => n + b.byteLength, 0);
  const where = endpoint.socketPath ?? `${url.hostname}:${port}`;

  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        method: 'POST',
        ...(endpoint.socketPath
          ? { socketPath: endpoint.socketPath }
          : { host: url.hostname.replace(/^\[|\]$/g, ''), port }),
        path: url.pathname + url.search,
        headers: {
          'Content-Type': 'application/ipp',
          'Content-Length': length,
          Host: endpoint.socketPath ? 'localhost' : url.host,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) =>
          reject(new IppTransportError(`The printer at ${where} broke off its answer.`, e)),
        );
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(
              new IppTransportError(
                `The printer at ${where} answered HTTP ${res.statusCode ?? '?'} for ${url.pathname}; ` +
                  'check the printer address in the printer settings.',
              ),
            );
            return;
          }
          try {
            resolve(parse(Buffer.concat(chunks)));
          } catch (e) {
            reject(
              new IppTransportError(
                `The device at ${where} did not answer in IPP; is it a printer?`,
                e,
              ),
            );
          }
        });
      },
    );
    req.on('timeout', () => {
      req.destroy(
        new IppTransportError(
          `The printer at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        ),
      );
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof IppTransportError) reject(e);
      else reject(new IppTransportError(describeNetError(e, where), e));
    });
    for (const b of body) req.write(b);
    req.end();
  });
}

function describeNetError(e: NodeJS.ErrnoException, where: string): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Nothing answers at ${where}: the printer is off, or the address is wrong.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The printer name in ${where} is not known on the network; check the printer address.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `The printer at ${where} cannot be reached; check the network cable or Wi-Fi.`;
    case 'ENOENT':
      return `The print server socket ${where} does not exist; is CUPS running?`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The printer at ${where} dropped the connection; retry.`;
    default:
      return `Could not talk to the printer at ${where} (${e.code ?? e.message}).`;
  }
}
