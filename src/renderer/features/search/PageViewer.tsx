import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** One page the viewer can show: a stable key and how to get its image (fetched when shown). */
export type ViewerPage = {
  readonly key: string;
  readonly load: () => Promise<Blob>;
};

type Loaded = { readonly url: string } | { readonly error: string };

type Props = { readonly pages: readonly ViewerPage[] };

// The keys that page, as in the results list (PageDown/PageUp) plus arrows, Home and End.
const STEP: Readonly<Record<string, (at: number, last: number) => number>> = {
  ArrowRight: (at, last) => Math.min(at + 1, last),
  PageDown: (at, last) => Math.min(at + 1, last),
  ArrowLeft: (at) => Math.max(at - 1, 0),
  PageUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_at, last) => last,
};

/**
 * The signed order's page images, one at a time: "Page x of y", Previous/Next, and the keys
 * ←/→, PageUp/PageDown, Home/End on the focused viewer. A page's image is fetched when it is
 * first shown (and the next one ahead), so an order of many pages from the registry does not
 * fetch them all at once. Says "No page images available." when the order lists none.
 */
export function PageViewer({ pages }: Props) {
  const [at, setAt] = useState(0);
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Loaded>>(new Map());
  const started = useRef(new Set<string>());
  const urls = useRef<string[]>([]);
  // Per viewer, not per effect run: a page still loading when the clerk pages on is kept.
  const mounted = useRef(true);
  const keys = pages.map((p) => p.key).join(',');

  // A new page list (another order): start again at page 1.
  useEffect(() => {
    setAt(0);
  }, [keys]);

  // Object URLs live as long as the viewer.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      urls.current.forEach((u) => URL.revokeObjectURL(u));
      urls.current = [];
    };
  }, []);

  const index = Math.min(at, Math.max(pages.length - 1, 0));
  useEffect(() => {
    for (const page of [pages[index], pages[index + 1]]) {
      if (!page || started.current.has(page.key)) continue;
      started.current.add(page.key);
      page.load().then(
        (blob) => {
          if (!mounted.current) return;
          const url = URL.createObjectURL(blob);
          urls.current.push(url);
          setLoaded((m) => new Map(m).set(page.key, { url }));
        },
        (error: unknown) => {
          // Not shown this time: forget it so paging back here asks again.
          started.current.delete(page.key);
          if (mounted.current) {
            setLoaded((m) => new Map(m).set(page.key, { error: (error as Error).message }));
          }
        },
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, keys]);

  if (pages.length === 0) return <p>No page images available.</p>;

  const current = pages[index];
  const shown = current ? loaded.get(current.key) : undefined;
  const label = `Page ${index + 1} of ${pages.length}`;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = STEP[e.key];
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    setAt(step(index, pages.length - 1));
  };

  return (
    <div
      className="page-viewer"
      data-testid="page-viewer"
      role="group"
      aria-label="Page images (← and → change page)"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <p aria-live="polite" data-testid="page-viewer-position">
        {label}
      </p>
      <div>
        <button type="button" onClick={() => setAt(index - 1)} disabled={index === 0}>
          Previous page
        </button>{' '}
        <button
          type="button"
          onClick={() => setAt(index + 1)}
          disabled={index === pages.length - 1}
        >
          Next page
        </button>
      </div>
      {shown && 'url' in shown ? (
        <img src={shown.url} alt={label} width={600} />
      ) : shown ? (
        <p role="alert">
          {label} cannot be shown: {shown.error}
        </p>
      ) : (
        <p>Loading {label.toLowerCase()}…</p>
      )}
    </div>
  );
}
