/**
 * The `review` domain's IPC handlers: the supervisor's day, returning an order to the clerk,
 * the second-person decision on a correction or void, and a void request. Each call runs as the
 * signed-in user through the registry user link (X-Clerk-Session): the registry decides the role
 * matrix with the full scope (never one's own entry) and writes the audit chain; its refusal
 * comes back as `forbidden` with the registry's own sentence, and a registry that cannot be
 * reached (or no registry session) as `unavailable`.
 */
import { principalOf, type Handlers } from '../ipc/dispatcher';
import type { UserLinkCalls } from '../sync/registryUserLink';

type ReviewHandlers = Pick<
  Handlers,
  'review:get-day' | 'review:return-order' | 'review:decide-approval' | 'review:request-void'
>;

/** What the handlers need: the registry user link (sync.userLink). */
export type ReviewDeps = { readonly userLink: UserLinkCalls };

/** Handlers for the review channels. */
export function createReviewHandlers(deps: ReviewDeps): ReviewHandlers {
  const { userLink } = deps;
  return {
    'review:get-day': (input, ctx) =>
      userLink.withUser(principalOf(ctx), (client) => client.reviewDay(input.date)),
    'review:return-order': (input, ctx) =>
      userLink.withUser(principalOf(ctx), (client) =>
        client.returnOrder(input.orderId, input.comment),
      ),
    'review:decide-approval': (input, ctx) =>
      userLink.withUser(principalOf(ctx), (client) =>
        client.decideApproval(input.approvalId, input.decision, input.comment || undefined),
      ),
    'review:request-void': (input, ctx) =>
      userLink.withUser(principalOf(ctx), (client) =>
        client.requestVoid(input.orderId, input.reason),
      ),
  };
}
