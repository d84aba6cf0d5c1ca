/**
 * The workstation's private SANE configuration, and the environment scanimage runs in.
 *
 * scanimage never sees /etc/sane.d: the system dll.conf loads the net, escl and airscan
 * backends, which run DNS-SD and WS-Discovery on the LAN (devices.md §7.3). We write our own
 * SANE_CONFIG_DIR holding only the backends the workstation is set up for, and run scanimage
 * with exactly that directory (no trailing `:`, which would add the system directories back).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { DiscoveredScanner, SaneSetup } from '../../../../shared/ipc/contracts/scanner';
import { ScanDeviceError } from '../port';

/** Where Debian keeps the backends' own configuration (USB ids, SCSI names) to copy from. */
export const systemSaneDir = '/etc/sane.d';

/** Writes `dir` from `setup`, removing any configuration a previous setup left there. */
export async function writeSaneConfigDir(
  dir: string,
  setup: SaneSetup,
  systemDir = systemSaneDir,
): Promise<void> {
  assertPrivateDir(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of await readdir(dir)) {
    if (name.endsWith('.conf')) await rm(path.join(dir, name), { force: true });
  }
  await writeFile(path.join(dir, 'dll.conf'), setup.backends.map((b) => `${b}\n`).join(''));
  for (const backend of setup.backends) {
    const file = path.join(dir, `${backend}.conf`);
    if (backend === 'net') {
      const hosts = setup.netHosts.map((h) => `${h}\n`).join('');
      await writeFile(file, `connect_timeout = 3\n${hosts}`);
    } else if (backend === 'airscan') {
      // Devices are listed by hand; never search the network for more.
      await writeFile(file, '[options]\ndiscovery = disable\nws-discovery = off\n');
    } else {
      await copyFile(path.join(systemDir, `${backend}.conf`), file).catch(() => undefined);
    }
  }
}

/** Refuses a directory that would make SANE also read the system configuration. */
export function assertPrivateDir(dir: string): void {
  if (!dir || !path.isAbsolute(dir) || dir.includes(':') || dir.includes(';')) {
    throw new ScanDeviceError(
      'failed',
      `SANE configuration folder "${dir}" must be one absolute path (no ":" list)`,
    );
  }
}

/**
 * The environment for scanimage: only what it needs. English messages (parsed by
 * scanimageOutput.ts), our SANE_CONFIG_DIR, and none of the caller's SANE_* overrides
 * (SANE_NET_HOSTS would add hosts behind the clerk's back).
 */
export function scanimageEnv(saneConfigDir: string): NodeJS.ProcessEnv {
  assertPrivateDir(saneConfigDir);
  const env: NodeJS.ProcessEnv = { LC_ALL: 'C', LANG: 'C', SANE_CONFIG_DIR: saneConfigDir };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT']) {
    if (process.env[key]) env[key] = process.env[key];
  }
  return env;
}

/** Runs a program with the SANE environment; resolves with stdout, rejects with stderr text. */
export function runSane(
  program: string,
  args: readonly string[],
  saneConfigDir: string,
  timeoutMs = 30_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      [...args],
      { env: scanimageEnv(saneConfigDir), timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            missing
              ? new ScanDeviceError(
                  'offline',
                  `${program} is not installed (apt install sane-utils)`,
                )
              : Object.assign(new Error(String(stderr || error.message)), { stderr, stdout }),
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/**
 * Lists the devices the private configuration can reach (`scanimage -L` equivalent). Only
 * ever called on the clerk's request from the Devices page.
 */
export async function discoverSaneDevices(
  saneConfigDir: string,
  scanimage = 'scanimage',
): Promise<DiscoveredScanner[]> {
  const { stdout } = await runSane(
    scanimage,
    ['--formatted-device-list=%d\t%v\t%m\t%t%n'],
    saneConfigDir,
  );
  return stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length === 4 && cols[0])
    .map(([device = '', vendor = '', model = '', type = '']) => ({
      kind: 'sane' as const,
      device,
      description: `${vendor} ${model} (${type})`.replace(/\s+/g, ' ').trim(),
    }));
}
