/**
 * `npm start`: runs the workstation.
 *
 * Where the Electron binary is installed it starts Electron through Forge. Where it is not (as
 * on the team's build machines) it says so in one line, builds the renderer, starts the host
 * shell and opens Chromium in app mode with a private profile under the data folder, or, with
 * no browser or no display, prints the address to open.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defaultDataDir } from '../src/main/services/dataDir';

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

function startHost(port: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', '--port', port], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
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

async function main(): Promise<void> {
  const electron = electronBinary();
  if (electron) {
    const r = spawnSync('npx', ['electron-forge', 'start'], { cwd: root, stdio: 'inherit' });
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

  const { child: host, url } = await startHost(process.env.CLERK_PORT ?? '4555');
  const stopAll = () => {
    host.kill('SIGTERM');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  host.once('exit', (code) => process.exit(code ?? 0));

  const browser = findBrowser();
  const hasDisplay =
    process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!browser || !hasDisplay) {
    console.log(
      `Open ${url} in Chromium or Chrome (${browser ? 'no display found' : 'no Chromium or Chrome found'}).`,
    );
    return;
  }
  const profile = path.join(
    defaultDataDir(process.env, process.platform, os.homedir()),
    'chromium-profile',
  );
  mkdirSync(profile, { recursive: true });
  const window = spawn(
    browser,
    [
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--window-size=1440,900',
    ],
    { stdio: 'ignore' },
  );
  // Closing the app window stops the workstation, as closing the desktop app would.
  window.once('exit', stopAll);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
