/**
 * README's `npm start` (scripts/start.ts) as a person runs it on a machine without Electron and
 * without a display: it says Electron is missing, builds, starts the embedded demo registry and
 * the host, prints the demo accounts and the address to open, and the workstation enrols itself
 * with the registry without anyone doing anything. SIGTERM stops the registry and the host too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { demoUsers } from '../../../src/shared/auth/demoUsers';
import { freePort } from '../../helpers/ports';

const root = path.resolve(__dirname, '../../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-npm-start-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with everything printed once `pattern` appears; rejects if the process ends first. */
function waitForOutput(proc: ChildProcess, out: { text: string }, pattern: RegExp) {
  return new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(out.text);
      if (m) {
        proc.stdout?.off('data', check);
        resolve(m);
      }
    };
    proc.stdout?.on('data', check);
    proc.once('exit', (code) => reject(new Error(`npm start ended (${code}):\n${out.text}`)));
    check();
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((r) =>
    proc.exitCode !== null ? r(proc.exitCode) : proc.once('exit', (code) => r(code)),
  );

describe('npm start (no Electron binary, no display)', () => {
  it(
    'runs the demo registry and the host, enrols itself, and stops both on SIGTERM',
    { timeout: 180_000 },
    async () => {
      const hostPort = await freePort();
      const registryPort = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        CLERK_DATA_DIR: dataDir,
        CLERK_PORT: String(hostPort),
        CLERK_REGISTRY_PORT: String(registryPort),
      };
      // No display: start.ts must print the address instead of opening a window.
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      delete env.CLERK_REGISTRY_URL;
      const out = { text: '' };
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (out.text += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out.text += d.toString()));

      const [, url] = await waitForOutput(
        child,
        out,
        /Open (http:\/\/127\.0\.0\.1:\d+\/) in Chromium/,
      );
      expect(url).toBe(`http://127.0.0.1:${hostPort}/`);
      expect(out.text).toMatch(/^Electron is not installed here/m);
      expect(out.text).toContain(
        `Demo registry (embedded, data in ${path.join(dataDir, 'registry')})`,
      );
      for (const u of demoUsers) expect(out.text).toContain(`${u.username} / ${u.password}`);

      // The page is served, and the registry the demo started answers on its own port.
      const page = await fetch(url ?? '');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      const health = await fetch(`http://127.0.0.1:${registryPort}/v1/health`);
      expect(health.status).toBe(200);

      // Enrolment happens by itself: main keeps the credential the registry issued.
      const credentialFile = path.join(dataDir, 'sync', 'credential.json');
      const credential = await until('the workstation to enrol', () =>
        existsSync(credentialFile)
          ? (JSON.parse(readFileSync(credentialFile, 'utf8')) as {
              registryUrl: string;
              deviceId: string;
            })
          : undefined,
      );
      expect(credential.registryUrl).toBe(`http://127.0.0.1:${registryPort}/`);
      expect(credential.deviceId).toMatch(/\S/);

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      // Both children are gone: nothing answers on either port.
      await expect(fetch(url ?? '')).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${registryPort}/v1/health`)).rejects.toThrow();
    },
  );
});
