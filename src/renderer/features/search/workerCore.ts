/**
 * The search worker's message handling, apart from the Worker global so tests drive it.
 */
import { SearchInputError } from '../../../shared/search/searchIndex';

import type { WorkerReply, WorkerRequest } from './protocol';
import type { SearchFeed } from './searchFeed';

/** Answers one request; searches wait for the first load. */
export async function handleRequest(
  feed: SearchFeed,
  loaded: Promise<void>,
  msg: WorkerRequest,
): Promise<WorkerReply> {
  if (msg.type === 'status') {
    return { type: 'status', reqId: msg.reqId, ready: feed.ready, size: feed.index.size };
  }
  try {
    await loaded;
    return { type: 'result', reqId: msg.reqId, page: feed.index.search(msg.query) };
  } catch (error) {
    const message =
      error instanceof SearchInputError
        ? error.message
        : `The local search failed: ${(error as Error).message}`;
    return { type: 'error', reqId: msg.reqId, message };
  }
}
