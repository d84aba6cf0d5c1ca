/**
 * The `review` domain's IPC handlers: the supervisor's day, returning an order to the clerk,
 * the second-person decision on a correction or void, and a void request. Each call runs as the
 * signed-in user through the registry user link (X-Clerk-Session): the registry decides the role
 * matrix with the full scope (never one's own entry) and writes the audit chain; its refusal
 * comes back as `forbidden` with the registry's own sentence, and a registry that cannot be
 * reached (or no registry session) as `unavailable`.
 */
import type { Principal } from '../../shared/auth/principal';
import { ServiceError } from '../../shared/ipc/envelope';
import type { RegistryClient } from '../../registry/client/registryClient';
import type { CallContext, Handlers } from '../ipc/dispatcher';

type ReviewHandlers = Pick<
  Handlers,
  'review:get-day' | 'review:return-order' | 'review:decide-approval' | 'review:request-void'
>;

/** What the handlers need: the registry user link (sync.userLink). */
export type ReviewDeps = {
  readonly userLink: {
    withUser<T>(principal: Principal, fn: (client: RegistryClient) => Promise<T>): Promise<T>;
  };
};

function principalOf(ctx: CallContext): Principal {
  if (!ctx.principal) throw new ServiceError('forbidden', 'Sign in first.');
  return ctx.principal;
}

/** Handlers for the review channels. */
export function createReviewHandlers(deps?: ReviewDeps): ReviewHandlers {
  const link = (): ReviewDeps['userLink'] => {
    if (!deps) {
      throw new ServiceError('unavailable', 'Supervisor review needs the registry link.');
    }
    return deps.userLink;
  };
  return {
    'review:get-day': (input, ctx) =>
      link().withUser(principalOf(ctx), (client) => client.reviewDay(input.date)),
    'review:return-order': (input, ctx) =>
      link().withUser(principalOf(ctx), (client) =>
        client.returnOrder(input.orderId, input.comment),
      ),
    'review:decide-approval': (input, ctx) =>
      link().withUser(principalOf(ctx), (client) =>
        client.decideApproval(input.approvalId, input.decision, input.comment || undefined),
      ),
    'review:request-void': (input, ctx) =>
      link().withUser(principalOf(ctx), (client) =>
        client.requestVoid(input.orderId, input.reason),
      ),
  };
}
