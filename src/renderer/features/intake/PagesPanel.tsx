import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';

import { database } from '../../db/database';

type Props = { readonly ownerId: string };

/**
 * The order's scanned pages beside the form: page through and zoom while keying. Keying
 * without pages is allowed and flagged "No image".
 */
export function PagesPanel({ ownerId }: Props) {
  const pages = useLiveQuery(
    () =>
      database()
        .pages.where('[ownerId+position]')
        .between([ownerId, -Infinity], [ownerId, Infinity])
        .toArray(),
    [ownerId],
  );
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState(1);
  const page = pages?.[Math.min(index, (pages?.length ?? 1) - 1)];
  const blob = page
    ? page.mime === 'image/jpeg' || page.mime === 'image/png'
      ? page.bytes
      : (page.preview ?? page.thumbnail)
    : undefined;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (pages === undefined) return <aside className="pages-panel" aria-label="Order pages" />;
  if (pages.length === 0) {
    return (
      <aside className="pages-panel pages-empty" aria-label="Order pages">
        <p className="flag-no-image" data-testid="no-image">
          No image
        </p>
        <p>
          This order is being keyed without its scanned pages. Scan the signed order from Intake to
          attach them.
        </p>
      </aside>
    );
  }
  return (
    <aside className="pages-panel" aria-label="Order pages">
      <div className="pages-toolbar">
        <button
          type="button"
          onClick={() => setIndex((i) => Math.max(0, i - 1))}
          disabled={index === 0}
        >
          Previous
        </button>
        <span aria-live="polite">
          Page {index + 1} of {pages.length}
        </span>
        <button
          type="button"
          onClick={() => setIndex((i) => Math.min(pages.length - 1, i + 1))}
          disabled={index >= pages.length - 1}
        >
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
      <div className="page-view">
        {url && (
          <img src={url} alt={`Scanned page ${index + 1}`} style={{ width: `${zoom * 100}%` }} />
        )}
      </div>
    </aside>
  );
}
