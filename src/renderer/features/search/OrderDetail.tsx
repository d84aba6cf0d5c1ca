import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import type { OrderHistory, RegistryOrderState } from '../../../shared/ipc/contracts/search';
import { database } from '../../db/database';
import { listPages } from '../../db/pagesRepo';
import { clerkApi, unwrap } from '../../platform/clerk';
import { recordAudit, useCan } from '../auth/access';

type Props = { readonly orderId: string; readonly onClose: () => void };
type PageRef = { sha256: string; position: number; mime: string };

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
  const [remotePages, setRemotePages] = useState<string[]>([]);
  const [showConfidential, setShowConfidential] = useState(false);
  const mayViewConfidential = useCan('confidential.view');

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const h = await unwrap('search:get-history', clerkApi().search.getHistory({ orderId }));
        if (live) setHistory(h);
        const s = await unwrap('search:get-order', clerkApi().search.getOrder({ orderId }));
        if (live) setRemote(s);
      } catch (e) {
        if (live) setNotice(`Registry: ${(e as Error).message}`);
      }
    })();
    return () => {
      live = false;
    };
  }, [orderId]);

  // Page images come from Dexie; when none are here, from the registry through main.
  useEffect(() => {
    if (!local || local.pages.length > 0 || !remote) return undefined;
    const refs = ((remote.order as { pages?: PageRef[] } | null)?.pages ?? []).slice();
    const urls: string[] = [];
    let live = true;
    void (async () => {
      for (const ref of refs.sort((a, b) => a.position - b.position)) {
        try {
          const { bytes } = await unwrap(
            'search:get-page',
            clerkApi().search.getPage({ orderId, sha256: ref.sha256 }),
          );
          urls.push(URL.createObjectURL(new Blob([bytes], { type: ref.mime })));
        } catch (e) {
          setNotice(`Page not shown: ${(e as Error).message}`);
        }
      }
      if (live) setRemotePages([...urls]);
    })();
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [local, remote, orderId]);

  const localUrls = useLocalPageUrls(local?.pages ?? []);
  const order = (remote?.order ?? local?.order ?? null) as {
    caseNumber?: string;
    orderType?: string;
    restrained?: { name?: { last?: string; first?: string }; dob?: string };
    service?: unknown;
  } | null;
  const name = order?.restrained?.name;
  const images = localUrls.length > 0 ? localUrls : remotePages;

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
      {images.length === 0 ? (
        <p>No page images available.</p>
      ) : (
        <div className="page-viewer" data-testid="page-viewer">
          {images.map((u, i) => (
            <img key={u} src={u} alt={`Page ${i + 1} of ${images.length}`} width={300} />
          ))}
        </div>
      )}
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

function useLocalPageUrls(pages: readonly { id: string; bytes: Blob; preview?: Blob }[]): string[] {
  const [urls, setUrls] = useState<string[]>([]);
  const key = pages.map((p) => p.id).join(',');
  useEffect(() => {
    const made = pages.map((p) => URL.createObjectURL(p.preview ?? p.bytes));
    setUrls(made);
    return () => made.forEach((u) => URL.revokeObjectURL(u));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return urls;
}
