import { useLiveQuery } from 'dexie-react-hooks';

import { database } from '../../db/database';
import { listPages } from '../../db/pagesRepo';
import type { PageRow } from '../../db/rows';

/** The owner's pages in order, live (undefined while the first read runs). */
export function usePages(ownerId: string): PageRow[] | undefined {
  return useLiveQuery(() => listPages(database(), ownerId), [ownerId]);
}
