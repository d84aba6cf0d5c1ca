/**
 * A throw-away PostgreSQL 15 cluster for integration tests and scripts.
 *
 * Real peer, not a mock: Debian's PostgreSQL 15 binaries, `initdb` run as the `postgres` OS user
 * into a temp dir (we are root in CI and PostgreSQL refuses to run as root), listening only on
 * 127.0.0.1 at a free port with its Unix socket in a private temp dir. fsync is off because a
 * test cluster never has to survive a power cut; `stop()` shuts it down fast and deletes it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './ports';

/** Where Debian puts the PostgreSQL 15 server binaries. */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export type PgCluster = {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth on loopback only). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates a fresh database and returns its URL, so each suite gets its own schema. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and deletes its files. Safe to call twice. */
  stop(): Promise<void>;
  /** The server's log so far (for failure messages). */
  log(): string;
};

export type PgClusterOptions = {
  /** Extra `-c name=value` settings, e.g. `{ shared_buffers: '1GB' }`. */
  readonly settings?: Readonly<Record<string, string>>;
  /** fsync on/off; off (default) for tests, on for the 1M load script's honest figures. */
  readonly fsync?: boolean;
};

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** Runs a binary as the `postgres` user when we are root (initdb/postgres refuse root). */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function waitReady(port: number, socketDir: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited early (code ${child.exitCode})`);
    try {
      execFileSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
        stdio: 'ignore',
      });
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`postgres on port ${port} (${socketDir}) not ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Fast shutdown through pg_ctl: runuser does not forward signals, so signalling our child would
 * only kill runuser and orphan the server. pg_ctl signals the postmaster from its pid file.
 */
function stopServer(dataDir: string): void {
  const [cmd, args] = asPostgres(path.join(PG_BIN, 'pg_ctl'), [
    'stop',
    '-D',
    dataDir,
    '-m',
    'fast',
    '-w',
    '-t',
    '20',
  ]);
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
  } catch {
    // Not running (never started, or already stopped): nothing to do.
  }
}

/** Starts a private PostgreSQL 15 cluster; call `stop()` in afterAll. */
export async function startPostgres(options: PgClusterOptions = {}): Promise<PgCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ccpor-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  const { uid, gid } = postgresIds();
  chmodSync(root, 0o755);
  chownSync(root, uid, gid);
  // initdb creates dataDir itself; the socket dir must exist and belong to postgres.
  execFileSync('mkdir', [socketDir]);
  chownSync(socketDir, uid, gid);
  const pwfile = path.join(root, 'pw');
  writeFileSync(pwfile, 'postgres\n');
  chownSync(pwfile, uid, gid);

  const [initCmd, initArgs] = asPostgres(path.join(PG_BIN, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });

  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    fsync: options.fsync ? 'on' : 'off',
    synchronous_commit: options.fsync ? 'on' : 'off',
    full_page_writes: options.fsync ? 'on' : 'off',
    max_connections: '100',
    ...options.settings,
  };
  const args = ['-D', dataDir, '-p', String(port), '-k', socketDir];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const [cmd, cmdArgs] = asPostgres(path.join(PG_BIN, 'postgres'), args);
  // The log goes to a file, not a pipe, so a lingering server never keeps the test process alive.
  const logFile = path.join(root, 'server.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(cmd, cmdArgs, { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  child.unref();
  const readLog = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  try {
    await waitReady(port, socketDir, child);
  } catch (error) {
    stopServer(dataDir);
    throw new Error(`${(error as Error).message}\n${readLog()}`);
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const [c, a] = asPostgres(path.join(PG_BIN, 'psql'), [
        '-h',
        socketDir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-qc',
        `CREATE DATABASE ${name}`,
      ]);
      execFileSync(c, a, { stdio: 'ignore' });
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      stopServer(dataDir);
      rmSync(root, { recursive: true, force: true });
    },
    log: readLog,
  };
}
