import { useEffect, useRef, useState } from 'react';

import type { PrintJob } from '../../../../shared/printing/jobs';
import { jobStateLabels } from '../../../../shared/printing/jobs';
import { describeRecipient } from '../../../../shared/printing/recipients';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { courtClock, messageOf } from '../format';

import { JobStatePill } from './JobStatePill';

type Props = {
  /** The jobs to show (latest attempt of each packet), newest first. */
  readonly jobs: readonly PrintJob[];
  readonly error: string | null;
  readonly onJobs: (jobs: readonly PrintJob[]) => void;
};

const who = (j: PrintJob) => (j.recipient ? describeRecipient(j.recipient) : 'Test page');

/** The print queue as it happens: each packet's state, live, with retry and cancel. */
export function JobsPanel({ jobs, error, onJobs }: Props) {
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, string>());

  // Tell screen-reader users when a packet changes state, without reading the whole table.
  useEffect(() => {
    const changes: string[] = [];
    for (const j of jobs) {
      const before = seen.current.get(j.id);
      if (before !== undefined && before !== j.state) {
        changes.push(`Case ${j.caseNumber ?? ''}, ${who(j)}: ${jobStateLabels[j.state]}.`);
      }
      seen.current.set(j.id, j.state);
    }
    if (changes.length > 0) setAnnouncement(changes.join(' '));
  }, [jobs]);

  const act = async (verb: 'retry' | 'cancel', job: PrintJob) => {
    setActionError(null);
    try {
      const next =
        verb === 'retry'
          ? await unwrap('print:retry-job', clerkApi().print.retryJob({ jobId: job.id }))
          : await unwrap('print:cancel-job', clerkApi().print.cancelJob({ jobId: job.id }));
      onJobs([next]);
      // Keep focus in the table: the retry's row replaces this one.
      requestAnimationFrame(() => document.getElementById(`job-${next.id}`)?.focus());
    } catch (e) {
      setActionError(messageOf(e));
    }
  };

  const active = jobs.filter((j) => !['completed', 'canceled'].includes(j.state)).length;
  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-heading">
      <div className="section-head">
        <h2 id="jobs-heading">Print jobs</h2>
        <span className="muted-text">
          {jobs.length === 0 ? '' : `${jobs.length} packets · ${active} not finished`}
        </span>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="job-announcer">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="error-text">
          The print queue could not be read: {error}
        </p>
      )}
      {actionError && (
        <p role="alert" className="error-text">
          {actionError}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="empty-note">Nothing printed in this session yet.</p>
      ) : (
        <table className="data-table jobs-table" data-testid="jobs-table">
          <caption className="visually-hidden">Print jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Case</th>
              <th scope="col">For</th>
              <th scope="col">Copies</th>
              <th scope="col">Printer</th>
              <th scope="col">State</th>
              <th scope="col">Details</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr
                key={j.id}
                id={`job-${j.id}`}
                tabIndex={-1}
                data-testid="job-row"
                data-state={j.state}
                data-case={j.caseNumber ?? ''}
                data-recipient={j.recipient?.kind ?? ''}
              >
                <td>{courtClock(j.submittedAt)}</td>
                <td className="mono">{j.caseNumber}</td>
                <td>{who(j)}</td>
                <td>{j.copies}</td>
                <td>{j.printerName}</td>
                <td>
                  <JobStatePill job={j} />
                </td>
                <td className="job-message">
                  {j.retryOf && <span className="muted-text">Retry of a failed print. </span>}
                  {j.state === 'completed' ? '' : j.message}
                </td>
                <td className="actions">
                  {j.canRetry && (
                    <button
                      type="button"
                      onClick={() => void act('retry', j)}
                      aria-label={`Retry case ${j.caseNumber ?? ''} for ${who(j)}`}
                    >
                      Retry
                    </button>
                  )}
                  {j.canCancel && (
                    <button
                      type="button"
                      onClick={() => void act('cancel', j)}
                      aria-label={`Cancel case ${j.caseNumber ?? ''} for ${who(j)}`}
                    >
                      Cancel
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
