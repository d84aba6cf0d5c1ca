/**
 * Feeds the local search index from Dexie (runs inside the search worker): a first load of the
 * registry cache and this workstation's orders, read a page of rows at a time by primary key,
 * then every change Dexie reports (its `storagemutated` event reaches workers too) applied by
 * re-reading just the changed keys. A change it cannot narrow down (a cleared table) reloads.
 */
import type { ClerkDb } from '../../db/clerkDb';
import type { OrderRow, RegistryOrderRow } from '../../db/rows';
import { searchDocOf } from '../../../shared/search/searchDoc';
import { SearchIndex } from '../../../shared/search/searchIndex';

const PAGE = 2000;

/** Dexie's RangeSet as it arrives (a tree of `{from, to, l?, r?}`). */
type RangeNode = { from?: unknown; to?: unknown; l?: RangeNode | null; r?: RangeNode | null };

/** The single keys of a range set, or null when it holds a real range (reload instead). */
export function pointKeys(node: RangeNode | null | undefined, out: string[] = []): string[] | null {
  if (!node || !('from' in node)) return out;
  if (node.from !== node.to || typeof node.from !== 'string') return null;
  out.push(node.from);
  if (pointKeys(node.l, out) === null || pointKeys(node.r, out) === null) return null;
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

const cacheDoc = (r: RegistryOrderRow) =>
  searchDocOf({ ...(parseJson(r.orderJson) as object), id: r.id }, r);
const localDoc = (r: OrderRow) =>
  searchDocOf({ ...(r.order as object), id: r.id }, { ...r, fcn: r.fcn ?? null });

/** The index and how it is kept in step with the database. */
export class SearchFeed {
  readonly index = new SearchIndex();
  ready = false;

  constructor(private readonly db: ClerkDb) {}

  /** Reads both tables into the index, a page of rows at a time. */
  async load(): Promise<void> {
    await this.loadTable('registryOrders');
    await this.loadTable('orders');
    this.ready = true;
  }

  private async loadTable(table: 'registryOrders' | 'orders'): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const t = this.db.table(table);
      const rows: (RegistryOrderRow | OrderRow)[] = await (
        after === null ? t.orderBy(':id') : t.where(':id').above(after)
      )
        .limit(PAGE)
        .toArray();
      for (const r of rows) this.put(table, r);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]?.id ?? null;
    }
  }

  private put(table: 'registryOrders' | 'orders', row: RegistryOrderRow | OrderRow): void {
    if (table === 'registryOrders') {
      this.index.upsert(cacheDoc(row as RegistryOrderRow), 'registry-cache');
    } else this.index.upsert(localDoc(row as OrderRow), 'workstation');
  }

  /** Applies Dexie's `storagemutated` parts (keyed `idb://<db>/<table>/<index>`). */
  async applyMutations(parts: Record<string, RangeNode>): Promise<void> {
    for (const table of ['registryOrders', 'orders'] as const) {
      const part = parts[`idb://${this.db.name}/${table}/`];
      if (!part) continue;
      const keys = pointKeys(part);
      if (keys === null) {
        await this.reload(table);
        continue;
      }
      const rows = (await this.db.table(table).bulkGet(keys)) as (
        RegistryOrderRow | OrderRow | undefined
      )[];
      rows.forEach((row, i) => {
        if (row) this.put(table, row);
        else
          this.index.remove(keys[i] ?? '', table === 'orders' ? 'workstation' : 'registry-cache');
      });
    }
  }

  private async reload(table: 'registryOrders' | 'orders'): Promise<void> {
    const source = table === 'orders' ? 'workstation' : 'registry-cache';
    const live = new Set(
      (await this.db.table(table).toCollection().primaryKeys()).map((k) => String(k)),
    );
    for (const id of this.index.ids()) if (!live.has(id)) this.index.remove(id, source);
    await this.loadTable(table);
  }
}
