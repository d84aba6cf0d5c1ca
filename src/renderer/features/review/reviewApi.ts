/**
 * The Review page's calls to main (thunks without RTK Query): each takes the page's dispatch,
 * calls one `review:`/`report:` channel and dispatches the outcome as an event. Main answers
 * with the registry's word; a refusal comes back as the registry's clerk-readable message.
 */
import type { Dispatch } from 'react';

import type { IpcErrorCode } from '../../../shared/ipc/envelope';
import type { DaySummary } from '../../../shared/review/daySummary';
import type { ReportFormat } from '../../../shared/ipc/contracts/report';
import { clerkApi, unwrap } from '../../platform/clerk';

import { dayFailed, dayLoaded, dayRequested, type ReviewAction } from './reviewSlice';

/** The code and message of a failed call (a ClerkIpcError or anything else). */
export function failureOf(error: unknown): { code: IpcErrorCode; message: string } {
  const e = error as { code?: IpcErrorCode; message?: string };
  return {
    code: e.code ?? 'failed',
    message: e.message ?? 'Something went wrong; try again.',
  };
}

/** Loads `date`'s summary: `review/dayRequested`, then `review/dayLoaded` or `review/dayFailed`. */
export async function loadDay(dispatch: Dispatch<ReviewAction>, date: string): Promise<void> {
  dispatch(dayRequested());
  try {
    dispatch(dayLoaded(await unwrap('review:get-day', clerkApi().review.getDay({ date }))));
  } catch (error) {
    dispatch(dayFailed({ date, ...failureOf(error) }));
  }
}

/** One of the row actions, as the dialog or button asks for it. */
export type RowAction =
  | { readonly kind: 'return'; readonly orderId: string; readonly comment: string }
  | { readonly kind: 'approve'; readonly approvalId: string }
  | { readonly kind: 'decline'; readonly approvalId: string; readonly comment: string }
  | { readonly kind: 'void'; readonly orderId: string; readonly reason: string };

/** Sends one row action; throws the registry's refusal (a ClerkIpcError) for the UI to show. */
export async function runRowAction(action: RowAction): Promise<void> {
  const review = clerkApi().review;
  switch (action.kind) {
    case 'return':
      await unwrap(
        'review:return-order',
        review.returnOrder({ orderId: action.orderId, comment: action.comment }),
      );
      return;
    case 'approve':
      await unwrap(
        'review:decide-approval',
        review.decideApproval({ approvalId: action.approvalId, decision: 'approve' }),
      );
      return;
    case 'decline':
      await unwrap(
        'review:decide-approval',
        review.decideApproval({
          approvalId: action.approvalId,
          decision: 'decline',
          comment: action.comment,
        }),
      );
      return;
    case 'void':
      await unwrap(
        'review:request-void',
        review.requestVoid({ orderId: action.orderId, reason: action.reason }),
      );
      return;
  }
}

/**
 * Builds the daily report in main and saves it through a download link (the browser's or
 * Electron's save flow). Returns the file name saved.
 */
export async function downloadReport(summary: DaySummary, format: ReportFormat): Promise<string> {
  const file = await unwrap(
    'report:build-daily',
    clerkApi().report.buildDaily({ summary, format }),
  );
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime });
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Let the click start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return file.fileName;
}
