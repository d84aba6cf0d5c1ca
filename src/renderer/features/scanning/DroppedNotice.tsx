import { useState } from 'react';

import { database } from '../../db/database';

import { restoreDropped } from './droppedPages';
import { useDroppedPages } from './scanBatches';

type Props = {
  readonly ownerId: string;
  /** Told what came back, for the strip's announcement. */
  readonly onRestored: (message: string) => void;
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Undo for pages that left the order: blank pages from a batch, and deleted pages. */
export function DroppedNotice({ ownerId, onRestored }: Props) {
  const dropped = useDroppedPages(ownerId);
  const [error, setError] = useState('');
  const blanks = dropped.filter((d) => d.reason === 'blank');
  const lastDeleted = [...dropped].reverse().find((d) => d.reason === 'deleted');
  if (blanks.length === 0 && !lastDeleted && !error) return null;

  const restore = async (ids: string[], what: string) => {
    try {
      const n = await restoreDropped(database(), ownerId, ids);
      onRestored(`${plural(n, 'page')} restored (${what}).`);
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="dropped-notice" data-testid="dropped-notice">
      {blanks.length > 0 && (
        <p>
          <span>
            {plural(blanks.length, 'blank page')} dropped from the batch (page
            {blanks.length === 1 ? '' : 's'} {blanks.map((b) => b.index + 1).join(', ')}).
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void restore(
                blanks.map((b) => b.row.id),
                'blank pages',
              )
            }
          >
            Restore blank pages
          </button>
        </p>
      )}
      {lastDeleted && (
        <p>
          <span>Page {lastDeleted.index + 1} deleted.</span>
          <button
            type="button"
            className="link-button"
            onClick={() => void restore([lastDeleted.row.id], 'undo delete')}
          >
            Undo delete
          </button>
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
