import type { PageRow } from '../../db/rows';

import { DroppedNotice } from './DroppedNotice';
import { PageStrip } from './PageStrip';
import { ScanControls } from './ScanControls';
import { ScanProgress } from './ScanProgress';
import { isRunning, scanBatches, useBatchView } from './scanBatches';
import { startOptions, useScanChoice } from './useScanChoice';
import './scanning.css';

type Props = {
  readonly ownerId: string;
  readonly pages: readonly PageRow[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string | null) => void;
};

/**
 * Under the page beside the form: the page strip (reorder, rotate, delete with undo,
 * rescan-and-insert), the progress of a scan into this draft, and the scan settings.
 */
export function DraftPageTools({ ownerId, pages, selectedId, onSelect }: Props) {
  const batch = useBatchView();
  const mine = batch?.ownerId === ownerId ? batch : null;
  const busy = isRunning(batch);
  const { setup, loadError, choice, setChoice } = useScanChoice();
  const scan = (insertAt?: number) =>
    void scanBatches
      .start({ ownerId, ...(insertAt !== undefined ? { insertAt } : {}) }, startOptions(choice))
      .catch(() => undefined);

  return (
    <div className="draft-page-tools">
      {mine && <ScanProgress batch={mine} />}
      {pages.length > 0 ? (
        <PageStrip
          ownerId={ownerId}
          pages={pages}
          selectedId={selectedId}
          onSelect={onSelect}
          onRescanAfter={scan}
          scanning={busy}
        />
      ) : (
        <>
          <button type="button" onClick={() => scan()} disabled={busy || !choice?.scannerId}>
            Scan pages
          </button>
          <DroppedNotice ownerId={ownerId} onRestored={() => undefined} />
        </>
      )}
      <details className="scan-settings">
        <summary>Scan settings</summary>
        <ScanControls
          setup={setup}
          loadError={loadError}
          choice={choice}
          onChange={setChoice}
          disabled={busy}
        />
      </details>
    </div>
  );
}
