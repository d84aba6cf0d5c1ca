/**
 * The registry's expected errors: an HTTP status, a stable machine code the workstation can
 * branch on, and a message that says what to do. Anything else is a 500 with no details.
 */
export class RegistryError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'RegistryError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Error body shape of every non-2xx JSON answer. */
export type ErrorBody = { error: { code: string; message: string } & Record<string, unknown> };

/** Builds the JSON error body for an error code and message. */
export function errorBody(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { code, message, ...details } };
}
