/**
 * The registry's CLETS endpoints:
 * - `GET /v1/clets/deadlines` (enrolled workstations, their court only): at-risk (due within 4
 *   court hours) and overdue transactions, counted in court hours and court days;
 * - `POST /v1/relay/next` and `POST /v1/relay/outcomes` (the relay process, `X-Relay-Token`):
 *   the RelayStore over HTTP. Without a configured token they do not exist (404).
 */
import type { FastifyInstance } from 'fastify';

import { hashSecret, sameHash } from '../auth/credentials';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import { requireDevice } from '../routes/auth';

import { classifyDeadlines } from './deadlines';
import { DbRelayStore } from './dbStore';
import { nextRequestSchema, outcomesRequestSchema } from './types';

/** How the registry serves the relay. */
export type RelayRouteOptions = {
  /** Secret the relay process sends as X-Relay-Token; absent → no relay endpoints. */
  readonly token?: string;
  /** Clock for the deadline lists (tests move it across a weekend). */
  readonly clock?: () => Date;
  /** Court-specific closure dates (YYYY-MM-DD) for due-by and court-hour counts. */
  readonly closures?: (courtOri: string) => readonly string[];
};

function invalid(what: string, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const list = issues.map((i) => `${i.path.map(String).join('.') || what}: ${i.message}`);
  return new RegistryError(400, 'invalid-request', `The ${what} is not valid: ${list.join('; ')}`);
}

/** Registers the CLETS routes; returns the store they use (the in-process relay may share it). */
export function registerRelayRoutes(
  app: FastifyInstance,
  deps: { readonly db: Db; readonly relay?: RelayRouteOptions },
): DbRelayStore {
  const options = deps.relay ?? {};
  const store = new DbRelayStore(deps.db, options.closures ? { closures: options.closures } : {});
  const clock = options.clock ?? (() => new Date());

  app.get('/v1/clets/deadlines', async (request) => {
    const device = await requireDevice(deps.db, request);
    const open = await store.openTransactions(device.courtOri);
    return classifyDeadlines(open, clock(), options.closures?.(device.courtOri));
  });

  const token = options.token;
  if (!token) return store;
  const tokenHash = hashSecret(token);
  const requireRelay = (header: string | string[] | undefined) => {
    const given = Array.isArray(header) ? header[0] : header;
    if (!given || !sameHash(hashSecret(given), tokenHash)) {
      throw new RegistryError(
        401,
        'relay-token-required',
        'Send the relay token the registry was started with in the X-Relay-Token header.',
      );
    }
  };

  app.post('/v1/relay/next', async (request) => {
    requireRelay(request.headers['x-relay-token']);
    const parsed = nextRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw invalid('relay request', parsed.error.issues);
    const deadline = Date.now() + parsed.data.waitMs;
    for (;;) {
      const transactions = await store.next(parsed.data.limit);
      if (transactions.length > 0 || Date.now() >= deadline) return { transactions };
      await new Promise((r) => setTimeout(r, Math.min(25, Math.max(1, deadline - Date.now()))));
    }
  });

  app.post('/v1/relay/outcomes', async (request) => {
    requireRelay(request.headers['x-relay-token']);
    const parsed = outcomesRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalid('outcomes', parsed.error.issues);
    return { recorded: await store.record(parsed.data.outcomes) };
  });
  return store;
}
