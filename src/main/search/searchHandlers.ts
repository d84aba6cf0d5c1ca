/**
 * The `search` domain's handlers: registry searches, order state, history and page images for
 * the Search page, each made as the signed-in user through the registry user link (the registry
 * checks the role matrix again and audits). Main decides first with the facts it has — how the
 * search looks things up — so a clerk's name search is refused here, audited, and never sent.
 */
import { decide } from '../../shared/auth/decide';
import { searchByOf } from '../../shared/auth/searchBy';
import type { AccessScope } from '../../shared/auth/conditions';
import type { Principal } from '../../shared/auth/principal';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { registryOrderStateSchema } from '../../shared/ipc/contracts/search';
import { ServiceError } from '../../shared/ipc/envelope';
import type { AuditJournal } from '../audit/auditJournal';
import { toActor } from '../auth/sessionManager';
import { principalOf, type CallContext, type Handlers } from '../ipc/dispatcher';
import type { UserLinkCalls } from '../sync/registryUserLink';

type SearchChannel =
  'search:search-registry' | 'search:get-order' | 'search:get-history' | 'search:get-page';

/** What the handlers need: the user link (sync.userLink) and the audit journal. */
export type SearchDeps = {
  readonly userLink: UserLinkCalls;
  readonly journal: Pick<AuditJournal, 'record'>;
};

/** Builds the handlers. */
export function createSearchHandlers(deps: SearchDeps): Pick<Handlers, SearchChannel> {
  /** The matrix with the search's facts; a refusal is audited and answered `forbidden`. */
  async function allowed(
    ctx: CallContext,
    channel: InvokeChannel,
    searchBy: NonNullable<AccessScope['searchBy']>,
  ): Promise<Principal> {
    const p = principalOf(ctx);
    const d = decide(p.role, 'registry.search', {
      actorId: p.userId,
      actorCourt: p.courtOri,
      searchBy,
    });
    if (!d.allowed) {
      await deps.journal.record({
        actor: toActor(p),
        action: 'registry.search',
        outcome: 'denied',
        reason: d.reason,
        where: { channel },
      });
      throw new ServiceError('forbidden', `You may not search the registry this way: ${d.reason}.`);
    }
    return p;
  }

  return {
    'search:search-registry': async (input, ctx) => {
      const p = await allowed(ctx, 'search:search-registry', searchByOf(input));
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') params[k] = v;
      return deps.userLink.withUser(p, (client) => client.search(params)) as never;
    },
    'search:get-order': async ({ orderId }, ctx) => {
      const p = await allowed(ctx, 'search:get-order', 'order-id');
      return deps.userLink.withUser(p, (client) => client.orderState(orderId)) as never;
    },
    'search:get-history': async ({ orderId }, ctx) => {
      const p = await allowed(ctx, 'search:get-history', 'order-id');
      return deps.userLink.withUser(p, (client) => client.orderHistory(orderId)) as never;
    },
    'search:get-page': async ({ orderId, sha256 }, ctx) => {
      const p = await allowed(ctx, 'search:get-page', 'order-id');
      return deps.userLink.withUser(p, async (client) => {
        // Only a page the order lists, of an order the user may open: reading it as the user
        // has the registry check the user's court and role (and audit the look); a missing
        // order answers not-found. The registry lists the latest version's pages.
        const state = registryOrderStateSchema.safeParse(await client.orderState(orderId));
        if (!state.success) {
          throw new ServiceError(
            'failed',
            'The registry’s answer about this order could not be read, so its pages cannot be shown. Tell the registry administrator.',
          );
        }
        if (!state.data.pages.some((pg) => pg.sha256 === sha256)) {
          throw new ServiceError('not-found', 'That page is not part of this order.');
        }
        return { bytes: await client.downloadPage(sha256) };
      });
    },
  };
}
