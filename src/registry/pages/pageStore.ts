/**
 * Page images: content-addressed (the SHA-256 of the bytes is the id, so a retry can never make a
 * second copy), uploaded in chunks, resumable, and verified against the id when the last byte
 * arrives (reliability-security.md R-SYNC-12/13). Chunks live in the database so both backends
 * behave the same and a page commits atomically with its verification.
 *
 * Rules: chunks arrive in order (a chunk must start at the current offset); a chunk the registry
 * already has is acknowledged without change (a retry after a lost reply); any other offset gets
 * 409 with the offset to resume from. On completion a hash mismatch discards the bytes (422) and
 * the upload starts again from 0.
 */
import { createHash } from 'node:crypto';

import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import { courtOrderNamesPage } from '../orders/orderPages';

/** How much of a page the registry holds. */
export type PageStatus = {
  readonly sha256: string;
  readonly length: number;
  readonly received: number;
  readonly complete: boolean;
};

/** Size caps for pages and chunks. */
export type PageLimits = { readonly maxPageBytes: number; readonly maxChunkBytes: number };

/** A page id: lower-case hex SHA-256. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Parses `bytes START-END/TOTAL` (END inclusive). */
export function parseContentRange(header: string | undefined): {
  start: number;
  end: number;
  total: number;
} {
  const m = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec((header ?? '').trim());
  if (!m) {
    throw new RegistryError(
      400,
      'content-range-required',
      'Send each chunk with a header "Content-Range: bytes START-END/TOTAL" (END inclusive).',
    );
  }
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) {
    throw new RegistryError(
      400,
      'content-range-invalid',
      `Content-Range ${header} is not a valid range of a ${total}-byte page.`,
    );
  }
  return { start, end, total };
}

function checkHash(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) {
    throw new RegistryError(
      400,
      'page-id-invalid',
      'A page is addressed by the lower-case hex SHA-256 of its bytes (64 characters).',
    );
  }
}

type PageRow = { length: number; received: number; complete: boolean };

/** Status of a page visible to `courtOri`; undefined when unknown to that court. */
export async function pageStatus(
  db: Db,
  courtOri: string,
  sha256: string,
): Promise<PageStatus | undefined> {
  checkHash(sha256);
  const rows = await db.query<PageRow>(
    `SELECT p.length, p.received, p.complete FROM pages p
     JOIN page_courts c ON c.sha256 = p.sha256 AND c.court_ori = $2 WHERE p.sha256 = $1`,
    [sha256, courtOri],
  );
  const r = rows[0];
  return r ? { sha256, length: r.length, received: r.received, complete: r.complete } : undefined;
}

/** Stores one chunk; returns the page's status afterwards. */
export async function putChunk(
  db: Db,
  courtOri: string,
  sha256: string,
  range: { start: number; end: number; total: number },
  bytes: Uint8Array,
  limits: PageLimits,
): Promise<PageStatus> {
  checkHash(sha256);
  if (range.total > limits.maxPageBytes) {
    throw new RegistryError(
      413,
      'page-too-large',
      `A page may be at most ${limits.maxPageBytes} bytes; this one is ${range.total}.`,
    );
  }
  if (bytes.length !== range.end - range.start + 1) {
    throw new RegistryError(
      400,
      'chunk-length-mismatch',
      `The chunk has ${bytes.length} bytes but Content-Range says ${range.end - range.start + 1}.`,
    );
  }
  if (bytes.length > limits.maxChunkBytes) {
    throw new RegistryError(
      413,
      'chunk-too-large',
      `Send chunks of at most ${limits.maxChunkBytes} bytes.`,
    );
  }
  const outcome = await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO pages (sha256, length) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
      [sha256, range.total],
    );
    await tx.query(
      'INSERT INTO page_courts (sha256, court_ori) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [sha256, courtOri],
    );
    const rows = await tx.query<PageRow>(
      'SELECT length, received, complete FROM pages WHERE sha256 = $1 FOR UPDATE',
      [sha256],
    );
    const page = rows[0];
    if (!page) throw new Error('page row vanished inside its transaction');
    const status = (received: number, complete: boolean): PageStatus => ({
      sha256,
      length: page.length,
      received,
      complete,
    });
    if (page.length !== range.total) {
      throw new RegistryError(
        409,
        'page-length-mismatch',
        `This page is ${page.length} bytes long, not ${range.total}.`,
        { received: page.received },
      );
    }
    if (page.complete) return { status: status(page.length, true) };
    if (range.start < page.received && range.end < page.received)
      return { status: status(page.received, false) };
    if (range.start !== page.received) {
      throw new RegistryError(
        409,
        'offset-mismatch',
        `The registry has ${page.received} bytes of this page; resume from there.`,
        { received: page.received },
      );
    }
    await tx.query('INSERT INTO page_chunks (sha256, offset_bytes, data) VALUES ($1, $2, $3)', [
      sha256,
      range.start,
      bytes,
    ]);
    const received = range.end + 1;
    if (received < page.length) {
      await tx.query('UPDATE pages SET received = $2 WHERE sha256 = $1', [sha256, received]);
      return { status: status(received, false) };
    }
    // Last byte: verify the whole page against its id before it counts as complete.
    const chunks = await tx.query<{ data: Uint8Array }>(
      'SELECT data FROM page_chunks WHERE sha256 = $1 ORDER BY offset_bytes',
      [sha256],
    );
    const hash = createHash('sha256');
    for (const c of chunks) hash.update(c.data);
    if (hash.digest('hex') !== sha256) {
      await tx.query('DELETE FROM page_chunks WHERE sha256 = $1', [sha256]);
      await tx.query('UPDATE pages SET received = 0 WHERE sha256 = $1', [sha256]);
      return { mismatch: true as const };
    }
    await tx.query(
      'UPDATE pages SET received = $2, complete = true, completed_at = now() WHERE sha256 = $1',
      [sha256, received],
    );
    return { status: status(received, true) };
  });
  if ('mismatch' in outcome) {
    throw new RegistryError(
      422,
      'sha256-mismatch',
      'The uploaded bytes do not hash to this page id; the registry discarded them. Upload the page again from offset 0.',
      { received: 0 },
    );
  }
  return outcome.status;
}

/**
 * The bytes of a complete page that an order of `courtOri` names (order_pages). Uploading a
 * page lets its court resume the upload (pageStatus) but not read it back: only an order on
 * file makes a page readable, so a page of an order stored before migration 8 is not served.
 */
export async function readPage(
  db: Db,
  courtOri: string,
  sha256: string,
): Promise<Uint8Array | undefined> {
  const status = await pageStatus(db, courtOri, sha256);
  if (!status?.complete) return undefined;
  if (!(await courtOrderNamesPage(db, courtOri, sha256))) return undefined;
  const chunks = await db.query<{ data: Uint8Array }>(
    'SELECT data FROM page_chunks WHERE sha256 = $1 ORDER BY offset_bytes',
    [sha256],
  );
  return Buffer.concat(chunks.map((c) => c.data));
}
