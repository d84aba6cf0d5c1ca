import { useEffect, useState } from 'react';

import { areaFromHash } from './areas';
import type { AreaId } from './areas';

/** The current area from `location.hash`, so a reload returns to the same place. */
export function useHashArea(): AreaId {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return area;
}
