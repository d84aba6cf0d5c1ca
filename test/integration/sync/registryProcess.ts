/**
 * The registry as a real child process (`src/registry/cli.ts`, embedded PGlite in a temp data
 * dir) on a loopback port, for the sync suites and the Playwright sync test. It can be stopped
 * and started again on the same port and data dir, which is what "offline, then back" means.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export type RegistryProcess = {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly adminCode: string;
  readonly running: boolean;
  /** Starts it (again) on the same port and data dir; resolves once it serves. */
  start(): Promise<void>;
  /** SIGTERM and wait for exit (the registry closes its database cleanly). */
  stop(): Promise<void>;
  /** Stops it and deletes the data dir. */
  dispose(): Promise<void>;
};

/** A registry child process (not started yet) for `port`. */
export function registryProcess(options: {
  readonly port: number;
  readonly adminCode?: string;
  readonly dataDir?: string;
  /** More CLI arguments, e.g. `['--clets', '127.0.0.1:PORT']` for the in-process relay. */
  readonly args?: readonly string[];
}): RegistryProcess {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ccpor-sync-registry-'));
  const adminCode = options.adminCode ?? 'sync-test-admin-code';
  let child: ChildProcess | null = null;
  const self = {
    url: `http://127.0.0.1:${options.port}/`,
    port: options.port,
    dataDir,
    adminCode,
    get running() {
      return child !== null;
    },
    start(): Promise<void> {
      if (child) return Promise.resolve();
      const args = ['--import', 'tsx', 'src/registry/cli.ts', '--port', String(options.port)];
      args.push('--data-dir', dataDir, '--admin-code', adminCode, ...(options.args ?? []));
      const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      return new Promise<void>((resolve, reject) => {
        let out = '';
        let err = '';
        const timer = setTimeout(() => reject(new Error(`registry did not start: ${err}`)), 60_000);
        proc.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Registry listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.stderr?.on('data', (chunk: Buffer) => {
          err += chunk.toString();
        });
        proc.once('exit', (code) => {
          if (child === proc) child = null;
          clearTimeout(timer);
          reject(new Error(`registry exited (code ${code}): ${err}`));
        });
      });
    },
    async stop(): Promise<void> {
      const proc = child;
      if (!proc) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
      child = null;
    },
    async dispose(): Promise<void> {
      await self.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
