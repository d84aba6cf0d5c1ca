import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { RefObject } from 'react';

import { useAppSelector } from '../../app/hooks';
import { useCan } from '../auth/access';
import { selectPrincipal } from '../auth/authSlice';
import { DeadlinesPanel } from '../clets/DeadlinesPanel';
import { selectSyncStatus } from '../sync/syncSlice';

import { ActionDialog, type DialogSpec } from './ActionDialog';
import { PerHourChart } from './charts/PerHourChart';
import { TimeToAckChart } from './charts/TimeToAckChart';
import { DaySections } from './DaySections';
import { ReportButtons } from './ReportButtons';
import { loadDay, runRowAction, type RowAction } from './reviewApi';
import {
  actionFinished,
  dateChosen,
  filterChosen,
  initialReviewState,
  reviewReducer,
  selectUnavailable,
  selectVisibleRows,
} from './reviewSlice';
import { courtToday, courtWhen } from './reviewTime';
import { SubmissionsTable, type RowRequest } from './SubmissionsTable';
import { SummaryStrip } from './SummaryStrip';
import './review.css';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

/** How often the day is fetched again and the countdowns move. */
export const REVIEW_REFRESH_MS = 60_000;

const dialogs: Record<'return' | 'decline' | 'void', Omit<DialogSpec, 'caseNumber'>> = {
  return: {
    title: 'Return to the clerk',
    fieldLabel: 'Comment for the clerk',
    minLength: 3,
    tooShort: 'Say what the clerk should fix (at least 3 characters).',
    submitLabel: 'Return to clerk',
  },
  decline: {
    title: 'Decline the change',
    fieldLabel: 'Why the change is declined',
    minLength: 3,
    tooShort: 'Say why the change is declined (at least 3 characters).',
    submitLabel: 'Decline',
  },
  void: {
    title: 'Request a void',
    fieldLabel: 'Reason for the void',
    minLength: 10,
    tooShort: 'A void needs a reason of at least 10 characters.',
    submitLabel: 'Request void',
  },
};

/**
 * The supervisor's Review page (issue 9 §2): the court day's submissions by status and review
 * state, CLETS due-by countdowns, rejections, returning work to a clerk, second-person
 * approvals and void requests, charts, and the daily report. Only for roles that may work the
 * queue; the registry decides every action and its refusal is shown as it says it.
 */
export function ReviewPage({ headingRef }: Props) {
  const may = useCan('queue.work');
  if (!may) {
    return (
      <section aria-labelledby="area-heading" className="page">
        <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
          Review
        </h1>
        <div className="empty-state" role="note">
          <p>
            <strong>Supervisors only.</strong> The day&rsquo;s review, approvals and the daily
            report are for supervisors. Ask a supervisor if an order needs a second look.
          </p>
        </div>
      </section>
    );
  }
  return <ReviewDay headingRef={headingRef} />;
}

