/**
 * How the relay is started: the flags both CLIs read, and the in-process form the registry CLI
 * uses (`npm run registry -- --clets 127.0.0.1:PORT`), which works on the database directly.
 *
 * Flags (environment in brackets):
 *   --clets HOST:PORT      the CLETS endpoint (CCPOR_CLETS); loopback only unless --clets-any-host
 *   --relay-token TOKEN    secret for the relay endpoints (CCPOR_RELAY_TOKEN)
 *   --relay-batch N        most messages in flight (default 64)
 */
import type { Db } from '../db/types';

import { DbRelayStore } from './dbStore';
import { RelayWorker } from './worker';

/** The relay settings from a command line. */
export type RelayArgs = {
  readonly clets: { readonly host: string; readonly port: number } | undefined;
  readonly token: string | undefined;
  readonly batch: number;
};

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/** Parses `HOST:PORT`; throws a message naming the flag. */
export function parseEndpoint(text: string, allowAnyHost = false): { host: string; port: number } {
  const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(text);
  const port = Number(m?.[2]);
  if (!m || port < 1 || port > 65535) {
    throw new Error(`--clets must be HOST:PORT, e.g. 127.0.0.1:7070, not "${text}"`);
  }
  const host = (m[1] as string).replace(/^\[|\]$/g, '');
  if (!allowAnyHost && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(
      `--clets ${host} is not loopback; a real CLETS link needs the DOJ interface agreement (add --clets-any-host to override)`,
    );
  }
  return { host, port };
}

/** Reads the relay flags. */
export function relayArgs(argv: readonly string[], env: NodeJS.ProcessEnv): RelayArgs {
  const clets = flag(argv, '--clets') ?? env.CCPOR_CLETS;
  const rawBatch = flag(argv, '--relay-batch') ?? '64';
  const batch = Number(rawBatch);
  if (!/^\d+$/.test(rawBatch) || batch < 1 || batch > 500) {
    throw new Error(`--relay-batch must be a whole number from 1 to 500, not "${rawBatch}"`);
  }
  const token = flag(argv, '--relay-token') ?? env.CCPOR_RELAY_TOKEN;
  if (token !== undefined && token.length < 16) {
    throw new Error('--relay-token must be at least 16 characters');
  }
  return {
    clets: clets ? parseEndpoint(clets, argv.includes('--clets-any-host')) : undefined,
    token: token || undefined,
    batch,
  };
}

/**
 * Starts the relay inside the registry process when `--clets` was given; else undefined.
 * `closures` gives each court's closure dates for due-by (the registry's court calendar).
 */
export function startInProcessRelay(
  db: Db,
  args: RelayArgs,
  log: (line: string) => void = (line) => console.error(line),
  closures?: (courtOri: string) => readonly string[],
): RelayWorker | undefined {
  if (!args.clets) return undefined;
  const worker = new RelayWorker({
    store: new DbRelayStore(db, closures ? { closures } : {}),
    clets: args.clets,
    batch: args.batch,
    log,
  }).start();
  log(`[relay] relaying to CLETS at ${args.clets.host}:${args.clets.port}`);
  return worker;
}
