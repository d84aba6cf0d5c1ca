import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { courtDateTime } from '../../app/courtTime';
import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { statusLabel } from '../intake/statusLabels';

import { CorrectionForm } from './CorrectionForm';
import { cletsAttentionRows, cletsAttentionStatuses } from './cletsRows';
import { ReviewNotesList } from './ReviewNotesList';
import { reviewNote } from './reviewNotes';

/**
 * Orders CLETS refused, each with the relay's reason in clerk words, so a refusal never sits
 * unseen in the orders table. Renders nothing while there are none.
 */
export function CletsPanel() {
  const orders = useLiveQuery(
    () =>
      database()
        .orders.where('status')
        .anyOf([...cletsAttentionStatuses])
        .toArray(),
    [],
  );
  const [fixing, setFixing] = useState<string | null>(null);
  const rows = cletsAttentionRows(orders ?? []);
  if (rows.length === 0) return <ReviewNotesList />;
  return (
    <>
      <ReviewNotesList />
      <section className="panel" aria-labelledby="clets-heading" data-testid="clets-panel">
        <h2 id="clets-heading">CLETS refused ({rows.length})</h2>
        <p>Correct each order and send it again; it is not in CLETS until CLETS acknowledges it.</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Order type</th>
              <th scope="col">Restrained person</th>
              <th scope="col">What to fix</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.orderId} data-testid="clets-row">
                <td>
                  <a
                    href={`#/intake/submitted/${r.orderId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`intake/submitted/${r.orderId}`);
                    }}
                  >
                    {r.caseNumber}
                  </a>
                </td>
                <td>{r.orderType}</td>
                <td>{r.restrainedName}</td>
                <td>
                  <span className={`status-pill status-${r.status}`}>{statusLabel(r.status)}</span>
                  <div id={`clets-reason-${r.orderId}`} data-testid="clets-reason">
                    {r.reason}
                  </div>
                  {reviewNote(orders?.find((o) => o.id === r.orderId)?.review) ? (
                    <div data-testid="clets-review-note" className="review-note">
                      {reviewNote(orders?.find((o) => o.id === r.orderId)?.review)}
                    </div>
                  ) : null}
                  {fixing === r.orderId ? (
                    <CorrectionForm
                      order={
                        orders?.find((o) => o.id === r.orderId) as NonNullable<
                          typeof orders
                        >[number]
                      }
                      reason={r.reason}
                      onDone={() => setFixing(null)}
                    />
                  ) : (
                    <button type="button" onClick={() => setFixing(r.orderId)}>
                      Fix
                    </button>
                  )}
                </td>
                <td>{courtDateTime(r.statusAt, 'short')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
