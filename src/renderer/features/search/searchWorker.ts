/**
 * Web Worker entry: builds the local search index off the UI thread from Dexie and keeps it in
 * step with every write to the cache or the workstation's orders (Dexie broadcasts them).
 */
import { Dexie } from 'dexie';

import { ClerkDb } from '../../db/clerkDb';

import type { WorkerRequest } from './protocol';
import { SearchFeed } from './searchFeed';
import { handleRequest } from './workerCore';

const db = new ClerkDb();
const feed = new SearchFeed(db);
const loaded = feed.load();
// Changes arriving during the first load are applied after it (re-reading is harmless).
let queue: Promise<void> = loaded.catch(() => undefined);
Dexie.on('storagemutated', (parts) => {
  queue = queue
    .then(() => feed.applyMutations(parts as never))
    .catch((e: unknown) => console.error('[search] update failed', e));
});

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: unknown): void;
};
scope.onmessage = (e) => {
  void handleRequest(feed, loaded, e.data).then((reply) => scope.postMessage(reply));
};
