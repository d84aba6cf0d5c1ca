import { useEffect, useRef, useState } from 'react';

import type { AamvaParseResult } from '../../../shared/aamva';
import { ClerkIpcError } from '../../../shared/ipc/envelope';
import type { PageRow } from '../../db/rows';
import { clerkApi, unwrap } from '../../platform/clerk';

type Props = {
  /** The page shown in the pages panel. */
  readonly page: PageRow;
  /** Its 1-based number, as the panel shows it ("page 2"). */
  readonly pageNumber: number;
  /** Fills the form from the licence found (the same path reader and wedge scans take). */
  readonly onRead: (result: AamvaParseResult, source: string) => void;
};

/**
 * "Read licence barcode": sends the shown page's stored image (its original bytes as an
 * ArrayBuffer, never base64) to main, which finds the PDF417 with zxing-wasm and a rotation
 * sweep, and fills the restrained person from it. Progress and the outcome are read out in a
 * polite status line beside the button; the form's own notice says what was filled.
 */
export function ReadLicenceFromPage({ page, pageNumber, onRead }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const read = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(`Reading the licence barcode on page ${pageNumber}…`);
    let outcome: string;
    try {
      const image = await page.bytes.arrayBuffer();
      const found = await unwrap('licence:decode-image', clerkApi().licence.decodeImage({ image }));
      onRead(found.result, `licence barcode on page ${pageNumber}`);
      outcome = `Read the licence barcode on page ${pageNumber}.`;
    } catch (e) {
      outcome =
        e instanceof ClerkIpcError && e.code === 'not-found'
          ? `No licence barcode found on page ${pageNumber}. Scan the licence at 300 dpi or more, or type the details.`
          : `The licence barcode on page ${pageNumber} could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (!mounted.current) return;
    setMessage(outcome);
    setBusy(false);
  };

  return (
    <div className="pages-licence">
      {/* aria-disabled rather than disabled while main decodes: focus stays on the button. */}
      <button
        type="button"
        onClick={() => void read()}
        aria-disabled={busy}
        aria-busy={busy}
        data-testid="read-licence-barcode"
      >
        {busy ? 'Reading barcode…' : 'Read licence barcode'}
      </button>
      <span role="status" className="pages-licence-status">
        {message}
      </span>
    </div>
  );
}
