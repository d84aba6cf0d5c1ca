import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';

import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';

import { statusLabel } from './statusLabels';

/** After submit: the order is safely queued on this workstation, and says so honestly. */
export function Submitted({ orderId }: { readonly orderId: string }) {
  const row = useLiveQuery(() => database().orders.get(orderId), [orderId]);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (row === undefined) return <p aria-live="polite">Loading…</p>;
  return (
    <section className="panel submitted" aria-labelledby="submitted-heading">
      <h2 id="submitted-heading" ref={ref} tabIndex={-1}>
        {row.orderType} · case {row.caseNumber}
      </h2>
      <p className={`status-pill status-${row.status}`} data-testid="order-status">
        {statusLabel(row.status)}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => navigate('intake')}>
          Start the next order
        </button>
        <button type="button" className="secondary" onClick={() => navigate('orders')}>
          See all orders
        </button>
      </div>
    </section>
  );
}
