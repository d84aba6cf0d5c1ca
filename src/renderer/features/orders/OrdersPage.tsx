import { useLiveQuery } from 'dexie-react-hooks';
import type { RefObject } from 'react';

import { courtDateTime } from '../../app/courtTime';
import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { listRecentOrders } from '../../db/ordersRepo';
import { CletsPanel } from '../clets/CletsPanel';
import { DeadlinesPanel } from '../clets/DeadlinesPanel';
import { statusLabel } from '../intake/statusLabels';
import { NeedsAttentionList } from '../sync/NeedsAttentionList';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

/** Orders keyed on this workstation, newest first, with where each one really is. */
export function OrdersPage({ headingRef }: Props) {
  const orders = useLiveQuery(() => listRecentOrders(database(), 200), []);
  const pending = useLiveQuery(
    () => database().outbox.where('state').anyOf('pending', 'in-flight').count(),
    [],
  );
  return (
    <section aria-labelledby="area-heading" className="page page-wide">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Orders
      </h1>
      <p className="page-purpose">
        Orders keyed on this workstation.{' '}
        {pending === undefined ? '' : `${pending} waiting to be sent to the registry.`}
      </p>
      <CletsPanel />
      <DeadlinesPanel />
      <NeedsAttentionList />
      {orders && orders.length === 0 && <p>No orders submitted from this workstation yet.</p>}
      {orders && orders.length > 0 && (
        <table className="data-table" data-testid="orders-table">
          <thead>
            <tr>
              <th scope="col">Order type</th>
              <th scope="col">Case</th>
              <th scope="col">Restrained person</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => {
              const r = (o.order as { restrained?: { name?: { last?: string; first?: string } } })
                .restrained?.name;
              return (
                <tr key={o.id}>
                  <td>{o.orderType}</td>
                  <td>
                    <a
                      href={`#/intake/submitted/${o.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`intake/submitted/${o.id}`);
                      }}
                    >
                      {o.caseNumber}
                    </a>
                  </td>
                  <td>{r ? `${r.last ?? ''}, ${r.first ?? ''}` : ''}</td>
                  <td>
                    <span className={`status-pill status-${o.status}`}>
                      {statusLabel(o.status)}
                    </span>
                    {o.fcn ? ` FCN ${o.fcn}` : ''}
                    {o.statusReason ? <div className="hint">{o.statusReason}</div> : null}
                  </td>
                  <td>{courtDateTime(o.updatedAt, 'short')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