function ReviewDay({ headingRef }: Props) {
  const [state, dispatch] = useReducer(reviewReducer, courtToday(), initialReviewState);
  const me = useAppSelector(selectPrincipal)?.userId ?? null;
  const connectivity = useAppSelector(selectSyncStatus)?.connectivity ?? null;
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [dialog, setDialog] = useState<RowRequest | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const { date, summary } = state;

  const reload = useCallback(() => loadDay(dispatch, date), [date]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Every minute: fetch the day again and move the countdowns.
  useEffect(() => {
    const timer = setInterval(() => {
      setNowMs(Date.now());
      void reload();
    }, REVIEW_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  // The registry reachable again (main's `sync:status-changed`): fetch at once.
  const lastConnectivity = useRef(connectivity);
  useEffect(() => {
    const was = lastConnectivity.current;
    lastConnectivity.current = connectivity;
    if (connectivity === 'online' && was !== null && was !== 'online') void reload();
  }, [connectivity, reload]);

  const returnFocus = (opener: HTMLElement | null) => {
    if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
    else tableHeading.current?.focus();
  };

  const act = async (request: RowRequest, action: RowAction, done: string) => {
    setBusyId(request.row.orderId);
    try {
      await runRowAction(action);
      dispatch(actionFinished(done));
      setActionError(null);
    } finally {
      setBusyId(null);
    }
    await reload();
  };

  const onRequest = (request: RowRequest) => {
    setActionError(null);
    if (request.kind !== 'approve') {
      setDialog(request);
      return;
    }
    const approvalId = request.row.review.approvalId ?? '';
    act(request, { kind: 'approve', approvalId }, `Approved: case ${request.row.caseNumber}.`)
      .catch((e: unknown) => setActionError((e as Error).message))
      .finally(() => returnFocus(request.opener));
  };

  const submitDialog = async (text: string) => {
    if (!dialog) return;
    const { row } = dialog;
    const action: RowAction =
      dialog.kind === 'return'
        ? { kind: 'return', orderId: row.orderId, comment: text }
        : dialog.kind === 'decline'
          ? { kind: 'decline', approvalId: row.review.approvalId ?? '', comment: text }
          : { kind: 'void', orderId: row.orderId, reason: text };
    const done =
      dialog.kind === 'return'
        ? `Returned to the clerk: case ${row.caseNumber}.`
        : dialog.kind === 'decline'
          ? `Declined: case ${row.caseNumber}.`
          : `Void requested: case ${row.caseNumber}; a second supervisor must approve it.`;
    await act(dialog, action, done);
    setDialog(null);
    returnFocus(dialog.opener);
  };

  const closeDialog = () => {
    const opener = dialog?.opener ?? null;
    setDialog(null);
    returnFocus(opener);
  };

  const rows = selectVisibleRows(state);
  return (
    <section aria-labelledby="area-heading" className="page page-wide">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Review
      </h1>
      <p className="page-purpose">
        The court day&rsquo;s submissions, CLETS deadlines and rejections; return work to a clerk
        and approve corrections and voids.
      </p>

      <div className="review-controls">
        <label>
          Court day
          <input
            type="date"
            value={date}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) dispatch(dateChosen(e.target.value));
            }}
          />
        </label>
        <button type="button" onClick={() => dispatch(dateChosen(courtToday()))}>
          Today
        </button>
        <button type="button" onClick={() => void reload()} disabled={state.loading}>
          {state.loading ? 'Refreshing…' : 'Refresh'}
        </button>
        <ReportButtons summary={summary} />
      </div>

      <div aria-live="polite">
        {state.loading && !summary && !state.error && <p className="hint">Loading the day…</p>}
        {selectUnavailable(state) && (
          <p className="notice notice-warn" role="status" data-testid="review-unavailable">
            Review needs the registry: {state.error?.message}
          </p>
        )}
        {state.error && !selectUnavailable(state) && (
          <p className="notice notice-warn" role="alert">
            The day could not be loaded: {state.error.message}
          </p>
        )}
        {summary && state.error && (
          <p className="hint">Shown as the registry sent it at {courtWhen(summary.generatedAt)}.</p>
        )}
        {state.notice && (
          <p className="notice notice-ok" role="status">
            {state.notice}
          </p>
        )}
        {actionError && (
          <p className="notice notice-warn" role="alert">
            The registry refused: {actionError}
          </p>
        )}
      </div>

      {summary && (
        <SummaryStrip
          summary={summary}
          filter={state.filter}
          onFilter={(f) => dispatch(filterChosen(f))}
        />
      )}

      <DeadlinesPanel compact headingLevel={2} />

      {summary && <DaySections state={state} nowMs={nowMs} />}

      {summary && (
        <section className="panel" aria-labelledby="review-table-heading">
          <h2 id="review-table-heading" ref={tableHeading} tabIndex={-1}>
            Submissions ({rows.length} of {summary.submissions.length})
          </h2>
          <SubmissionsTable
            rows={rows}
            nowMs={nowMs}
            me={me}
            busyId={busyId}
            onRequest={onRequest}
          />
        </section>
      )}

      {summary && (
        <section className="panel review-charts" aria-label="Charts">
          <PerHourChart perHour={summary.perHour} />
          <TimeToAckChart timeToAck={summary.timeToAck} />
        </section>
      )}

      {dialog && dialog.kind !== 'approve' && (
        <ActionDialog
          spec={{ ...dialogs[dialog.kind], caseNumber: dialog.row.caseNumber }}
          onSubmit={submitDialog}
          onClose={closeDialog}
        />
      )}
    </section>
  );
}
