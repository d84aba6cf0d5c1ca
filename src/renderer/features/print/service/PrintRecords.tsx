import { useEffect, useState } from 'react';

import type { PrintOutcome, PrintRecord } from '../../../../shared/printing/jobs';
import { describeRecipient } from '../../../../shared/printing/recipients';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { courtTime, messageOf } from '../format';

const outcomeLabels: Readonly<Record<PrintOutcome, string>> = {
  requested: 'Requested',
  submitted: 'At the printer',
  completed: 'Printed',
  aborted: 'Failed',
  canceled: 'Cancelled',
  failed: 'Not sent',
};

type Props = {
  readonly orderId: string;
  /** Changes whenever one of this order's jobs changes, to read the records again. */
  readonly refreshKey: string;
};

/** Every print of the order from main's print log: who printed it for whom, when, and how it ended. */
export function PrintRecords({ orderId, refreshKey }: Props) {
  const [records, setRecords] = useState<readonly PrintRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    unwrap('print:list-records', clerkApi().print.listRecords({ orderId })).then(
      (r) => live && (setRecords(r), setError(null)),
      (e) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [orderId, refreshKey]);

  return (
    <section aria-labelledby="records-heading" className="detail-block">
      <h3 id="records-heading">Print records</h3>
      {error && (
        <p role="alert" className="error-text">
          The print records could not be read: {error}
        </p>
      )}
      {records && records.length === 0 && <p className="empty-note">Not printed yet.</p>}
      {records && records.length > 0 && (
        <table className="data-table compact" data-testid="print-records">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Printed by</th>
              <th scope="col">For</th>
              <th scope="col">Copies</th>
              <th scope="col">Pages</th>
              <th scope="col">Printer</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.jobId} data-outcome={r.outcome}>
                <td>{courtTime(r.at)}</td>
                <td>{r.printedBy}</td>
                <td>{r.recipient ? describeRecipient(r.recipient) : 'Test page'}</td>
                <td>{r.copies}</td>
                <td>{r.pageCount}</td>
                <td>{r.printerName}</td>
                <td>
                  {outcomeLabels[r.outcome]}
                  {r.retryOf ? ' (retry)' : ''}
                  {r.detail && r.outcome !== 'completed' && (
                    <span className="record-detail"> — {r.detail}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
