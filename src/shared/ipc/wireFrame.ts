/**
 * Frames for carrying the IPC contract over a WebSocket (the host shell).
 *
 * Most messages are JSON text. A message holding binary data (page images) is sent as one
 * binary frame instead, so bytes are never base64-encoded:
 * `[u32 header length][u32 blob count][header JSON][u32 size × count][blobs]` (little-endian),
 * where each ArrayBuffer or
 * Uint8Array in the value is replaced in the header by `{"$bin": i, "kind": "ab" | "u8"}`.
 */
export type WireMessage =
  | { readonly t: 'call'; readonly id: number; readonly channel: string; readonly input: unknown }
  | { readonly t: 'result'; readonly id: number; readonly result: unknown }
  | { readonly t: 'event'; readonly event: string; readonly payload: unknown };

type BinRef = { $bin: number; kind: 'ab' | 'u8' };

function isBinRef(v: unknown): v is BinRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { $bin?: unknown }).$bin === 'number' &&
    Object.keys(v).length === 2
  );
}

function extract(value: unknown, blobs: Uint8Array[]): unknown {
  if (value instanceof ArrayBuffer) {
    blobs.push(new Uint8Array(value));
    return { $bin: blobs.length - 1, kind: 'ab' } satisfies BinRef;
  }
  if (value instanceof Uint8Array) {
    blobs.push(value);
    return { $bin: blobs.length - 1, kind: 'u8' } satisfies BinRef;
  }
  if (Array.isArray(value)) return value.map((v) => extract(v, blobs));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = extract(v, blobs);
    return out;
  }
  return value;
}

/** Encodes a message: a string when it holds no binary data, else one binary frame. */
export function encodeFrame(message: WireMessage): string | Uint8Array {
  const blobs: Uint8Array[] = [];
  const header = extract(message, blobs);
  const json = JSON.stringify(header);
  if (blobs.length === 0) return json;
  const head = new TextEncoder().encode(json);
  const sizes = blobs.map((b) => b.byteLength);
  const total = 8 + head.byteLength + 4 * blobs.length + sizes.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.byteLength, true);
  view.setUint32(4, blobs.length, true);
  out.set(head, 8);
  let offset = 8 + head.byteLength;
  for (const size of sizes) {
    view.setUint32(offset, size, true);
    offset += 4;
  }
  for (const blob of blobs) {
    out.set(blob, offset);
    offset += blob.byteLength;
  }
  return out;
}

function restore(value: unknown, blobs: Uint8Array[]): unknown {
  if (isBinRef(value)) {
    const blob = blobs[value.$bin];
    if (!blob) throw new Error(`frame refers to missing blob ${value.$bin}`);
    return value.kind === 'ab' ? blob.slice().buffer : blob.slice();
  }
  if (Array.isArray(value)) return value.map((v) => restore(v, blobs));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = restore(v, blobs);
    return out;
  }
  return value;
}

function assertMessage(value: unknown): WireMessage {
  const m = value as { t?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    !['call', 'result', 'event'].includes(String(m.t))
  )
    throw new Error('frame is not a call, result or event');
  return value as WireMessage;
}

/** Decodes a text or binary frame. Throws on anything malformed (the caller drops it). */
export function decodeFrame(data: string | ArrayBuffer | Uint8Array): WireMessage {
  if (typeof data === 'string') return assertMessage(JSON.parse(data));
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength < 8) throw new Error('binary frame too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  if (8 + headLen > bytes.byteLength) throw new Error('binary frame header overruns the frame');
  const header: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLen)));
  const blobs: Uint8Array[] = [];
  let offset = 8 + headLen;
  const sizes: number[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 4 > bytes.byteLength) throw new Error('binary frame size table truncated');
    sizes.push(view.getUint32(offset, true));
    offset += 4;
  }
  for (const size of sizes) {
    if (offset + size > bytes.byteLength) throw new Error('binary frame blob truncated');
    blobs.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return assertMessage(restore(header, blobs));
}
