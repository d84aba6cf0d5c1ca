/**
 * Scanner settings of this workstation, kept as JSON in `<dataDir>/scanning/scanners.json`:
 * the configured scanners (SANE device, eSCL URL, NAPS2 profile), the per-workstation
 * defaults, and the private SANE setup. The private SANE_CONFIG_DIR is `<dataDir>/scanning/sane`.
 *
 * Writes go to a temporary file renamed over the old one, so a crash mid-write keeps the
 * previous settings. A damaged file is reported, never silently replaced.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import {
  defaultScanSettings,
  saneSetupSchema,
  scannerConfigSchema,
  scannerDefaultsSchema,
} from '../../../shared/ipc/contracts/scanner';
import type {
  SaneSetup,
  ScannerConfig,
  ScannerDefaults,
} from '../../../shared/ipc/contracts/scanner';
import { ServiceError } from '../../../shared/ipc/envelope';

const fileSchema = z.object({
  version: z.literal(1),
  scanners: z.array(scannerConfigSchema),
  defaults: scannerDefaultsSchema,
  sane: saneSetupSchema,
});

/** The stored settings. */
export type ScannerFile = z.infer<typeof fileSchema>;

/** A scanner as the Devices page sends it: any kind, id absent for a new one. */
export type ScannerConfigInput =
  z.input<typeof scannerConfigSchema> extends infer T
    ? T extends unknown
      ? Omit<T, 'id'> & { id?: string | undefined }
      : never
    : never;

const empty: ScannerFile = {
  version: 1,
  scanners: [],
  defaults: { scannerId: null, settings: defaultScanSettings },
  sane: { backends: [], netHosts: [] },
};

/** Reads and writes `scanners.json`; one instance per workstation. */
export class ScannerStore {
  readonly dir: string;
  readonly file: string;
  /** The private SANE_CONFIG_DIR written from `sane`. */
  readonly saneConfigDir: string;
  private cache: ScannerFile | null = null;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'scanning');
    this.file = path.join(this.dir, 'scanners.json');
    this.saneConfigDir = path.join(this.dir, 'sane');
  }

  async read(): Promise<ScannerFile> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.cache = empty);
      throw error;
    }
    let parsed: ReturnType<typeof fileSchema.safeParse> | null = null;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      throw new ServiceError(
        'failed',
        `The scanner settings file ${this.file} is damaged. Ask IT to restore it, or delete it and set the scanners up again on the Devices page.`,
      );
    }
    return (this.cache = parsed.data);
  }

  private async write(next: ScannerFile): Promise<ScannerFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.file);
    return (this.cache = next);
  }

  async get(id: string): Promise<ScannerConfig> {
    const scanner = (await this.read()).scanners.find((s) => s.id === id);
    if (!scanner) {
      throw new ServiceError(
        'not-found',
        `There is no scanner "${id}"; choose one on the Devices page.`,
      );
    }
    return scanner;
  }

  /** Adds (new id) or replaces a scanner; names must be unique. */
  async save(input: ScannerConfigInput): Promise<ScannerFile> {
    const current = await this.read();
    const candidate = scannerConfigSchema.parse({ ...input, id: input.id ?? randomUUID() });
    const clash = current.scanners.find(
      (s) => s.id !== candidate.id && s.name.toLowerCase() === candidate.name.toLowerCase(),
    );
    if (clash) {
      throw new ServiceError(
        'conflict',
        `Another scanner is already called "${candidate.name}"; give this one a different name.`,
        [{ path: 'name', message: 'This name is already used.' }],
      );
    }
    const scanners = current.scanners.some((s) => s.id === candidate.id)
      ? current.scanners.map((s) => (s.id === candidate.id ? candidate : s))
      : [...current.scanners, candidate];
    const defaults =
      current.defaults.scannerId === null && scanners.length === 1
        ? { ...current.defaults, scannerId: candidate.id }
        : current.defaults;
    return this.write({ ...current, scanners, defaults });
  }

  async remove(id: string): Promise<ScannerFile> {
    const current = await this.read();
    await this.get(id);
    const defaults =
      current.defaults.scannerId === id
        ? { ...current.defaults, scannerId: null }
        : current.defaults;
    return this.write({
      ...current,
      scanners: current.scanners.filter((s) => s.id !== id),
      defaults,
    });
  }

  async saveDefaults(defaults: ScannerDefaults): Promise<ScannerFile> {
    const current = await this.read();
    if (defaults.scannerId !== null) await this.get(defaults.scannerId);
    return this.write({ ...current, defaults });
  }

  async saveSane(sane: SaneSetup): Promise<ScannerFile> {
    return this.write({ ...(await this.read()), sane });
  }
}
