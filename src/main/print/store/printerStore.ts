/**
 * Courtroom printers, kept as JSON in `<dataDir>/print/printers.json`.
 *
 * Writes go to a temporary file that is then renamed over the old one, so a crash mid-write
 * leaves the previous settings intact.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { ServiceError } from '../../../shared/ipc/envelope';
import { printerConfigSchema } from '../../../shared/printing/printers';
import type { PrinterConfig, PrinterConfigInput } from '../../../shared/printing/printers';

const fileSchema = z.object({ version: z.literal(1), printers: z.array(printerConfigSchema) });

export class PrinterStore {
  readonly file: string;
  private cache: PrinterConfig[] | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'print', 'printers.json');
  }

  async list(): Promise<PrinterConfig[]> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.cache = []);
      throw error;
    }
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      throw new ServiceError(
        'failed',
        `The printer settings file ${this.file} is damaged. Ask IT to restore it or delete it and set the printers up again.`,
      );
    }
    return (this.cache = parsed.data.printers);
  }

  async get(id: string): Promise<PrinterConfig> {
    const printer = (await this.list()).find((p) => p.id === id);
    if (!printer)
      throw new ServiceError(
        'not-found',
        `There is no printer "${id}"; choose one from the printer list.`,
      );
    return printer;
  }

  /** Adds or replaces a printer (by id); names must be unique. Returns the full list. */
  async save(input: PrinterConfigInput): Promise<PrinterConfig[]> {
    const parsed = printerConfigSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      throw new ServiceError(
        'invalid-input',
        `The printer settings are not valid (${issues[0]?.path}: ${issues[0]?.message}).`,
        issues,
      );
    }
    const printer = parsed.data;
    const current = await this.list();
    const clash = current.find(
      (p) => p.id !== printer.id && p.name.toLowerCase() === printer.name.toLowerCase(),
    );
    if (clash) {
      throw new ServiceError(
        'conflict',
        `Another printer is already called "${printer.name}"; choose a different name.`,
        [{ path: 'name', message: 'This name is taken.' }],
      );
    }
    const next = current.some((p) => p.id === printer.id)
      ? current.map((p) => (p.id === printer.id ? printer : p))
      : [...current, printer];
    await this.write(next);
    return next;
  }

  async remove(id: string): Promise<PrinterConfig[]> {
    const current = await this.list();
    if (!current.some((p) => p.id === id))
      throw new ServiceError('not-found', `There is no printer "${id}".`);
    const next = current.filter((p) => p.id !== id);
    await this.write(next);
    return next;
  }

  private async write(printers: PrinterConfig[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ version: 1, printers }, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.file);
    this.cache = printers;
  }
}
