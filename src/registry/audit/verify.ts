/**
 * The audit-chain verifier (`npm run registry -- verify-audit`): walks every court's chain in
 * sequence order and reports each row that was changed, deleted or inserted, plus gaps in each
 * workstation's own chain (an event deleted on the workstation before it was sent).
 *
 * It catches any edit that did not also rewrite every later hash and the chain head. A database
 * superuser can disable the triggers and rewrite everything; anchors (the heads saved by an
 * earlier run, kept outside the database: `--write-anchors`, `--anchors`) catch that too (R-AUD-3).
 */
import { createHash } from 'node:crypto';

import { GENESIS_HASH } from '../../shared/auth/auditEvent';
import { canonicalJson } from '../client/canonicalJson';
import type { Queryable } from '../db/types';

import { contentOf, fromRaw, rowColumns, rowHash, type StoredAuditRow } from './auditLog';

export type ProblemKind =
  | 'changed'
  | 'broken-link'
  | 'missing'
  | 'inserted'
  | 'head-mismatch'
  | 'anchor-mismatch'
  | 'workstation-gap';

export type AuditProblem = {
  readonly court: string;
  readonly courtSeq: number | null;
  readonly id: number | null;
  readonly kind: ProblemKind;
  readonly detail: string;
};

export type ChainSummary = {
  readonly court: string;
  readonly rows: number;
  readonly lastSeq: number;
  readonly lastHash: string;
};

export type VerifyReport = {
  readonly ok: boolean;
  readonly chains: readonly ChainSummary[];
  readonly problems: readonly AuditProblem[];
};

/** Saved chain heads: court → the sequence number and hash it had. */
export type Anchors = Readonly<Record<string, { readonly seq: number; readonly hash: string }>>;

const PAGE = 5000;

type WsLink = { seq: number; hash: string };

function workstationLink(event: unknown): (WsLink & { ws: string; prevHash: string }) | undefined {
  const e = event as {
    seq?: unknown;
    hash?: unknown;
    prevHash?: unknown;
    where?: { workstationId?: unknown };
  } | null;
  if (!e || typeof e.seq !== 'number' || typeof e.hash !== 'string') return undefined;
  if (typeof e.prevHash !== 'string' || typeof e.where?.workstationId !== 'string')
    return undefined;
  return { ws: e.where.workstationId, seq: e.seq, hash: e.hash, prevHash: e.prevHash };
}

/** The workstation's own hash of an event (same rule as src/main/audit/auditChain.ts). */
function workstationHash(event: Record<string, unknown>): string {
  const { hash: _drop, ...body } = event;
  return createHash('sha256')
    .update(String(event.prevHash), 'utf8')
    .update(canonicalJson(body), 'utf8')
    .digest('hex');
}

async function courts(db: Queryable, only?: string): Promise<string[]> {
  const rows = await db.query<{ court_ori: string }>(
    `SELECT court_ori FROM audit_events UNION SELECT court_ori FROM audit_heads ORDER BY 1`,
  );
  return rows.map((r) => r.court_ori).filter((c) => only === undefined || c === only);
}

