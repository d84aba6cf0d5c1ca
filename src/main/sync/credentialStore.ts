/**
 * The device credential and the registry address chosen in Settings, on disk in the data
 * folder, readable only by the workstation's OS user (mode 0600 in a 0700 folder).
 *
 * The credential is what the registry trusts this workstation by; it stays in main and never
 * crosses IPC. Files are written atomically (temp file, fsync, rename) so a crash leaves the
 * old or the new credential, never half of one.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { privateFileMode, writePrivateFileSync } from '../services/privateFile';

const credentialFileSchema = z.object({
  version: z.literal(1),
  registryUrl: z.string(),
  deviceId: z.string(),
  courtOri: z.string(),
  credential: z.string(),
  enrolledAt: z.string(),
});

/** What enrolment gave this workstation, and for which registry. */
export type StoredCredential = z.infer<typeof credentialFileSchema>;

const settingsFileSchema = z.object({ registryUrl: z.string().nullable() });

const pushStateSchema = z.object({ deviceId: z.string(), lastSeq: z.number().int().min(0) });

/** The registry's last applied seq for a device, as its last push answer said. */
export type PushState = z.infer<typeof pushStateSchema>;

/** Owner-only permissions: rw for the file, rwx for the folder. */
export const credentialFileMode = privateFileMode;
const folderMode = 0o700;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads and writes `<dataDir>/sync/credential.json` and `<dataDir>/sync/settings.json`. */
export class CredentialStore {
  readonly folder: string;
  readonly credentialFile: string;
  readonly settingsFile: string;
  readonly pushStateFile: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'sync');
    this.credentialFile = path.join(this.folder, 'credential.json');
    this.settingsFile = path.join(this.folder, 'settings.json');
    this.pushStateFile = path.join(this.folder, 'push-state.json');
  }

  private ensureFolder(): void {
    mkdirSync(this.folder, { recursive: true, mode: folderMode });
    chmodSync(this.folder, folderMode);
  }

  /**
   * The stored credential, or undefined when there is none. A file others could read is
   * tightened to 0600 first; a damaged file counts as "not enrolled" (enrol again), and the
   * reason is returned so it can be shown.
   */
  loadCredential(): { credential: StoredCredential | undefined; problem: string | undefined } {
    let raw: unknown;
    try {
      if ((statSync(this.credentialFile).mode & 0o077) !== 0) {
        chmodSync(this.credentialFile, credentialFileMode);
      }
      raw = readJson(this.credentialFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { credential: undefined, problem: undefined };
      }
      return {
        credential: undefined,
        problem: `The stored registry credential could not be read (${(error as Error).message}); enrol again.`,
      };
    }
    const parsed = credentialFileSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        credential: undefined,
        problem: 'The stored registry credential is damaged; enrol this workstation again.',
      };
    }
    return { credential: parsed.data, problem: undefined };
  }

  saveCredential(credential: StoredCredential): void {
    this.ensureFolder();
    writePrivateFileSync(this.credentialFile, `${JSON.stringify(credential, null, 2)}\n`);
  }

  forgetCredential(): void {
    rmSync(this.credentialFile, { force: true });
  }

  /** The address chosen in Settings (null when none). */
  loadRegistryUrl(): string | null {
    try {
      const parsed = settingsFileSchema.safeParse(readJson(this.settingsFile));
      return parsed.success ? parsed.data.registryUrl : null;
    } catch {
      return null;
    }
  }

  saveRegistryUrl(registryUrl: string | null): void {
    this.ensureFolder();
    writePrivateFileSync(this.settingsFile, `${JSON.stringify({ registryUrl })}\n`);
  }

  /** The remembered last applied seq of `deviceId`, or undefined when none is remembered. */
  loadLastSeq(deviceId: string): number | undefined {
    try {
      const parsed = pushStateSchema.safeParse(readJson(this.pushStateFile));
      return parsed.success && parsed.data.deviceId === deviceId ? parsed.data.lastSeq : undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers the registry's answer on disk (fsync) before the outbox is told the results. */
  saveLastSeq(state: PushState): void {
    this.ensureFolder();
    writePrivateFileSync(this.pushStateFile, `${JSON.stringify(state)}\n`);
  }
}
