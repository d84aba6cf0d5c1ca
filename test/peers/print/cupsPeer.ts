/**
 * A private `cupsd` for tests: its own ServerRoot, spool, cache, state and logs in a temp
 * folder, listening only on 127.0.0.1 at a free port, `Browsing No`, no web interface. Clients
 * reach it with `CUPS_SERVER=127.0.0.1:PORT`; nothing under /etc/cups or /run/cups is used.
 *
 * `addIppQueue` creates a queue forwarding to an IPP printer (`lpadmin -m everywhere`, which
 * builds the PPD from the live printer). Never run `lpinfo -v` against it: that runs every
 * backend in discovery mode (SNMP broadcast, DNS-SD).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort, waitForPort } from '../../helpers/ports';

import { startDaemon } from './processes';

const run = promisify(execFile);

export type CupsPeer = {
  /** The CUPS_SERVER value, `127.0.0.1:PORT`. */
  readonly server: string;
  readonly port: number;
  readonly dir: string;
  addIppQueue(queue: string, printerUri: string): Promise<void>;
  /** Runs a CUPS client command (lp, lpstat, lpadmin …) against this cupsd. */
  client(cmd: string, args: string[]): Promise<string>;
  log(): string;
  stop(): Promise<void>;
};

export async function startCups(): Promise<CupsPeer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-cups-'));
  // Filters and backends run as user lp and must reach the spool files.
  chmodSync(dir, 0o755);
  for (const sub of ['etc/ppd', 'spool/tmp', 'cache', 'state', 'log'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  chmodSync(path.join(dir, 'spool/tmp'), 0o1777);
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'etc/cupsd.conf'),
    [
      'LogLevel info',
      `Listen 127.0.0.1:${port}`,
      'Browsing No',
      'BrowseLocalProtocols none',
      'WebInterface No',
      '<Location />',
      '  Order allow,deny',
      '  Allow 127.0.0.1',
      '</Location>',
      '<Location /admin>',
      '  Order allow,deny',
      '  Allow 127.0.0.1',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'etc/cups-files.conf'),
    [
      `ServerRoot ${dir}/etc`,
      `RequestRoot ${dir}/spool`,
      `TempDir ${dir}/spool/tmp`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `AccessLog ${dir}/log/access_log`,
      `ErrorLog ${dir}/log/error_log`,
      `PageLog ${dir}/log/page_log`,
      'FileDevice No',
      'Sandboxing Relaxed',
      '',
    ].join('\n'),
  );
  const cupsd = startDaemon(
    'cupsd',
    ['-f', '-c', path.join(dir, 'etc/cupsd.conf'), '-s', path.join(dir, 'etc/cups-files.conf')],
    path.join(dir, 'cupsd.log'),
  );
  const server = `127.0.0.1:${port}`;
  const env = { ...process.env, CUPS_SERVER: server, LC_ALL: 'C', LANG: 'C' };
  const client = async (cmd: string, args: string[]) => (await run(cmd, args, { env })).stdout;
  try {
    await waitForPort(port);
  } catch (error) {
    await cupsd.stop();
    throw new Error(`cupsd did not start: ${cupsd.log()}`, { cause: error });
  }
  return {
    server,
    port,
    dir,
    client,
    addIppQueue: async (queue, printerUri) => {
      await client('lpadmin', ['-p', queue, '-E', '-v', printerUri, '-m', 'everywhere']);
    },
    log: () => cupsd.log(),
    stop: async () => {
      await cupsd.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
