/**
 * The registry HTTP service (Fastify 5): JSON over HTTP, documented in docs/registry-api.md and
 * docs/openapi/registry.yaml.
 *
 * `buildRegistry` wires routes around an open database (tests use it in-process);
 * `startRegistry` also opens and migrates the database and listens (the CLI uses it).
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';

import { registerAuditRoutes } from './audit/auditRoutes';
import { registerAuthRoutes } from './auth/authRoutes';
import { CourtCalendarCache } from './calendar/calendarCache';
import { registerCalendarRoutes } from './calendar/calendarRoutes';
import { registerAccessGuard } from './auth/guard';
import type { RegistryAuthOptions } from './auth/sessions';
import type { RegistryConfig } from './config';
import { openDatabase } from './db/open';
import type { Db } from './db/types';
import { sqlState } from './db/types';
import { errorBody, RegistryError } from './errors';
import type { PushHooks } from './push/pushService';
import { registerRelayRoutes, type RelayRouteOptions } from './relay/routes';
import { registerReviewRoutes } from './review/reviewRoutes';
import { registerDeviceRoutes } from './routes/deviceRoutes';
import { registerPageRoutes } from './routes/pageRoutes';
import { registerPublicRoutes } from './routes/publicRoutes';

export type RegistryDeps = {
  readonly db: Db;
  readonly config: Pick<
    RegistryConfig,
    'adminCode' | 'maxPageBytes' | 'maxChunkBytes' | 'logRequests'
  >;
  /** Fault-injection seam for tests; never set in production. */
  readonly pushHooks?: PushHooks;
  readonly log?: (line: string) => void;
  /** CLETS relay endpoints and deadline clock (src/registry/relay). */
  readonly relay?: RelayRouteOptions;
  /** Clock and KDF seams for the sign-in tests; never set in production. */
  readonly auth?: RegistryAuthOptions;
  /**
   * The court calendar in memory (src/registry/calendar); created here when absent. It is
   * loaded when the app is ready and gives the relay and review their court closures unless
   * `relay.closures` is set.
   */
  readonly calendar?: CourtCalendarCache;
  /** How often to look for calendar changes made elsewhere (ms; default 60 s). */
  readonly calendarCheckMs?: number;
};

/** Errors that mean "the database is briefly unavailable": the client should retry. */
function isTransient(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (/^(08|53|57)/.test(state) || state === '40001' || state === '40P01')) return true;
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** Turns a zod error into a 400 RegistryError listing the fields to fix. */
export function badRequest(error: ZodError, what: string): RegistryError {
  const issues = error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  return new RegistryError(
    400,
    'invalid-request',
    `The ${what} is not valid: ${issues.join('; ')}`,
    { issues },
  );
}

/** Builds the Fastify app (not listening). */
export function buildRegistry(deps: RegistryDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    // Pushes carry up to 500 orders; chunks have their own limit in the page routes.
    bodyLimit: 16 * 1024 * 1024,
    return503OnClosing: true,
  });
  const log = deps.log ?? ((line: string) => console.error(line));

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof RegistryError) {
      void reply.status(error.status).send(errorBody(error.code, error.message, error.details));
      return;
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      void reply.status(status).send(errorBody('invalid-request', error.message));
      return;
    }
    if (isTransient(error)) {
      void reply
        .status(503)
        .header('Retry-After', '1')
        .send(
          errorBody('unavailable', 'The registry database is unavailable for a moment; try again.'),
        );
      return;
    }
    // Never echo internals (they may quote order content): log the route, not the URL.
    log(
      `[registry] 500 on ${request.method} ${request.routeOptions.url ?? '?'}: ${error.name}: ${error.message.slice(0, 200)}`,
    );
    void reply
      .status(500)
      .send(
        errorBody(
          'internal',
          'The registry failed to process this request; it was not applied. Try again.',
        ),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(
        errorBody('not-found', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`),
      );
  });
  if (deps.config.logRequests) {
    app.addHook('onResponse', async (request, reply) => {
      log(
        `[registry] ${request.method} ${request.routeOptions.url ?? '?'} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`,
      );
    });
  }

  // Deny by default: the role guard runs before every route (src/registry/auth/routeActions.ts).
  registerAccessGuard(app, deps.db, deps.auth);
  registerPublicRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerAuthRoutes(app, deps.db, deps.auth);
  registerAuditRoutes(app, deps.db);
  // Court closures for due-by, deadlines and review: the registry-held court calendar.
  const calendar = deps.calendar ?? new CourtCalendarCache(deps.db);
  app.addHook('onReady', async () => {
    await calendar.load();
    calendar.start(deps.calendarCheckMs ?? 60_000, (e) =>
      log(`[registry] court calendar check failed: ${(e as Error).message}`),
    );
  });
  app.addHook('onClose', async () => calendar.stop());
  const relay = { ...deps.relay, closures: deps.relay?.closures ?? calendar.closuresFor };
  registerRelayRoutes(app, { ...deps, relay });
  registerReviewRoutes(app, { ...deps, relay });
  registerCalendarRoutes(app, { db: deps.db, calendar });
  return app;
}

export type RunningRegistry = {
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly app: FastifyInstance;
  /** The court calendar the routes use (the in-process relay shares it). */
  readonly calendar: CourtCalendarCache;
  close(): Promise<void>;
};

/** Opens the database, runs migrations, listens; `close()` stops both. */
export async function startRegistry(
  config: RegistryConfig,
  extra: Pick<RegistryDeps, 'pushHooks' | 'log' | 'relay'> = {},
): Promise<RunningRegistry> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const calendar = new CourtCalendarCache(db);
  const app = buildRegistry({ db, config, ...extra, calendar });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed = false;
  return {
    url: `http://${host}:${port}/`,
    port,
    db,
    app,
    calendar,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await db.close();
    },
  };
}
