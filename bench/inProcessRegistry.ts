/**
 * The registry served in process on a free loopback port over an embedded PGlite database: what
 * the push, sync and relay benchmarks measure against.
 */
import type { FastifyInstance } from 'fastify';

import { DEFAULT_LIMITS } from '../src/registry/config';
import { openDatabase } from '../src/registry/db/open';
import type { Db } from '../src/registry/db/types';
import { buildRegistry } from '../src/registry/server';

export type BenchRegistry = {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  /** Stops serving and closes the database (the caller removes `dataDir`). */
  close(): Promise<void>;
};

/** Opens (and migrates) PGlite in `dataDir` and serves the registry with `adminCode`. */
export async function startBenchRegistry(
  dataDir: string,
  adminCode: string,
): Promise<BenchRegistry> {
  const db = await openDatabase({ dataDir });
  const app = buildRegistry({
    db,
    config: { adminCode, ...DEFAULT_LIMITS, logRequests: false },
    log: () => undefined,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return {
    db,
    app,
    baseUrl,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
