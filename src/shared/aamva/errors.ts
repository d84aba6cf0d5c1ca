/**
 * The one error type the AAMVA parser throws. Every failure carries a stable `code` (for tests
 * and for the IPC envelope) and a message a clerk can act on at the counter.
 */

/** Why a payload could not be read. */
export type AamvaErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-aamva'
  | 'bad-header'
  | 'truncated'
  | 'bad-directory'
  | 'missing-subfile'
  | 'bad-offset'
  | 'bad-length'
  | 'unreadable';

/** Thrown by `parseAamva` (and only this is thrown): the payload is not a readable licence. */
export class AamvaError extends Error {
  readonly code: AamvaErrorCode;
  constructor(code: AamvaErrorCode, message: string) {
    super(message);
    this.name = 'AamvaError';
    this.code = code;
  }
}

/** Advice appended to messages where scanning again is the likely fix. */
export const SCAN_AGAIN =
  'Scan the barcode on the back of the licence again, holding it still until the reader beeps; if it keeps failing, type the details from the card.';
