/**
 * Messages between the Search page and the search worker (structured clone, no functions).
 */
import type { LocalPage, LocalQuery } from '../../../shared/search/searchTypes';

/** Page → worker. */
export type WorkerRequest =
  | { readonly type: 'search'; readonly reqId: number; readonly query: LocalQuery }
  | { readonly type: 'status'; readonly reqId: number };

/** Worker → page. */
export type WorkerReply =
  | { readonly type: 'result'; readonly reqId: number; readonly page: LocalPage }
  | { readonly type: 'error'; readonly reqId: number; readonly message: string }
  | {
      readonly type: 'status';
      readonly reqId: number;
      readonly ready: boolean;
      readonly size: number;
    };
