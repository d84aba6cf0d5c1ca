import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

import { database } from '../../db/database';
import { movePage } from '../../db/pagesRepo';
import type { PageRow } from '../../db/rows';
import { clerkApi } from '../../platform/clerk';

import { DroppedNotice } from './DroppedNotice';
import { deleteWithUndo, rotatePage } from './pageActions';
import { PageThumb } from './PageThumb';

type Props = {
  readonly ownerId: string;
  readonly pages: readonly PageRow[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string | null) => void;
  /** Rescan-and-insert: scan more pages into the order after the given index. */
  readonly onRescanAfter?: (index: number) => void;
  /** A scan is running: rescanning waits for it. */
  readonly scanning?: boolean;
  /** `row`: one scrolling line (beside the form); `grid`: wrapping tiles (scan screen). */
  readonly layout?: 'row' | 'grid';
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The pages of an order as thumbnails, with reorder, rotate, delete (undo) and
 * rescan-and-insert. Keyboard: arrows choose a page; Alt+arrows (or Ctrl+Shift+arrows) move it;
 * R / Shift+R rotate; Delete deletes.
 */
export function PageStrip({
  ownerId,
  pages,
  selectedId,
  onSelect,
  onRescanAfter,
  scanning = false,
  layout = 'row',
}: Props) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef(false);
  const keysId = useId();
  const index = pages.findIndex((p) => p.id === selectedId);
  const selected = index >= 0 ? pages[index] : undefined;

  useEffect(() => {
    // After a keyboard action the page keeps the focus wherever it moved to.
    if (!refocus.current || !selectedId) return;
    const el = buttons.current.get(selectedId);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      refocus.current = false;
    }
  }, [pages, selectedId]);

  const run = async (id: string, work: () => Promise<string>) => {
    if (busyId) return;
    setBusyId(id);
    setError('');
    try {
      setSaid(await work());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusyId(null);
    }
  };

  const move = (page: PageRow, from: number, to: number) => {
    if (to < 0 || to >= pages.length || to === from) return;
    refocus.current = true;
    // The moved page stays the chosen one wherever it lands.
    onSelect(page.id);
    void run(page.id, async () => {
      await movePage(database(), ownerId, page.id, to);
      return `Page moved to position ${to + 1} of ${pages.length}.`;
    });
  };

  const rotate = (page: PageRow, degrees: 90 | 270) =>
    void run(page.id, async () => {
      await rotatePage(clerkApi(), database(), page.id, degrees);
      return `Page ${pages.indexOf(page) + 1} rotated ${degrees === 90 ? 'right' : 'left'}.`;
    });

  const remove = (page: PageRow, at: number) => {
    refocus.current = true;
    const next = pages[at + 1] ?? pages[at - 1] ?? null;
    void run(page.id, async () => {
      await deleteWithUndo(database(), ownerId, page.id);
      onSelect(next?.id ?? null);
      return `Page ${at + 1} deleted. Undo brings it back.`;
    });
  };

  const choose = (to: number) => {
    const page = pages[Math.max(0, Math.min(to, pages.length - 1))];
    if (!page) return;
    refocus.current = true;
    onSelect(page.id);
  };

  const onKeyDown = (page: PageRow, at: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const moving = e.altKey || (e.ctrlKey && e.shiftKey);
    const back = e.key === 'ArrowUp' || e.key === 'ArrowLeft';
    const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight';
    if (back || forward) {
      // Also keeps Alt+Left from being the browser's Back.
      e.preventDefault();
      if (moving) move(page, at, back ? at - 1 : at + 1);
      else choose(back ? at - 1 : at + 1);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      choose(e.key === 'Home' ? 0 : pages.length - 1);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      remove(page, at);
    } else if ((e.key === 'r' || e.key === 'R') && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      rotate(page, e.shiftKey ? 270 : 90);
    }
  };

  return (
    <div className={`page-strip-wrap page-strip-${layout}`}>
      <ol
        className="page-strip"
        aria-label="Scanned pages"
        aria-describedby={keysId}
        data-testid="page-strip"
      >
        {pages.map((p, i) => (
          <PageThumb
            key={p.id}
            page={p}
            index={i}
            count={pages.length}
            // With nothing chosen yet, the first page takes the strip's tab stop.
            selected={p.id === selectedId || (index < 0 && i === 0)}
            busy={busyId === p.id}
            buttonRef={(el) => {
              if (el) buttons.current.set(p.id, el);
              else buttons.current.delete(p.id);
            }}
            onSelect={() => onSelect(p.id)}
            onKeyDown={onKeyDown(p, i)}
          />
        ))}
      </ol>
      <p className="hint strip-keys" id={keysId}>
        Arrows choose a page · <kbd>Alt</kbd>+arrows move it · <kbd>R</kbd> rotates ·{' '}
        <kbd>Delete</kbd> removes
      </p>
      <div className="page-actions" role="toolbar" aria-label="Selected page">
        <span className="page-actions-label">
          {selected ? `Page ${index + 1} of ${pages.length}` : 'No page chosen'}
        </span>
        <button
          type="button"
          onClick={() => selected && move(selected, index, index - 1)}
          disabled={!selected || index === 0 || busyId !== null}
        >
          Move earlier
        </button>
        <button
          type="button"
          onClick={() => selected && move(selected, index, index + 1)}
          disabled={!selected || index >= pages.length - 1 || busyId !== null}
        >
          Move later
        </button>
        <button
          type="button"
          onClick={() => selected && rotate(selected, 270)}
          disabled={!selected || busyId !== null}
          aria-label="Rotate left"
          title="Rotate left"
        >
          ⟲
        </button>
        <button
          type="button"
          onClick={() => selected && rotate(selected, 90)}
          disabled={!selected || busyId !== null}
          aria-label="Rotate right"
          title="Rotate right"
        >
          ⟳
        </button>
        <button
          type="button"
          className="danger-outline"
          onClick={() => selected && remove(selected, index)}
          disabled={!selected || busyId !== null}
        >
          Delete page
        </button>
        {onRescanAfter && (
          <button
            type="button"
            onClick={() => onRescanAfter(selected ? index + 1 : pages.length)}
            disabled={scanning}
            title="Scan more pages into the order after the chosen page"
          >
            {selected ? `Scan and insert after page ${index + 1}` : 'Scan and add at the end'}
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <DroppedNotice ownerId={ownerId} onRestored={setSaid} />
    </div>
  );
}
