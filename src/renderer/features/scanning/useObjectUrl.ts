import { useEffect, useRef, useState } from 'react';

/**
 * An object URL for a stored Blob, made once per `key` (page id + hash) rather than per
 * Dexie read, and revoked when the key changes or the component goes. The browser decodes
 * the JPEG for the <img> off the main thread; nothing here touches pixels.
 */
export function useObjectUrl(blob: Blob | undefined, key: string): string | null {
  const latest = useRef(blob);
  latest.current = blob;
  const [url, setUrl] = useState<string | null>(null);
  const present = blob !== undefined;
  useEffect(() => {
    const current = latest.current;
    if (!current) {
      setUrl(null);
      return undefined;
    }
    const made = URL.createObjectURL(current);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [key, present]);
  return url;
}
