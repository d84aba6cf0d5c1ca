/**
 * The local cache of the court's orders, fed by the registry's pull feed: written in chunks with
 * a yield between them so a first sync of many thousand orders never freezes the screen, and
 * searchable offline by case number and surname keys for the conflict check.
 *
 * Each feed item carries the order's whole current state, so applying one twice is harmless:
 * the cursor is saved with the page's last rows, and a crash before that re-applies the page.
 */
import { foldName, nameCodes } from '../../../shared/search/foldName';
import type { PulledChange, PulledOrder } from '../../../shared/ipc/contracts/sync';
import type { ClerkDb } from '../../db/clerkDb';
import type { OrderRow, RegistryOrderRow } from '../../db/rows';

/** The settings row holding the pull cursor. */
export const pullCursorKey = 'sync.pullCursor';

/** The registry's status words → the workstation's (statusLabels). */
export function localStatus(registryStatus: string): string {
  return registryStatus.replace(/_/g, '-');
}

/** Case numbers compare on letters and digits only: "fl-2026 0001" = "FL20260001". */
export function caseKeyOf(caseNumber: string): string {
  return caseNumber.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Surnames repeat across a court's orders; Double Metaphone is the costly part, so remember. */
const keyMemo = new Map<string, readonly string[]>();
const keyMemoLimit = 20_000;

/**
 * What the cache stores per surname: the folded name (spaces dropped) and its Double Metaphone
 * codes — at most three index entries, because every entry costs on each cached order.
 */
export function surnameKeys(last: string): readonly string[] {
  const folded = foldName(last);
  if (folded === '') return [];
  const known = keyMemo.get(folded);
  if (known) return known;
  const [primary, alternate] = nameCodes(folded);
  const keys = [folded.replace(/ /g, '')];
  if (primary) keys.push(`M:${primary}`);
  if (alternate && alternate !== primary) keys.push(`M:${alternate}`);
  if (keyMemo.size >= keyMemoLimit) keyMemo.clear();
  keyMemo.set(folded, keys);
  return keys;
}

const latinAndDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * What a search looks up for a typed surname: its stored keys plus every name one edit away
 * (a letter dropped, added or changed; added and changed letters from A–Z, 0–9 and the name's
 * own letters), so a one-letter typo on either side is found with an exact index lookup. The
 * work is done once per search instead of once per cached order.
 */
export function surnameQueryKeys(last: string): string[] {
  const stored = surnameKeys(last);
  const name = stored[0];
  if (name === undefined || name.startsWith('M:')) return [...stored];
  const out = new Set(stored);
  const alphabet = [...new Set([...latinAndDigits, ...name])];
  const chars = [...name];
  for (let i = 0; i <= chars.length; i += 1) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    if (i < chars.length) out.add(head + chars.slice(i + 1).join('')); // dropped
    for (const c of alphabet) {
      out.add(head + c + tail); // added
      if (i < chars.length) out.add(head + c + chars.slice(i + 1).join('')); // changed
    }
  }
  out.delete('');
  return [...out];
}

/** The cache row for one pulled order (main already extracted the indexed fields). */
export function cacheRowOf(change: PulledOrder): RegistryOrderRow {
  const keys = new Set<string>();
  for (const last of change.surnames) for (const k of surnameKeys(last)) keys.add(k);
  return {
    id: change.orderId,
    courtOri: change.courtOri,
    orderType: change.orderType,
    caseNumber: change.caseNumber,
    caseKey: caseKeyOf(change.caseNumber),
    status: localStatus(change.status),
    statusAt: change.statusAt,
    fcn: change.fcn,
    rejectReason: change.rejectReason,
    version: change.version,
    updatedAt: change.updatedAt,
    nameKeys: [...keys],
    orderJson: change.orderJson,
    ...(change.review ? { review: change.review } : {}),
  };
}

/** What the feed says about an order keyed here: its status, FCN and rejection reason. */
function localUpdate(local: OrderRow, row: RegistryOrderRow): OrderRow | null {
  const statusReason = row.status === 'rejected' ? row.rejectReason : null;
  const review = row.review ?? null;
  if (
    local.status === row.status &&
    (local.fcn ?? null) === row.fcn &&
    (local.statusReason ?? null) === statusReason &&
    JSON.stringify(local.review ?? null) === JSON.stringify(review)
  ) {
    return null;
  }
  return {
    ...local,
    status: row.status,
    fcn: row.fcn,
    statusReason,
    review,
    statusAt: row.statusAt,
    updatedAt: row.statusAt,
  };
}

