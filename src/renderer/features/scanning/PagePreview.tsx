import type { PageRow } from '../../db/rows';

import { displayBlob } from './pageActions';
import { useObjectUrl } from './useObjectUrl';

type Props = { readonly page: PageRow | undefined; readonly index: number; readonly zoom?: number };

/** A readable view of one page (main's JPEG; a G4 page shows its JPEG preview). */
export function PagePreview({ page, index, zoom = 1 }: Props) {
  const url = useObjectUrl(
    page ? displayBlob(page) : undefined,
    page ? `${page.id}:${page.sha256}` : '',
  );
  if (!page || !url) return <div className="page-view page-view-empty" />;
  return (
    // Focusable so a keyboard user can scroll a zoomed page with the arrow keys.
    <div className="page-view" tabIndex={0} role="region" aria-label={`Page ${index + 1} image`}>
      <img src={url} alt={`Scanned page ${index + 1}`} style={{ width: `${zoom * 100}%` }} />
    </div>
  );
}
