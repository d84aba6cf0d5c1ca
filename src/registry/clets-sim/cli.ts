/**
 * `node --import tsx src/registry/clets-sim/cli.ts --port N [--control-port M] [--state FILE]
 *  [--delay MS] [--drop-every N] [--reject TAG=TEXT] [--fsync]`
 *
 * Starts the CLETS simulator (the only fake in the registry → relay → CLETS chain) and prints
 * `CLETS simulator listening on 127.0.0.1:N` and `CLETS simulator control on 127.0.0.1:M`.
 * SIGINT/SIGTERM close it; the state file keeps everything for the next start.
 */
import os from 'node:os';
import path from 'node:path';

import type { Faults } from './faults';
import { startSimulator } from './server';

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

function portFlag(argv: readonly string[], name: string, fallback: string): number {
  const raw = flag(argv, name) ?? fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535)
    throw new Error(`${name} must be a port number from 0 to 65535, not "${raw}"`);
  return n;
}

const KNOWN = [
  '--port',
  '--control-port',
  '--state',
  '--delay',
  '--drop-every',
  '--reject',
  '--fsync',
];

/** Parses the command line into simulator options; throws with a message naming the flag. */
export function parseSimArgs(argv: readonly string[], env: NodeJS.ProcessEnv) {
  for (const a of argv) {
    if (a.startsWith('--') && !KNOWN.includes(a))
      throw new Error(`Unknown option ${a}; options: ${KNOWN.join(' ')}`);
  }
  const faults: Partial<Faults> = {};
  const delay = flag(argv, '--delay');
  if (delay !== undefined) {
    if (!/^\d+$/.test(delay)) throw new Error('--delay must be milliseconds, e.g. --delay 200');
    faults.delayMs = Number(delay);
  }
  const every = flag(argv, '--drop-every');
  if (every !== undefined) {
    if (!/^\d+$/.test(every))
      throw new Error('--drop-every must be a whole number, e.g. --drop-every 10');
    faults.dropEvery = Number(every);
  }
  const reject = flag(argv, '--reject');
  if (reject !== undefined) {
    const m = /^([A-Z][A-Z0-9]{1,3})=(.+)$/.exec(reject);
    if (!m) throw new Error('--reject must be TAG=TEXT, e.g. --reject NAM=REJECTME');
    faults.rules = [{ tag: m[1] as string, contains: m[2] as string }];
  }
  const dataHome = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return {
    port: portFlag(argv, '--port', env.CLETS_SIM_PORT ?? '0'),
    controlPort: portFlag(argv, '--control-port', env.CLETS_SIM_CONTROL_PORT ?? '0'),
    stateFile: path.resolve(
      flag(argv, '--state') ??
        env.CLETS_SIM_STATE ??
        path.join(dataHome, 'ccpor-clets-sim', 'state.jsonl'),
    ),
    fsync: argv.includes('--fsync'),
    faults,
  };
}

async function main(): Promise<void> {
  const options = parseSimArgs(process.argv.slice(2), process.env);
  const sim = await startSimulator({ ...options, log: (line) => console.error(line) });
  console.log(`CLETS simulator listening on 127.0.0.1:${sim.port}`);
  console.log(`CLETS simulator control on 127.0.0.1:${sim.controlPort}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    console.error(
      e.code === 'EADDRINUSE' ? `Port already in use: ${e.message}` : `clets-sim: ${e.message}`,
    );
    process.exit(1);
  });
}
