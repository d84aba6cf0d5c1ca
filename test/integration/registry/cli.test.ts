/**
 * The `npm run registry` command: prints its listening line once it serves, binds loopback,
 * stops cleanly on SIGTERM and SIGINT (exit 0, store reopens), issues one-time enrolment codes,
 * and refuses bad flags with a message saying what to fix.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { RegistryClient } from '../../../src/registry/client/registryClient';
import { freePort } from '../../helpers/ports';

import { freshPgliteDir } from './env';

const root = path.resolve(__dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) spawnSync('rm', ['-rf', d]);
});

/** Runs the command until it prints its listening line; returns the child and its exit promise. */
function start(command: string, args: string[]) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) =>
    child.once('exit', (code, signal) => r(code ?? (signal ? -1 : null))),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Registry listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { child, exit, listening, stderr: () => err };
}

describe('npm run registry', () => {
  it('serves on loopback, answers health and stops cleanly on SIGTERM (through npm)', async () => {
    const dir = await freshPgliteDir();
    dirs.push(dir);
    const port = await freePort();
    const run = start('npm', [
      'run',
      '--silent',
      'registry',
      '--',
      '--port',
      String(port),
      '--data-dir',
      dir,
    ]);
    const url = await run.listening;
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(await new RegistryClient({ baseUrl: url }).health()).toMatchObject({
      status: 'ok',
      backend: 'pglite',
    });
    // Ctrl-C in a terminal signals the whole process group (npm and the registry).
    process.kill(-(run.child.pid ?? 0), 'SIGTERM');
    await run.exit;
    // The registry released its port and its store: both can be used again at once.
    const again = start(process.execPath, [
      '--import',
      'tsx',
      'src/registry/cli.ts',
      '--port',
      String(port),
      '--data-dir',
      dir,
    ]);
    expect(await again.listening).toBe(url);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
    expect(again.stderr()).toContain('SIGTERM: stopping');
  });

  it('issues a one-time code while stopped, then enrols with it; SIGINT also stops cleanly', async () => {
    const dir = await freshPgliteDir();
    dirs.push(dir);
    const issue = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/registry/cli.ts',
        'issue-code',
        '--court',
        'CA034999J',
        '--data-dir',
        dir,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(issue.status).toBe(0);
    const code = /Enrolment code for CA034999J: ([0-9A-F]+)/.exec(issue.stdout)?.[1];
    expect(code).toBeDefined();
    const port = await freePort();
    const run = start(process.execPath, [
      '--import',
      'tsx',
      'src/registry/cli.ts',
      '--port',
      String(port),
      '--data-dir',
      dir,
    ]);
    const url = await run.listening;
    const enrolment = await new RegistryClient({ baseUrl: url }).enrol(code ?? '');
    expect(enrolment.courtOri).toBe('CA034999J');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('SIGINT: stopping');
  });

  it('refuses bad flags and unknown commands with a message saying what to fix', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/registry/cli.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const badPort = cli(['--port', 'eighty']);
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
    const badUrl = cli(['--port', '0', '--database-url', 'mysql://x']);
    expect(badUrl.stderr).toContain('--database-url must start with postgres://');
    const unknown = cli(['frobnicate']);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });
});
