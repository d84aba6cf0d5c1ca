/**
 * The `review` domain's IPC handlers. Every call needs the signed-in supervisor's registry
 * session (the registry holds the day's submissions and decides approvals).
 *
 * Until the registry side of review lands, each channel answers `unavailable` honestly rather
 * than pretending; the review helper replaces these with registry calls.
 */
import { ServiceError } from '../../shared/ipc/envelope';
import type { Handlers } from '../ipc/dispatcher';

type ReviewHandlers = Pick<
  Handlers,
  'review:get-day' | 'review:return-order' | 'review:decide-approval' | 'review:request-void'
>;

const notYet = (): never => {
  throw new ServiceError(
    'unavailable',
    'Supervisor review is not available on this workstation yet.',
  );
};

/** Handlers for the review channels. */
export function createReviewHandlers(): ReviewHandlers {
  return {
    'review:get-day': notYet,
    'review:return-order': notYet,
    'review:decide-approval': notYet,
    'review:request-void': notYet,
  };
}