async function verifyCourt(
  db: Queryable,
  court: string,
  anchors: Anchors,
  problems: AuditProblem[],
): Promise<ChainSummary> {
  const add = (row: StoredAuditRow | null, kind: ProblemKind, detail: string) =>
    problems.push({ court, courtSeq: row?.courtSeq ?? null, id: row?.id ?? null, kind, detail });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let count = 0;
  const seen = new Map<number, string>();
  const wsTail = new Map<string, WsLink>();
  let after = 0;
  for (;;) {
    const raw = await db.query<Parameters<typeof fromRaw>[0]>(
      `SELECT ${rowColumns} FROM audit_events WHERE court_ori = $1 AND court_seq > $2
       ORDER BY court_seq, id LIMIT $3`,
      [court, after, PAGE],
    );
    // Duplicated sequence numbers (possible only with the unique index dropped) come in pages.
    const dupes = await db.query<{ court_seq: number; n: number }>(
      `SELECT court_seq, count(*)::int AS n FROM audit_events WHERE court_ori = $1
       AND court_seq > $2 AND court_seq <= $3 GROUP BY court_seq HAVING count(*) > 1`,
      [court, after, raw.length ? Number(raw[raw.length - 1]?.court_seq) : after],
    );
    for (const d of dupes) {
      add(null, 'inserted', `sequence number ${d.court_seq} is used by ${d.n} rows`);
    }
    for (const r of raw.map(fromRaw)) {
      count += 1;
      const anchor = anchors[court];
      if (anchor && r.courtSeq === anchor.seq && r.rowHash !== anchor.hash) {
        add(r, 'anchor-mismatch', `row ${r.courtSeq} no longer has the hash anchored for it`);
      }
      if (seen.has(r.courtSeq)) continue;
      seen.set(r.courtSeq, r.rowHash);
      if (r.courtSeq > expectedSeq) {
        add(
          r,
          'missing',
          `rows ${expectedSeq}–${r.courtSeq - 1} are missing before row ${r.courtSeq}`,
        );
      }
      if (r.prevHash !== prevHash) {
        add(
          r,
          r.courtSeq > expectedSeq ? 'missing' : 'broken-link',
          `row ${r.courtSeq} does not link to the row before it`,
        );
      }
      if (rowHash(r.prevHash, contentOf(r)) !== r.rowHash) {
        add(r, 'changed', `row ${r.courtSeq} was changed after it was written`);
      }
      if (r.id < prevId) {
        add(r, 'inserted', `row ${r.courtSeq} (id ${r.id}) was written after row id ${prevId}`);
      }
      const link = workstationLink(r.event);
      if (link) {
        const tail = wsTail.get(link.ws);
        if (tail && (link.seq !== tail.seq + 1 || link.prevHash !== tail.hash)) {
          add(
            r,
            'workstation-gap',
            `workstation ${link.ws}: event ${link.seq} does not follow event ${tail.seq}`,
          );
        }
        if (workstationHash(r.event as Record<string, unknown>) !== link.hash) {
          add(
            r,
            'changed',
            `workstation ${link.ws}: event ${link.seq} does not match its own hash`,
          );
        }
        wsTail.set(link.ws, { seq: link.seq, hash: link.hash });
      }
      expectedSeq = r.courtSeq + 1;
      prevHash = r.rowHash;
      prevId = r.id;
    }
    if (raw.length < PAGE) break;
    after = Number(raw[raw.length - 1]?.court_seq ?? after);
  }
  const lastSeq = expectedSeq - 1;
  const heads = await db.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_heads WHERE court_ori = $1',
    [court],
  );
  const head = heads[0];
  if (!head) {
    if (count > 0) add(null, 'head-mismatch', 'the chain head is missing');
  } else if (Number(head.last_seq) !== lastSeq || head.last_hash !== prevHash) {
    add(
      null,
      Number(head.last_seq) > lastSeq ? 'missing' : 'head-mismatch',
      Number(head.last_seq) > lastSeq
        ? `rows ${lastSeq + 1}–${head.last_seq} are missing at the end`
        : `the chain head (row ${head.last_seq}) does not match the last row (${lastSeq})`,
    );
  }
  const anchor = anchors[court];
  if (anchor && !seen.has(anchor.seq)) {
    add(null, 'anchor-mismatch', `anchored row ${anchor.seq} is gone`);
  }
  return { court, rows: count, lastSeq, lastHash: prevHash };
}

/** Verifies every court's chain (or one court's). */
export async function verifyAuditChains(
  db: Queryable,
  options: { court?: string; anchors?: Anchors } = {},
): Promise<VerifyReport> {
  const problems: AuditProblem[] = [];
  const chains: ChainSummary[] = [];
  for (const court of await courts(db, options.court)) {
    chains.push(await verifyCourt(db, court, options.anchors ?? {}, problems));
  }
  return { ok: problems.length === 0, chains, problems };
}

/** The heads of a report, to save outside the database and pass as anchors next time. */
export function anchorsOf(report: VerifyReport): Anchors {
  return Object.fromEntries(
    report.chains.map((c) => [c.court, { seq: c.lastSeq, hash: c.lastHash }]),
  );
}
