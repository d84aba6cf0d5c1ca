import { useMemo, useState } from 'react';

import type { OrderTypeEntry } from '../../../shared/orders';
import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { createDraft } from '../../db/draftsRepo';
import { deleteOwnerPages, movePagesToOwner, pendingOwnerId } from '../../db/pagesRepo';
import { currentEntries } from '../intake/currentEntries';
import { TypePicker } from '../intake/TypePicker';

import { forgetDropped, moveDropped } from './droppedPages';
import { DroppedNotice } from './DroppedNotice';
import { PagePreview } from './PagePreview';
import { PageStrip } from './PageStrip';
import { ScanControls } from './ScanControls';
import { ScanProgress } from './ScanProgress';
import { isRunning, scanBatches, useBatchView } from './scanBatches';
import { usePages } from './usePages';
import { startOptions, useScanChoice } from './useScanChoice';
import './scanning.css';

type Props = {
  readonly owner: string;
  /** The pending scan's id (from `#/intake/scan/<id>`). */
  readonly scanId: string;
  /** First values of a new draft of this type (StartIntake's rule). */
  readonly initialValues: (entry: OrderTypeEntry) => Record<string, unknown>;
};

/**
 * Scan-first intake: the batch arrives page by page with a progress bar; the clerk puts the
 * pages in order, then chooses the order type, and the form opens beside the pages (the draft
 * is created first and the pages are attached to it).
 */
export function ScanIntake({ owner, scanId, initialValues }: Props) {
  const ownerId = pendingOwnerId(scanId);
  const entries = useMemo(() => currentEntries(), []);
  const pages = usePages(ownerId);
  const batch = useBatchView();
  const mine = batch?.ownerId === ownerId ? batch : null;
  const running = isRunning(mine);
  const busyElsewhere = isRunning(batch) && !mine;
  const { setup, loadError, choice, setChoice } = useScanChoice();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [error, setError] = useState('');
  const list = pages ?? [];
  const index = Math.max(
    0,
    list.findIndex((p) => p.id === selectedId),
  );

  const scan = (insertAt?: number) =>
    void scanBatches
      .start({ ownerId, ...(insertAt !== undefined ? { insertAt } : {}) }, startOptions(choice))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  const attach = async (entry: OrderTypeEntry) => {
    try {
      const draft = await createDraft(database(), entry.code, owner, initialValues(entry));
      await movePagesToOwner(database(), ownerId, draft.id);
      moveDropped(ownerId, draft.id);
      scanBatches.dismiss();
      navigate(`intake/draft/${draft.id}`);
    } catch (e) {
      setError(`The form could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const discard = async () => {
    await deleteOwnerPages(database(), ownerId);
    forgetDropped(ownerId);
    scanBatches.dismiss();
    navigate('intake');
  };

  return (
    <div className="scan-intake">
      <section className="panel scan-main" aria-labelledby="scan-heading">
        <div className="section-head">
          <h2 id="scan-heading">Scan the signed order</h2>
          <span className="scan-count" data-testid="scan-count">
            {list.length} page{list.length === 1 ? '' : 's'}
          </span>
        </div>
        <ScanControls
          setup={setup}
          loadError={loadError}
          choice={choice}
          onChange={setChoice}
          disabled={running}
        >
          <button
            type="button"
            className={list.length === 0 ? 'primary' : undefined}
            onClick={() => scan()}
            disabled={running || busyElsewhere || !choice}
          >
            {list.length === 0 ? 'Scan' : 'Scan more pages'}
          </button>
        </ScanControls>
        {busyElsewhere && (
          <p className="hint">Another scan is running on this workstation; wait for it to end.</p>
        )}
        {mine && <ScanProgress batch={mine} />}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {pages && list.length === 0 && !running && (
          <p className="empty-note">
            No pages yet. Load the signed order face down in the feeder and press Scan.
          </p>
        )}
        {list.length === 0 && <DroppedNotice ownerId={ownerId} onRestored={() => undefined} />}
        {list.length > 0 && (
          <PageStrip
            ownerId={ownerId}
            pages={list}
            selectedId={list[index]?.id ?? null}
            onSelect={setSelectedId}
            onRescanAfter={(at) => scan(at)}
            scanning={running || busyElsewhere}
            layout="grid"
          />
        )}
      </section>
      <section className="panel scan-type" aria-labelledby="scan-type-heading">
        <h2 id="scan-type-heading">Then choose the order type</h2>
        {running ? (
          <p className="hint">
            The form opens beside these pages once the scan has finished. Put the pages in order
            meanwhile.
          </p>
        ) : (
          <TypePicker entries={entries} onPick={(e) => void attach(e)} />
        )}
        <div className="scan-discard">
          {confirmDiscard ? (
            <span className="confirm" role="group" aria-label="Discard this scan?">
              Discard these {list.length} pages?
              <button type="button" className="danger" onClick={() => void discard()}>
                Discard
              </button>
              <button type="button" onClick={() => setConfirmDiscard(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() => setConfirmDiscard(true)}
              disabled={running}
            >
              Discard scan…
            </button>
          )}
        </div>
      </section>
      <aside className="panel scan-preview" aria-label="Chosen page">
        <p className="scan-preview-caption">
          {list.length > 0 ? `Page ${index + 1} of ${list.length}` : 'No page to show'}
        </p>
        <PagePreview page={list[index]} index={index} />
      </aside>
    </div>
  );
}
