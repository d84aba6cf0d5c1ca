import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import type { AamvaParseResult } from '../../../shared/aamva';
import { database } from '../../db/database';
import { ReadLicenceFromPage } from '../licence/ReadLicenceFromPage';
import { DraftPageTools } from '../scanning/DraftPageTools';
import { PagePreview } from '../scanning/PagePreview';

type Props = {
  readonly ownerId: string;
  /** Fills the form from a licence barcode found on a page; without it there is no button. */
  readonly onLicence?: (result: AamvaParseResult, source: string) => void;
};

/**
 * The order's scanned pages beside the form: page through and zoom while keying, and the page
 * strip to reorder, rotate, delete or rescan. Keying without pages is allowed and flagged
 * "No image". "Read licence barcode" fills the restrained person from a licence on the page.
 */
export function PagesPanel({ ownerId, onLicence }: Props) {
  const pages = useLiveQuery(
    () =>
      database()
        .pages.where('[ownerId+position]')
        .between([ownerId, -Infinity], [ownerId, Infinity])
        .toArray(),
    [ownerId],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const found = pages?.findIndex((p) => p.id === selectedId) ?? -1;
  const index = Math.max(0, found);
  const page = pages?.[index];
  const go = (i: number) => setSelectedId(pages?.[i]?.id ?? null);

  if (pages === undefined) return <aside className="pages-panel" aria-label="Order pages" />;
  if (pages.length === 0) {
    return (
      <aside className="pages-panel pages-empty" aria-label="Order pages">
        <p className="flag-no-image" data-testid="no-image">
          No image
        </p>
        <p>
          This order is being keyed without its scanned pages. Scan the signed order to attach them.
        </p>
        <DraftPageTools
          ownerId={ownerId}
          pages={pages}
          selectedId={null}
          onSelect={setSelectedId}
        />
      </aside>
    );
  }
  return (
    <aside className="pages-panel" aria-label="Order pages">
      <div className="pages-toolbar">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          Previous
        </button>
        <span aria-live="polite">
          Page {index + 1} of {pages.length}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index >= pages.length - 1}>
          Next
        </button>
        <button
          type="button"
          onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}
          aria-label="Zoom out"
        >
          −
        </button>
        <span>{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          onClick={() => setZoom((z) => Math.min(3, z + 0.25))}
          aria-label="Zoom in"
        >
          +
        </button>
      </div>
      {page && onLicence && (
        <ReadLicenceFromPage page={page} pageNumber={index + 1} onRead={onLicence} />
      )}
      <PagePreview page={page} index={index} zoom={zoom} />
      <DraftPageTools
        ownerId={ownerId}
        pages={pages}
        selectedId={page?.id ?? null}
        onSelect={setSelectedId}
      />
    </aside>
  );
}
