/**
 * `npm start`: runs the workstation, in demo mode with its own registry.
 *
 * Demo mode: unless CLERK_REGISTRY_URL names a registry already running, it first starts the
 * embedded registry (PGlite, data in `<app data folder>/registry`) on 127.0.0.1 port
 * CLERK_REGISTRY_PORT (default 4556) with a fresh administrator code, and hands the workstation
 * the address and that code, so the workstation enrols itself (court CLERK_COURT_ORI, default
 * CA034999J) as soon as the registry answers. Stopping `npm start` stops both. Demo mode also
 * gives both the demo accounts (src/shared/auth/demoUsers.ts, printed at start) so someone can
 * sign in: the workstation seeds them into an empty account store (CLERK_DEMO=1).
 *
 * Where the Electron binary is installed it starts Electron through Forge. Where it is not (as
 * on the team's build machines) it says so in one line, builds the renderer, starts the host
 * shell and opens Chromium in app mode with a private profile under the data folder, or, with
 * no browser or no display, prints the address to open.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromiumAppArgs, chromiumProfileDir } from '../src/host/appWindow';
import { defaultDataDir } from '../src/main/services/dataDir';
import { DEMO_COURT, demoUsers } from '../src/shared/auth/demoUsers';

const root = path.resolve(__dirname, '..');

/** The installed Electron binary, found without `require('electron')`, which would try to download it. */
function electronBinary(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function findBrowser(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/** What the workstation needs to reach (and enrol with) the demo registry. */
type RegistryLink = {
  readonly child: ChildProcess | null;
  readonly env: Record<string, string>;
};

/** Starts the embedded registry, or uses the one CLERK_REGISTRY_URL names. */
function startRegistry(dataDir: string): Promise<RegistryLink> {
  if (process.env.CLERK_REGISTRY_URL) {
    console.log(`Using the registry at ${process.env.CLERK_REGISTRY_URL} (CLERK_REGISTRY_URL).`);
    return Promise.resolve({ child: null, env: {} });
  }
  const port = process.env.CLERK_REGISTRY_PORT ?? '4556';
  const registryDir = path.join(dataDir, 'registry');
  mkdirSync(registryDir, { recursive: true });
  // A fresh administrator code per run: it only has to enrol this workstation once; the
  // credential it yields outlives the code.
  const adminCode = `demo-${randomBytes(12).toString('hex')}`;
  const args = ['--import', 'tsx', 'src/registry/cli.ts', '--port', port];
  args.push('--data-dir', registryDir, '--admin-code', adminCode, '--demo-users');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /Registry listening on (http:\/\/\S+)/.exec(buffered);
      if (!m?.[1]) return;
      console.log(`Demo registry (embedded, data in ${registryDir}) at ${m[1]}`);
      console.log(
        `Demo accounts (user / password): ${demoUsers.map((u) => `${u.username} / ${u.password}`).join(', ')}`,
      );
      resolve({
        child,
        env: {
          CLERK_REGISTRY_URL: m[1],
          CLERK_ENROL_CODE: adminCode,
          CLERK_COURT_ORI: process.env.CLERK_COURT_ORI ?? DEMO_COURT,
          // The same demo accounts on the workstation, so someone can sign in at all.
          CLERK_DEMO: '1',
        },
      });
    });
    child.once('exit', (code) =>
      reject(
        new Error(
          `The demo registry did not start (code ${code}). If port ${port} is taken, set CLERK_REGISTRY_PORT to a free port, or CLERK_REGISTRY_URL to a registry that is already running.`,
        ),
      ),
    );
  });
}

function startHost(
  port: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', '--port', port], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      process.stdout.write(chunk);
      const m = /Listening on (http:\/\/\S+)/.exec(buffered);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`the host exited early (code ${code})`)));
  });
}

/** Stops a child and resolves once it has exited (at once if it already has). */
function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir(process.env, process.platform, os.homedir());
  const electron = electronBinary();
  if (electron) {
    const registry = await startRegistry(dataDir);
    const r = spawnSync('npx', ['electron-forge', 'start'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...registry.env },
    });
    await stopChild(registry.child);
    process.exit(r.status ?? 1);
  }
  console.log(
    'Electron is not installed here (its binary cannot be downloaded); running the browser host instead.',
  );
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const registry = await startRegistry(dataDir);
  let host: ChildProcess | null = null;
  let stopping = false;
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([stopChild(host), stopChild(registry.child)]).then(() => process.exit(0));
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  registry.child?.once('exit', (code) => {
    if (!stopping) {
      console.error(
        `The demo registry stopped (code ${code}); orders stay queued in the outbox until a registry answers.`,
      );
    }
  });
  let url: string;
  try {
    ({ child: host, url } = await startHost(process.env.CLERK_PORT ?? '4555', registry.env));
  } catch (error) {
    await stopChild(registry.child);
    throw error;
  }
  host.once('exit', (code) => {
    if (stopping) return;
    stopping = true;
    void stopChild(registry.child).then(() => process.exit(code ?? 0));
  });

  const browser = findBrowser();
  const hasDisplay =
    process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!browser || !hasDisplay) {
    console.log(
      `Open ${url} in Chromium or Chrome (${browser ? 'no display found' : 'no Chromium or Chrome found'}).`,
    );
    return;
  }
  const profile = chromiumProfileDir(dataDir);
  mkdirSync(profile, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const window = spawn(browser, chromiumAppArgs(url, profile, asRoot), { stdio: 'ignore' });
  window.once('exit', (code) => {
    // Closing the app window stops the workstation, as closing the desktop app would.
    if (code === 0 || stopping) return stopAll();
    // A browser that failed to start must not take the workstation down with it.
    console.error(`Chromium stopped (code ${code}); open ${url} in a browser. Ctrl+C stops.`);
  });
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
