/**
 * docs/openapi/registry.json and the Fastify routes describe the same API: every documented
 * operation exists and every route (except Fastify's automatic HEAD for GET) is documented.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

import { CourtCalendarCache } from '../../../src/registry/calendar/calendarCache';
import { registerCalendarRoutes } from '../../../src/registry/calendar/calendarRoutes';
import { DEFAULT_LIMITS } from '../../../src/registry/config';
import type { Db } from '../../../src/registry/db/types';
import { registerReviewRoutes } from '../../../src/registry/review/reviewRoutes';
import { registerDeviceRoutes } from '../../../src/registry/routes/deviceRoutes';
import { registerPageRoutes } from '../../../src/registry/routes/pageRoutes';
import { registerPublicRoutes } from '../../../src/registry/routes/publicRoutes';

type Spec = { paths: Record<string, Record<string, { operationId?: string; responses?: object }>> };

const spec = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../docs/openapi/registry.json'), 'utf8'),
) as Spec;

const unusedDb = new Proxy({} as Db, {
  get: (_t, prop) =>
    prop === 'backend' ? 'pglite' : () => Promise.reject(new Error('no db in this test')),
});

describe('OpenAPI document', () => {
  // Only the routes of this document's modules (public, device, pages, supervisor review, court
  // calendar): the relay (/v1/clets, /v1/relay) and sign-in, users and audit register their own
  // routes in buildRegistry and are documented in docs/relay.md and docs/security-roles.md.
  const app = Fastify();
  const deps = {
    db: unusedDb,
    config: { adminCode: undefined, ...DEFAULT_LIMITS, logRequests: false },
  };
  registerPublicRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerCalendarRoutes(app, { db: unusedDb, calendar: new CourtCalendarCache(unusedDb) });

  const documented = Object.entries(spec.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((method) => ({
      method: method.toUpperCase(),
      url: p.replace(/\{(\w+)\}/g, ':$1'),
    })),
  );

  it('documents only routes the registry serves, each with an operationId and responses', () => {
    for (const { method, url } of documented) {
      expect(app.hasRoute({ method: method as 'GET', url }), `${method} ${url}`).toBe(true);
    }
    for (const ops of Object.values(spec.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.operationId).toMatch(/^[a-zA-Z]+$/);
        expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0);
      }
    }
  });

  it('documents every route the registry serves', async () => {
    await app.ready();
    // printRoutes draws a tree: a child line's path continues its parent's.
    const stack: string[] = [];
    const served = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .flatMap((line) => {
        const m = /^((?:[│ ] {3})*)[├└]── (\S+) \(([A-Z, ]+)\)/.exec(line);
        if (!m) return [];
        const depth = (m[1] ?? '').length / 4;
        stack.length = depth;
        const url = (stack[depth - 1] ?? '') + (m[2] ?? '');
        stack.push(url);
        return (m[3] ?? '').split(', ').map((method) => ({ method, url }));
      })
      // Fastify adds HEAD to each GET by itself; only the explicit page HEAD is API.
      .filter((r) => r.method !== 'HEAD' || r.url === '/v1/pages/:sha256');
    const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
    expect(served.map(key).sort()).toEqual(documented.map(key).sort());
  });
});
