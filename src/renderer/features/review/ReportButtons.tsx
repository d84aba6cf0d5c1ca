import { useState } from 'react';

import type { ReportFormat } from '../../../shared/ipc/contracts/report';
import type { DaySummary } from '../../../shared/review/daySummary';

import { downloadReport } from './reviewApi';

type Props = { readonly summary: DaySummary | null };

/**
 * "Download report (PDF)" and "(CSV)": main builds the file from the day shown (each export is
 * audited) and the browser saves it through a download link.
 */
export function ReportButtons({ summary }: Props) {
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async (format: ReportFormat) => {
    if (!summary) return;
    setBusy(format);
    setMessage(null);
    try {
      const name = await downloadReport(summary, format);
      setMessage({ ok: true, text: `Saved ${name}.` });
    } catch (e) {
      setMessage({ ok: false, text: `The report could not be made: ${(e as Error).message}` });
    } finally {
      setBusy(null);
    }
  };
  const why = summary ? undefined : 'review-report-why';
  return (
    <div className="review-report">
      <button
        type="button"
        disabled={!summary || busy !== null}
        aria-describedby={why}
        onClick={() => void download('pdf')}
      >
        {busy === 'pdf' ? 'Making the PDF…' : 'Download report (PDF)'}
      </button>{' '}
      <button
        type="button"
        disabled={!summary || busy !== null}
        aria-describedby={why}
        onClick={() => void download('csv')}
      >
        {busy === 'csv' ? 'Making the CSV…' : 'Download report (CSV)'}
      </button>
      {!summary && (
        <span id="review-report-why" className="field-hint">
          {' '}
          The report needs the day from the registry.
        </span>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'hint' : 'error-text'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
