import { useEffect, useState } from 'react';

import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import type { PrintJob, PrintOutcome, PrintRecordView } from '../../../../shared/printing/jobs';
import { describeRecipient } from '../../../../shared/printing/recipients';
import { database } from '../../../db/database';
import type { OrderRow } from '../../../db/rows';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { courtTime, messageOf } from '../format';

import { canPrintAgain, printAgain } from './printAgain';

const outcomeLabels: Readonly<Record<PrintOutcome, string>> = {
  requested: 'Requested',
  submitted: 'At the printer',
  completed: 'Printed',
  aborted: 'Failed',
  canceled: 'Cancelled',
  failed: 'Not sent',
  unknown: 'Unknown',
};

type Props = {
  readonly row: OrderRow;
  /** Changes whenever one of this order's jobs changes, to read the records again. */
  readonly refreshKey: string;
  /** Receives the job a "Print again" started, for the print jobs table. */
  readonly onJobs: (jobs: readonly PrintJob[]) => void;
  /** The court's closures and close of business, for the reprinted expiry. */
  readonly rules?: CourtRules;
};

const who = (r: PrintRecordView) => (r.recipient ? describeRecipient(r.recipient) : 'Test page');

/**
 * Every print of the order from main's print log: who printed it for whom, when, and how it
 * ended. A print that did not print (or may not have) can be printed again from here, also
 * after a restart: the packet is rebuilt from the order's stored pages.
 */
export function PrintRecords({ row, refreshKey, onJobs, rules }: Props) {
  const orderId = row.id;
  const [records, setRecords] = useState<readonly PrintRecordView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    unwrap('print:list-records', clerkApi().print.listRecords({ orderId })).then(
      (r) => live && (setRecords(r), setError(null)),
      (e) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [orderId, refreshKey, reload]);

  const again = async (record: PrintRecordView) => {
    setBusy(record.jobId);
    setOutcome(null);
    try {
      const jobs = await printAgain(database(), row, record, rules);
      onJobs(jobs);
      setOutcome({ ok: true, text: `Sent again to ${record.printerName} for ${who(record)}.` });
    } catch (e) {
      setOutcome({ ok: false, text: `Not sent again: ${messageOf(e)}` });
    } finally {
      setBusy(null);
      setReload((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby="records-heading" className="detail-block">
      <h3 id="records-heading">Print records</h3>
      {error && (
        <p role="alert" className="error-text">
          The print records could not be read: {error}
        </p>
      )}
      <p role="status" className="print-again-outcome" data-testid="print-again-outcome">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="error-text">
          {outcome.text}
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
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.jobId} data-outcome={r.outcome} data-job={r.jobId}>
                <td>{courtTime(r.at)}</td>
                <td>{r.printedBy}</td>
                <td>{who(r)}</td>
                <td>{r.copies}</td>
                <td>{r.pageCount}</td>
                <td>{r.printerName}</td>
                <td>
                  {outcomeLabels[r.outcome]}
                  {r.retryOf ? ' (printed again)' : ''}
                  {r.detail && r.outcome !== 'completed' && (
                    <span className="record-detail"> — {r.detail}</span>
                  )}
                  {r.retriedBy && <span className="record-detail"> · Printed again</span>}
                </td>
                <td className="actions">
                  {canPrintAgain(r) && (
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => void again(r)}
                      aria-label={`Print again for ${who(r)}, ${r.copies} ${r.copies === 1 ? 'copy' : 'copies'}`}
                    >
                      {busy === r.jobId ? 'Sending…' : 'Print again'}
                    </button>
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
