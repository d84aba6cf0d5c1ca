import type { BatchView } from './batchController';
import { isRunning, scanBatches } from './scanBatches';

type Props = { readonly batch: BatchView };

const pagesWord = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** What the scanner is doing right now, in words and as a bar. */
export function statusLine(b: BatchView): string {
  const received = `${pagesWord(b.pagesStored)} received`;
  const blanks = b.blankDropped ? `, ${b.blankDropped} blank dropped` : '';
  switch (b.phase) {
    case 'starting':
      return 'Starting the scanner…';
    case 'scanning':
      return b.scanningPage
        ? `Scanning page ${b.scanningPage} — ${received}${blanks}`
        : `Scanning — ${received}${blanks}`;
    case 'cancelling':
      return `Cancelling — ${received}${blanks}`;
    case 'finished':
      return `Scan finished — ${received}${blanks}.`;
    case 'failed':
      return b.error?.code === 'cancelled'
        ? `Scan cancelled — ${received}${blanks}.`
        : `Scan stopped — ${received}${blanks}.`;
  }
}

/** Progress of the batch with an aria-live status line, the device's error, and Cancel. */
export function ScanProgress({ batch }: Props) {
  const running = isRunning(batch);
  const percent = batch.phase === 'scanning' ? batch.pagePercent : null;
  const problem = batch.phase === 'failed' && batch.error && batch.error.code !== 'cancelled';
  return (
    <div className={`scan-progress scan-${batch.phase}`} data-testid="scan-progress">
      <div className="scan-progress-row">
        <p className="scan-status" role="status" aria-live="polite" data-testid="scan-status">
          {statusLine(batch)}
        </p>
        {running && (
          <button
            type="button"
            onClick={() => void scanBatches.cancel()}
            disabled={batch.phase !== 'scanning'}
          >
            Cancel scan
          </button>
        )}
      </div>
      {running && (
        <progress
          className="scan-bar"
          aria-label={batch.scanningPage ? `Page ${batch.scanningPage} scanned` : 'Scanning'}
          max={100}
          {...(percent !== null ? { value: percent } : {})}
        />
      )}
      {problem && (
        <div className="scan-error" role="alert" data-testid="scan-error">
          <strong>{batch.error?.message}</strong>
          {batch.error?.code === 'start' && (
            <span>
              {' '}
              <a href="#/devices">Open the Devices page</a> to set up or choose a scanner.
            </span>
          )}
        </div>
      )}
    </div>
  );
}
