/**
 * The CLETS simulator's line protocol (docs/clets-sim-protocol.md): framing, message ids, the
 * answer lines and the reason codes. Shared by the simulator and the relay's client, so both
 * ends parse and write exactly the same text. Pure (no I/O).
 *
 * Request:  `MSG <message-id> <record-count>` then that many record lines (`TAG/value.` text
 *           from src/shared/clets, one record per protected person).
 * Answers:  `ACK <message-id> <fcn> [<fcn> …]` (one 13-digit FCN per record, in order) or
 *           `REJ <message-id> <code> <record-no> <tag|-> <text>`.
 * Also:     `PING <token>` → `PONG <token>`; a broken frame → `ERR <text>` and the connection closes.
 */

/** A message id: 1–64 letters, digits, `.`, `_`, `:` or `-`; chosen by the sender, unique for ever. */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Most records one message may carry (one per protected person; orders have far fewer). */
export const MAX_RECORDS = 99;

/** Longest line either side accepts (a full record is ~600 characters). */
export const MAX_LINE_BYTES = 16 * 1024;

/** The greeting the simulator writes when a connection opens. */
export const GREETING = 'HELLO CLETS-SIM 1';

/** Why a message was rejected: code → meaning (DATA; the relay maps codes to clerk words). */
export const REJECT_CODES = {
  FMT: 'message format error (a record cannot be read)',
  INV: 'invalid field',
  MND: 'mandatory field missing',
  DUP: 'duplicate on file',
  NOF: 'not on file',
  IDM: 'message id already used for a different message',
} as const;

/** A reject reason code. */
export type RejectCode = keyof typeof REJECT_CODES;

/** True when `code` is one of {@link REJECT_CODES}. */
export function isRejectCode(code: string): code is RejectCode {
  return Object.prototype.hasOwnProperty.call(REJECT_CODES, code);
}

/** The simulator's answer to one message. */
export type Answer =
  | { readonly kind: 'ACK'; readonly messageId: string; readonly fcns: readonly string[] }
  | {
      readonly kind: 'REJ';
      readonly messageId: string;
      readonly code: RejectCode;
      /** 1-based record number, 0 for the whole message. */
      readonly record: number;
      /** The NCIC tag at fault, or null when no single field is. */
      readonly tag: string | null;
      readonly text: string;
    };

/** An FCN (File Control Number): 13 digits. */
export const FCN_PATTERN = /^\d{13}$/;

/** Writes the request header line (records follow, one per line). */
export function formatRequestHeader(messageId: string, recordCount: number): string {
  if (!MESSAGE_ID_PATTERN.test(messageId)) {
    throw new RangeError(`Message id "${messageId}" must be 1–64 letters, digits, . _ : or -`);
  }
  if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > MAX_RECORDS) {
    throw new RangeError(`A message carries 1 to ${MAX_RECORDS} records, not ${recordCount}`);
  }
  return `MSG ${messageId} ${recordCount}`;
}

/** Writes a whole request: header plus record lines, each ended by `\n`. */
export function formatRequest(messageId: string, recordLines: readonly string[]): string {
  for (const line of recordLines) {
    if (/[\r\n]/.test(line)) throw new RangeError('A record line may not contain a line break');
  }
  return `${formatRequestHeader(messageId, recordLines.length)}\n${recordLines.map((l) => `${l}\n`).join('')}`;
}

/** Reads a request header; null when the line is not one. */
export function parseRequestHeader(line: string): { messageId: string; count: number } | null {
  const m = /^MSG (\S+) (\d{1,3})$/.exec(line);
  if (!m || !MESSAGE_ID_PATTERN.test(m[1] ?? '')) return null;
  const count = Number(m[2]);
  if (count < 1 || count > MAX_RECORDS) return null;
  return { messageId: m[1] as string, count };
}

/** One-line, printable text for a REJ (no line breaks, trimmed, at most 300 characters). */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return (flat === '' ? 'rejected' : flat).slice(0, 300);
}

/** Writes an answer line (no line break). */
export function formatAnswer(answer: Answer): string {
  if (answer.kind === 'ACK') return `ACK ${answer.messageId} ${answer.fcns.join(' ')}`;
  return `REJ ${answer.messageId} ${answer.code} ${answer.record} ${answer.tag ?? '-'} ${oneLine(answer.text)}`;
}

/** Reads an ACK or REJ line; null when the line is neither (e.g. PONG, HELLO). */
export function parseAnswer(line: string): Answer | null {
  const ack = /^ACK (\S+) (\d{13}(?: \d{13})*)$/.exec(line);
  if (ack) {
    return { kind: 'ACK', messageId: ack[1] as string, fcns: (ack[2] as string).split(' ') };
  }
  const rej = /^REJ (\S+) ([A-Z]{3}) (\d{1,3}) (\S+) (.+)$/.exec(line);
  if (rej && isRejectCode(rej[2] as string)) {
    return {
      kind: 'REJ',
      messageId: rej[1] as string,
      code: rej[2] as RejectCode,
      record: Number(rej[3]),
      tag: rej[4] === '-' ? null : (rej[4] as string),
      text: rej[5] as string,
    };
  }
  return null;
}

/**
 * The key a record is filed under: entering ORI, protection order number (PNO) and protected
 * person name (PPN; empty for an order that protects nobody, e.g. a GVRO). NCIC's real POF
 * duplicate key was not found (domain.md §3.1); this is the simulator's documented assumption.
 */
export function recordKey(fields: readonly { tag: string; value: string }[]): string {
  const get = (tag: string): string => fields.find((f) => f.tag === tag)?.value ?? '';
  return `${get('ORI')}|${get('PNO')}|${get('PPN')}`;
}
