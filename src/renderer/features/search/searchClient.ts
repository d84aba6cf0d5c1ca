/**
 * The page's door to the local search: a Web Worker when the browser has one (the index and its
 * build stay off the UI thread), else the same code in-thread (unit tests under happy-dom).
 */
import type { LocalPage, LocalQuery } from '../../../shared/search/searchTypes';
import { database } from '../../db/database';

import type { WorkerReply, WorkerRequest } from './protocol';
import { SearchFeed } from './searchFeed';
import { handleRequest } from './workerCore';

/** Runs local searches. */
export type LocalSearcher = { search(query: LocalQuery): Promise<LocalPage> };

let current: LocalSearcher | null = null;

function workerSearcher(): LocalSearcher {
  const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map<number, (reply: WorkerReply) => void>();
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    pending.get(e.data.reqId)?.(e.data);
    pending.delete(e.data.reqId);
  };
  const ask = (msg: WorkerRequest) =>
    new Promise<WorkerReply>((resolve) => {
      pending.set(msg.reqId, resolve);
      worker.postMessage(msg);
    });
  return {
    async search(query) {
      const reply = await ask({ type: 'search', reqId: next++, query });
      if (reply.type === 'result') return reply.page;
      throw new Error(reply.type === 'error' ? reply.message : 'Unexpected answer.');
    },
  };
}

function inThreadSearcher(): LocalSearcher {
  const feed = new SearchFeed(database());
  const loaded = feed.load();
  let next = 1;
  return {
    async search(query) {
      const reply = await handleRequest(feed, loaded, { type: 'search', reqId: next++, query });
      if (reply.type === 'result') return reply.page;
      throw new Error(reply.type === 'error' ? reply.message : 'Unexpected answer.');
    },
  };
}

/** The shared searcher (one worker per window). */
export function localSearcher(): LocalSearcher {
  current ??= typeof Worker === 'undefined' ? inThreadSearcher() : workerSearcher();
  return current;
}

/** Tests: replace (or reset with null) the searcher. */
export function useLocalSearcherForTests(searcher: LocalSearcher | null): void {
  current = searcher;
}
