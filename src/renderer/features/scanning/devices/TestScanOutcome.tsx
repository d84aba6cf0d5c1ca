import { useMemo } from 'react';

import type { TestScanResult } from '../../../../shared/ipc/contracts/scanner';
import { useObjectUrl } from '../useObjectUrl';

type Props = { readonly result: TestScanResult; readonly name: string };

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A test scan's page (main's JPEG thumbnail) and its facts, or the device's error in words. */
export function TestScanOutcome({ result, name }: Props) {
  const thumb = result.ok ? result.thumbnail : null;
  // The thumbnail is main's JPEG; the Blob copies its bytes, nothing is decoded here.
  const blob = useMemo(
    () =>
      thumb ? new Blob([thumb as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) : undefined,
    [thumb],
  );
  const url = useObjectUrl(blob, result.ok ? result.meta.sha256 : 'failed');
  if (!result.ok) {
    return (
      <div className="test-scan-failed" data-testid={`test-scan-${name}`}>
        <span className="state-text state-error">{result.error.message}</span>
        {result.error.detail && (
          <div className="small muted-text">Device said: {result.error.detail}</div>
        )}
      </div>
    );
  }
  const m = result.meta;
  return (
    <div className="test-scan-ok" data-testid={`test-scan-${name}`}>
      {url && <img src={url} alt={`Test scan from ${name}`} className="test-scan-thumb" />}
      <div>
        <span className="state-text state-ok">Scanner works</span>
        <div className="small muted-text">
          {(result.elapsedMs / 1000).toFixed(1)} s · {m.width} × {m.height} px · {m.dpi} dpi ·{' '}
          {m.mime === 'image/tiff' ? 'G4 TIFF' : 'JPEG'} {kb(m.bytes)}
        </div>
      </div>
    </div>
  );
}
