/**
 * The result of every IPC call, in both shells.
 *
 * Handlers never throw across the process boundary: Electron would flatten the error into a
 * string ("Error invoking remote method …") and the renderer could not tell a validation
 * failure from a crash. So main always answers with this envelope and the renderer unwraps it.
 */
export type IpcErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'failed'
  | 'internal';

/** One problem with one field of the input, `path` dotted as in the form (e.g. `restrained.height`). */
export type IpcIssue = { readonly path: string; readonly message: string };

export type IpcErrorBody = {
  readonly code: IpcErrorCode;
  readonly message: string;
  readonly issues?: readonly IpcIssue[];
};

export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcErrorBody };

/** Error thrown in the renderer when a call's envelope says it failed. */
export class ClerkIpcError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: readonly IpcIssue[];
  constructor(channel: string, body: IpcErrorBody) {
    super(body.message);
    this.name = 'ClerkIpcError';
    this.code = body.code;
    this.issues = body.issues ?? [];
    this.channel = channel;
  }
  readonly channel: string;
}

/** A domain error a service throws to send a specific code and clerk-readable message. */
export class ServiceError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: readonly IpcIssue[];
  constructor(code: IpcErrorCode, message: string, issues: readonly IpcIssue[] = []) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.issues = issues;
  }
}
