import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';

import type {
  OrderHistory,
  RegistryOrderPage,
  RegistryOrderState,
} from '../../../shared/ipc/contracts/search';
import { database } from '../../db/database';
import { listPages } from '../../db/pagesRepo';
import { clerkApi, unwrap } from '../../platform/clerk';
import { recordAudit, useCan } from '../auth/access';

import { PageViewer, type ViewerPage } from './PageViewer';

type Props = { readonly orderId: string; readonly onClose: () => void };

/** Reads the local copies of an order: the registry cache row, ours, and our confidential block. */
async function readLocal(orderId: string) {
  const db = database();
  const cached = await db.registryOrders.get(orderId);
  const mine = await db.orders.get(orderId);
  const outbox = await db.outbox.where('orderId').equals(orderId).toArray();
  const confidential =
    outbox
      .map((r) => (r.payload as { confidential?: unknown } | null)?.confidential)
      .find((c) => c !== null && c !== undefined) ?? null;
  const order: unknown = cached ? JSON.parse(cached.orderJson) : (mine?.order ?? null);
  const pages = await listPages(db, orderId);
  return { order, status: cached?.status ?? mine?.status ?? null, confidential, pages };
}

/** One order: its record, page images, history of events and statuses, and service records. */
export function OrderDetail({ orderId, onClose }: Props) {
  const local = useLiveQuery(() => readLocal(orderId), [orderId]);
  const [remote, setRemote] = useState<RegistryOrderState | null>(null);
  const [history, setHistory] = useState<OrderHistory | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showConfidential, setShowConfidential] = useState(false);
  const mayViewConfidential = useCan('confidential.view');

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        // The order first: its state and page list matter more than its history.
        const s = await unwrap('search:get-order', clerkApi().search.getOrder({ orderId }));
        if (live) setRemote(s);
        const h = await unwrap('search:get-history', clerkApi().search.getHistory({ orderId }));
        if (live) setHistory(h);
      } catch (e) {
        if (live) setNotice(`Registry: ${(e as Error).message}`);
      }
    })();
    return () => {
      live = false;
    };
  }, [orderId]);

  const pages = useViewerPages(orderId, local?.pages, remote, notice !== null);
  const order = (remote?.order ?? local?.order ?? null) as {
    caseNumber?: string;
    orderType?: string;
    restrained?: { name?: { last?: string; first?: string }; dob?: string };
    service?: unknown;
  } | null;
  const name = order?.restrained?.name;

  const reveal = async () => {
    await recordAudit('confidential.view', 'success', { kind: 'order', id: orderId });
    setShowConfidential(true);
  };

  return (
    <section aria-labelledby="area-heading" className="page page-wide" data-testid="order-detail">
      <h1 id="area-heading" tabIndex={-1}>
        {name ? `${name.last ?? ''}, ${name.first ?? ''}` : 'Order'} ·{' '}
        {order?.caseNumber ?? orderId}
      </h1>
      <button type="button" onClick={onClose}>
        Back to results
      </button>
      {notice && <p role="status">{notice}</p>}
      <p>
        {order?.orderType ?? ''} · status {remote?.status ?? local?.status ?? 'unknown'}
        {remote?.fcn ? ` · FCN ${remote.fcn}` : ''} · DOB {order?.restrained?.dob ?? 'unknown'}
      </p>
      <h2>Page images</h2>
      {pages ? <PageViewer pages={pages} /> : <p>Looking up the page images…</p>}
      <h2>History</h2>
      {history ? (
        <ol data-testid="order-history">
          {history.events.map((e, i) => (
            <li key={i}>
              {new Date(e.at).toLocaleString('en-US', { timeZone: 'America/Los_Angeles' })} ·{' '}
              {e.event} {e.status ? `→ ${e.status}` : ''} (version {e.version})
            </li>
          ))}
        </ol>
      ) : (
        <p>History comes from the registry{notice ? ' and is not available now' : '…'}.</p>
      )}
      <h2>Service</h2>
      {history && history.services.length > 0 ? (
        <ul data-testid="order-services">
          {history.services.map((s) => (
            <li key={s.recordId}>
              {new Date(s.createdAt).toLocaleString('en-US', { timeZone: 'America/Los_Angeles' })}
              {' · '}
              {JSON.stringify(s.record)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{order?.service ? JSON.stringify(order.service) : 'No proof of service recorded.'}</p>
      )}
      {local?.confidential ? (
        <>
          <h2>Confidential (CLETS-001)</h2>
          {showConfidential ? (
            <pre data-testid="confidential">{JSON.stringify(local.confidential, null, 2)}</pre>
          ) : mayViewConfidential ? (
            <button type="button" onClick={() => void reveal()}>
              Show confidential
            </button>
          ) : (
            <p>Hidden: your role may not view it for this order.</p>
          )}
        </>
      ) : null}
    </section>
  );
}

type LocalPage = { readonly id: string; readonly bytes: Blob; readonly preview?: Blob };

/**
 * The pages to show: this workstation's scans (Dexie) when it keyed the order, else the pages
 * the registry lists for it, each fetched through `search:get-page` when shown. Undefined while
 * that is not known yet; an empty list when there are none (or the registry cannot be asked).
 */
function useViewerPages(
  orderId: string,
  local: readonly LocalPage[] | undefined,
  remote: RegistryOrderState | null,
  remoteFailed: boolean,
): readonly ViewerPage[] | undefined {
  const localKey = (local ?? []).map((p) => p.id).join(',');
  // A registry from before page lists sends none (main's contract then says []).
  const listed: readonly RegistryOrderPage[] = remote?.pages ?? [];
  const remoteKey = listed.map((p) => p.sha256).join(',');
  return useMemo(() => {
    // This workstation's copy is not read yet: an order the registry lists no pages for has
    // none to wait for (one keyed here before the registry kept page lists shows them once read).
    if (!local) return remote && listed.length === 0 ? [] : undefined;
    if (local.length > 0) {
      return local.map((p) => ({
        key: `local:${p.id}`,
        load: () => Promise.resolve(p.preview ?? p.bytes),
      }));
    }
    if (!remote) return remoteFailed ? [] : undefined;
    return listed.map((p) => ({
      key: `registry:${orderId}:${p.position}:${p.sha256}`,
      load: async () => {
        const { bytes } = await unwrap(
          'search:get-page',
          clerkApi().search.getPage({ orderId, sha256: p.sha256 }),
        );
        return new Blob([bytes], { type: p.contentType });
      },
    }));
    // Keyed on the page ids: the live query hands a new array on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderId, local === undefined, localKey, remote === null, remoteKey, remoteFailed]);
}
