import { useLiveQuery } from 'dexie-react-hooks';

import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { listPendingScans, pendingOwnerId } from '../../db/pagesRepo';

import { isRunning, scanBatches, useBatchView } from './scanBatches';
import './scanning.css';

/** Starts a scan-first intake: a new pending scan, its screen, and the batch on the default scanner. */
export function startScanOrder(): void {
  const scanId = crypto.randomUUID();
  navigate(`intake/scan/${scanId}`);
  // Errors (no scanner, scanner busy) show on the scan screen through the batch view.
  void scanBatches.start({ ownerId: pendingOwnerId(scanId) }).catch(() => undefined);
}

/** The "Scan order" button of Start intake, and scans still waiting for their order type. */
export function ScanOrderStart() {
  const pending = useLiveQuery(() => listPendingScans(database()), []);
  const batch = useBatchView();
  return (
    <div className="scan-order-start">
      <button
        type="button"
        className="scan-order-button"
        onClick={startScanOrder}
        disabled={isRunning(batch)}
        aria-describedby="scan-order-hint"
      >
        Scan order
      </button>
      <span className="hint" id="scan-order-hint">
        Image first: scan the signed order, then choose its type and key from the image.
      </span>
      {pending && pending.length > 0 && (
        <ul className="pending-scans" aria-label="Scans waiting for an order type">
          {pending.map((p) => (
            <li key={p.ownerId}>
              Scanned {p.pages} page{p.pages === 1 ? '' : 's'}, no order type yet{' '}
              <button type="button" onClick={() => navigate(`intake/scan/${p.scanId}`)}>
                Continue
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
