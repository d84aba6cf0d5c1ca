/**
 * `npm run host -- --port N`: the host shell alone. Prints `Listening on http://127.0.0.1:N/`
 * once it serves; SIGINT and SIGTERM stop it cleanly.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defaultDataDir } from '../main/services/dataDir';
import { createWorkstation } from '../main/workstation';

import { bridgeFile, projectRoot, rendererDir } from './paths';
import { startHost } from './server';

/** The port from `--port N`, else `CLERK_PORT`, else 4555; 0 picks a free one. */
export function parsePort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : env.CLERK_PORT;
  if (raw === undefined) return 4555;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

/** What the CLI reads; tests point `built` at a throwaway renderer folder. */
export type HostCliOptions = {
  readonly argv?: readonly string[];
  readonly built?: { readonly rendererDir: string; readonly bridgeFile: string };
};

/** Runs the host until SIGINT or SIGTERM; exits 2 on a bad port, 1 when nothing is built. */
export async function main(options: HostCliOptions = {}): Promise<void> {
  const built = options.built ?? { rendererDir, bridgeFile };
  let port: number;
  try {
    port = parsePort(options.argv ?? process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (!existsSync(path.join(built.rendererDir, 'index.html')) || !existsSync(built.bridgeFile)) {
    console.error('The renderer is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dataDir = defaultDataDir(process.env, process.platform, os.homedir());
  const workstation = createWorkstation({ shell: 'host', dataDir, version: pkg.version });
  const host = await startHost({
    port,
    rendererDir: built.rendererDir,
    bridgeFile: built.bridgeFile,
    workstation,
    log: (m) => console.error(`[host] ${m}`),
  });
  console.log(`Listening on ${host.url}`);
  const registryUrl = process.env.CLERK_REGISTRY_URL;
  console.error(
    registryUrl
      ? `[host] registry ${registryUrl}${process.env.CLERK_ENROL_CODE ? ' (enrols on its own when it answers)' : ''}`
      : '[host] no registry configured (CLERK_REGISTRY_URL): orders stay in the outbox; set it in Settings',
  );
  if (process.env.CLERK_PRINT_TOKEN === '1') console.log(`Token ${host.token}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[host] ${signal}: stopping`);
    void host
      .close()
      .then(() => workstation.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port already in use: ${e.message}` : e.message);
    process.exit(1);
  });
}
