/**
 * The relay in its own process:
 * `node --import tsx src/registry/relay/cli.ts --registry http://127.0.0.1:N/ --clets 127.0.0.1:M
 *  [--relay-token TOKEN] [--relay-batch N]`
 *
 * It keeps no state of its own (the registry holds every message id before it is sent), so it
 * may be killed at any moment and started again. Prints `CLETS relay running: …` once started.
 */
import { HttpRelayStore } from './httpStore';
import { relayArgs } from './setup';
import { RelayWorker } from './worker';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = relayArgs(argv, process.env);
  const i = argv.indexOf('--registry');
  const registry = i >= 0 ? argv[i + 1] : process.env.CCPOR_REGISTRY_URL;
  if (!registry || !/^https?:\/\//.test(registry)) {
    throw new Error('--registry URL is required, e.g. --registry http://127.0.0.1:4556/');
  }
  if (!args.clets) throw new Error('--clets HOST:PORT is required, e.g. --clets 127.0.0.1:7070');
  if (!args.token) throw new Error('--relay-token (or CCPOR_RELAY_TOKEN) is required');
  const worker = new RelayWorker({
    store: new HttpRelayStore({ baseUrl: registry, token: args.token }),
    clets: args.clets,
    batch: args.batch,
    log: (line) => console.error(line),
  }).start();
  console.log(`CLETS relay running: ${registry} → ${args.clets.host}:${args.clets.port}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void worker.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`relay: ${(error as Error).message}`);
    process.exit(1);
  });
}
