import { useLiveQuery } from 'dexie-react-hooks';

import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';

import { reviewNoteRows } from './reviewNotes';

/**
 * Orders keyed here that a supervisor returned or has yet to approve ("Waiting for supervisor
 * approval"), so the clerk knows why a correction has not reached CLETS. Nothing when none.
 * Reads this workstation's own orders only (the registry's cache is not scanned).
 */
export function ReviewNotesList() {
  const orders = useLiveQuery(
    () =>
      database()
        .orders.filter((o) => o.review !== undefined && o.review !== null)
        .toArray(),
    [],
  );
  const rows = reviewNoteRows(orders ?? []);
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="review-notes-heading" data-testid="review-notes">
      <h2 id="review-notes-heading">Supervisor review ({rows.length})</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.orderId} data-testid="review-note" data-state={r.state}>
            <a
              href={`#/intake/submitted/${r.orderId}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`intake/submitted/${r.orderId}`);
              }}
            >
              {r.caseNumber}
            </a>{' '}
            {r.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
