import { useEffect, useState } from 'react';

/** The hash route as segments (`#/intake/draft/abc` → ['intake', 'draft', 'abc']). */
export function useHashPath(): readonly string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [segments, setSegments] = useState<readonly string[]>(read);
  useEffect(() => {
    const onChange = () => setSegments(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return segments;
}

export function navigate(path: string): void {
  window.location.hash = `#/${path}`;
}
