/**
 * Registry configuration from the command line and the environment.
 *
 * Flags win over environment variables. Loopback by default: binding elsewhere needs an explicit
 * `--host` (and, in production, TLS in front; reliability-security.md A-21).
 */
import os from 'node:os';
import path from 'node:path';

/** Everything the registry process needs to start. */
export type RegistryConfig = {
  readonly host: string;
  readonly port: number;
  /** A real PostgreSQL; absent → embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Demo mode: this code enrols any court. Absent → only one-time codes enrol. */
  readonly adminCode: string | undefined;
  readonly maxPageBytes: number;
  readonly maxChunkBytes: number;
  /** Log one line per request (method, route pattern, status, ms); never URLs or bodies. */
  readonly logRequests: boolean;
};

/** Size caps checked before storing (reliability-security.md R-SYNC-13). */
export const DEFAULT_LIMITS = {
  maxPageBytes: 25 * 1024 * 1024,
  maxChunkBytes: 4 * 1024 * 1024,
} as const;

/** Where the embedded database lives when `--data-dir` / REGISTRY_DATA_DIR are not given. */
export function defaultRegistryDataDir(env: NodeJS.ProcessEnv, home: string): string {
  if (env.REGISTRY_DATA_DIR) return path.resolve(env.REGISTRY_DATA_DIR);
  const base = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return path.join(base, 'ccpor-registry');
}

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/** Builds the configuration; throws an Error whose message says which flag to fix. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): RegistryConfig {
  const rawPort = flag(argv, '--port') ?? env.REGISTRY_PORT ?? '4556';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${rawPort}"`);
  }
  const databaseUrl = flag(argv, '--database-url') ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      '--database-url must start with postgres:// (e.g. postgres://user@127.0.0.1:5432/ccpor)',
    );
  }
  const dataDirFlag = flag(argv, '--data-dir');
  return {
    host: flag(argv, '--host') ?? env.REGISTRY_HOST ?? '127.0.0.1',
    port,
    databaseUrl: databaseUrl || undefined,
    dataDir: dataDirFlag ? path.resolve(dataDirFlag) : defaultRegistryDataDir(env, os.homedir()),
    adminCode: flag(argv, '--admin-code') ?? env.REGISTRY_ADMIN_CODE ?? undefined,
    ...DEFAULT_LIMITS,
    logRequests: argv.includes('--log-requests') || env.REGISTRY_LOG_REQUESTS === '1',
  };
}