export type ApplyOptions = {
  /** Rows built between two yields to the UI. Default 500. */
  readonly chunkSize?: number;
  /** Rows per (strict) write transaction. Default 2,500. */
  readonly rowsPerTransaction?: number;
  /** Lets the page breathe between chunks. Default: a macrotask (setTimeout 0). */
  readonly yieldToUi?: () => Promise<void>;
};

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes one pulled page into the cache (and the statuses of orders keyed here), chunk by
 * chunk, then saves the cursor. Returns how many orders it wrote.
 */
export async function applyPulledPage(
  db: ClerkDb,
  changes: readonly PulledChange[],
  cursor: string,
  options: ApplyOptions = {},
): Promise<number> {
  const size = options.chunkSize ?? 500;
  const yieldToUi = options.yieldToUi ?? macrotask;
  const orders = changes.filter((c): c is PulledOrder => c.kind === 'order');
  // Orders keyed here are few next to the court's; know their ids once, read only those.
  const localIds = new Set(await db.orders.toCollection().primaryKeys());
  const write = (rows: RegistryOrderRow[], last: boolean) =>
    db.transaction('rw', [db.registryOrders, db.orders, db.settings], async () => {
      await db.registryOrders.bulkPut(rows);
      // The cursor commits with the page's last rows: never ahead of what is in the cache.
      if (last) await db.settings.put({ key: pullCursorKey, value: cursor });
      const mine = rows.filter((r) => localIds.has(r.id));
      if (mine.length === 0) return;
      const locals = await db.orders.bulkGet(mine.map((r) => r.id));
      const updates: OrderRow[] = [];
      locals.forEach((local, j) => {
        const row = mine[j];
        const next = local && row ? localUpdate(local, row) : null;
        if (next) updates.push(next);
      });
      if (updates.length > 0) await db.orders.bulkPut(updates);
    });
  // Rows are built a chunk at a time with a yield after each (the screen stays responsive) and
  // written `rowsPerTransaction` at a time: each strict commit waits for the disk, so fewer,
  // larger commits are faster. The next rows are built while the previous write commits;
  // writes still commit one after another, in feed order.
  const perTransaction = Math.max(size, options.rowsPerTransaction ?? 2500);
  let inFlight: Promise<void> | null = null;
  let pending: RegistryOrderRow[] = [];
  for (let i = 0; i < orders.length; i += size) {
    for (const change of orders.slice(i, i + size)) pending.push(cacheRowOf(change));
    const last = i + size >= orders.length;
    if (pending.length >= perTransaction || last) {
      if (inFlight) await inFlight;
      inFlight = write(pending, last);
      // Awaited before the next write; the no-op handler keeps a failure from being reported twice.
      inFlight.catch(() => undefined);
      pending = [];
    }
    await yieldToUi();
  }
  if (inFlight) await inFlight;
  else await db.settings.put({ key: pullCursorKey, value: cursor }); // a page without orders
  return orders.length;
}

/** The saved pull cursor ('' = from the start). */
export async function loadPullCursor(db: ClerkDb): Promise<string> {
  const row = await db.settings.get(pullCursorKey);
  return typeof row?.value === 'string' ? row.value : '';
}

/** The registry no longer knows our cursor: forget the cache and start again. */
export async function resetCache(db: ClerkDb): Promise<void> {
  await db.transaction('rw', [db.registryOrders, db.settings], async () => {
    await db.registryOrders.clear();
    await db.settings.delete(pullCursorKey);
  });
}

/** Cached orders that may concern these surnames or this case number (candidates only). */
export async function cacheCandidates(
  db: ClerkDb,
  surnames: readonly string[],
  caseNumber: string,
): Promise<RegistryOrderRow[]> {
  const keys = [...new Set(surnames.flatMap(surnameQueryKeys))];
  const byId = new Map<string, RegistryOrderRow>();
  if (keys.length > 0) {
    for (const r of await db.registryOrders.where('nameKeys').anyOf(keys).toArray())
      byId.set(r.id, r);
  }
  const ck = caseKeyOf(caseNumber);
  if (ck !== '') {
    for (const r of await db.registryOrders.where('caseKey').equals(ck).toArray())
      byId.set(r.id, r);
  }
  return [...byId.values()];
}
