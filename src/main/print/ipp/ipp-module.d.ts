/**
 * The part of `ipp@1.1.0` we use (the package ships no types; `@types/ipp` is not installed).
 * We use its IPP encoder and decoder and do the HTTP ourselves (timeouts, Unix sockets).
 */
declare module 'ipp' {
  /** An IPP message as the package represents it: groups keyed by tag name. */
  export type IppMessage = {
    version?: string;
    operation?: string;
    statusCode?: string;
    id?: number;
    'operation-attributes-tag'?: Record<string, unknown>;
    'job-attributes-tag'?: Record<string, unknown> | Array<Record<string, unknown>>;
    'printer-attributes-tag'?: Record<string, unknown>;
    'unsupported-attributes-tag'?: Record<string, unknown>;
    data?: Buffer;
  };
  export function serialize(message: IppMessage): Buffer;
  export function parse(buffer: Buffer): IppMessage;
}
