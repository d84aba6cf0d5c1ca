import type { KeyboardEvent, Ref } from 'react';

import type { PageRow } from '../../db/rows';

import { useObjectUrl } from './useObjectUrl';

type Props = {
  readonly page: PageRow;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  readonly busy: boolean;
  readonly buttonRef?: Ref<HTMLButtonElement>;
  readonly onSelect: () => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
};

const kind = (p: PageRow) => (p.mime === 'image/tiff' ? 'black and white' : 'gray or colour');

/** One page in the strip: main's JPEG thumbnail, its number, selectable with one tab stop. */
export function PageThumb({
  page,
  index,
  count,
  selected,
  busy,
  buttonRef,
  onSelect,
  onKeyDown,
}: Props) {
  const url = useObjectUrl(page.thumbnail, `${page.id}:${page.sha256}`);
  return (
    <li className={`page-thumb-item${selected ? ' selected' : ''}`} data-page-id={page.id}>
      <button
        ref={buttonRef}
        type="button"
        className="page-thumb"
        aria-pressed={selected}
        aria-label={`Page ${index + 1} of ${count}, ${kind(page)}, ${page.dpi} dpi`}
        aria-busy={busy || undefined}
        tabIndex={selected ? 0 : -1}
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        {url ? <img src={url} alt="" draggable={false} /> : <span className="thumb-missing" />}
        <span className="page-number" aria-hidden="true">
          {index + 1}
        </span>
        {busy && (
          <span className="thumb-busy" aria-hidden="true">
            Rotating…
          </span>
        )}
      </button>
    </li>
  );
}
