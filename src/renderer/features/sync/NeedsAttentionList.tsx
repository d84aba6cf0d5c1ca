import { useLiveQuery } from 'dexie-react-hooks';

import { courtDateTime } from '../../app/courtTime';
import { database } from '../../db/database';
import { listNeedsAttention } from '../../db/outboxRepo';

function caseOf(payload: unknown): string {
  const order = (payload as { order?: { caseNumber?: unknown } } | null)?.order;
  return typeof order?.caseNumber === 'string' ? order.caseNumber : '';
}

/**
 * Items the registry refused or that cannot be sent, with the reason, kept until a supervisor
 * deals with them: nothing the clerk submitted is ever dropped silently.
 */
export function NeedsAttentionList() {
  const rows = useLiveQuery(() => listNeedsAttention(database()), []);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="attention-heading" data-testid="needs-attention">
      <h2 id="attention-heading">Needs attention ({rows.length})</h2>
      <p>
        The registry refused these items, or they could not be sent. They stay here until a
        supervisor corrects and re-submits them.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Case</th>
            <th scope="col">Reason</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.kind}</td>
              <td>{caseOf(r.payload)}</td>
              <td>
                {r.lastError ?? 'No reason recorded.'}
                {r.reason ? <span className="hint"> ({r.reason})</span> : null}
              </td>
              <td>{courtDateTime(r.createdAt, 'short')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
