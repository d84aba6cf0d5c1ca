/**
 * `npm run host -- --port N` as a process: the exact ready line, and a clean stop on SIGINT
 * and SIGTERM (exit 0, port released). Runs the real CLI code in a child process against a
 * throwaway renderer folder, so it needs no `npm run build`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../../helpers/ports';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'src/host/cli.ts');
let built: { rendererDir: string; bridgeFile: string };

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'host-cli-'));
  await writeFile(path.join(dir, 'index.html'), '<html><head><script src="a.js"></script>');
  await writeFile(path.join(dir, 'bridge.js'), '');
  built = { rendererDir: dir, bridgeFile: path.join(dir, 'bridge.js') };
});

/** Starts the CLI's `main` with the given arguments and environment. */
async function startCli(
  args: string[],
  env: Record<string, string> = {},
  dirs = built,
): Promise<ChildProcessWithoutNullStreams> {
  const code = `require(${JSON.stringify(cli)}).main({ argv: process.argv.slice(1), built: ${JSON.stringify(dirs)} })`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'host-cli-data-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CLERK_DATA_DIR: dataDir, ...env };
  // No registry: the host must not reach out anywhere.
  delete childEnv.CLERK_REGISTRY_URL;
  if (!env.CLERK_PORT) delete childEnv.CLERK_PORT;
  return spawn(process.execPath, ['--import', 'tsx', '-e', code, '--', ...args], {
    cwd: root,
    env: childEnv,
  });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { out, exited };
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (c: Buffer) => {
      buffered += c.toString();
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the host exited (code ${code}) first`)));
  });
}

function getStatus(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('npm run host', () => {
  it.each([
    ['SIGTERM', 'argv'],
    ['SIGINT', 'env'],
  ] as const)(
    'prints exactly the ready line, serves, and stops cleanly on %s (port from %s)',
    async (signal, from) => {
      const port = await freePort();
      const child =
        from === 'argv'
          ? await startCli(['--port', String(port)])
          : await startCli([], { CLERK_PORT: String(port) });
      const { out, exited } = collect(child);
      expect(await firstLine(child)).toBe(`Listening on http://127.0.0.1:${port}/`);
      expect(await getStatus(port)).toBe(200);

      child.kill(signal);
      expect(await exited).toBe(0);
      expect(out.stderr).toContain(`${signal}: stopping`);
      expect(await portIsFree(port)).toBe(true);
    },
  );

  it('refuses a port that is not a number with exit 2, serving nothing', async () => {
    const child = await startCli(['--port', 'abc']);
    const { out, exited } = collect(child);
    expect(await exited).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/--port must be a whole number/);
  });

  it('says to build first when there is no renderer, with exit 1', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'host-cli-empty-'));
    const child = await startCli(
      ['--port', String(await freePort())],
      {},
      {
        rendererDir: empty,
        bridgeFile: path.join(empty, 'bridge.js'),
      },
    );
    const { out, exited } = collect(child);
    expect(await exited).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/npm run build/);
  });
});
