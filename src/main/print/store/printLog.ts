/**
 * The print log: one JSON line per event of a print (requested, submitted, then its outcome),
 * appended to `<dataDir>/print/print-log.jsonl`. Reading folds the lines by job id, so each
 * print appears once with its latest outcome, linked to the print that printed it again. A
 * print whose outcome never came (the app closed) is resolved at the next start
 * (../jobs/reconcile.ts). The lead will route these records into the audit trail and outbox.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

import { printRecordSchema } from '../../../shared/printing/jobs';
import type { PrintRecord, PrintRecordView } from '../../../shared/printing/jobs';

export type PrintRecordFilter = {
  readonly orderId?: string;
  readonly caseNumber?: string;
  readonly limit?: number;
};

export class PrintLog {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'print', 'print-log.jsonl');
  }

  /** Appends one record durably (fsync); appends are serialized so lines never interleave. */
  append(record: PrintRecord): Promise<void> {
    const line = `${JSON.stringify(printRecordSchema.parse(record))}\n`;
    const next = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const fh = await open(this.file, 'a', 0o600);
      try {
        await fh.appendFile(line, 'utf8');
        await fh.datasync();
      } finally {
        await fh.close();
      }
    });
    // A failed append must not block later ones; the caller still sees this one's error.
    this.writing = next.catch(() => {});
    return next;
  }

  /** Records, newest first, one per job; damaged lines (a torn last write) are skipped. */
  async list(filter: PrintRecordFilter = {}): Promise<PrintRecordView[]> {
    const records = (await this.fold())
      .filter(
        (r) =>
          (filter.orderId === undefined || r.orderId === filter.orderId) &&
          (filter.caseNumber === undefined || r.caseNumber === filter.caseNumber),
      )
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return records.slice(0, filter.limit ?? 200);
  }

  /** One job's record with its latest outcome, or null if the log has none. */
  async get(jobId: string): Promise<PrintRecordView | null> {
    return (await this.fold()).find((r) => r.jobId === jobId) ?? null;
  }

  /** Every record still at `requested` or `submitted` (an app that closed mid-print left them). */
  async unfinished(): Promise<PrintRecordView[]> {
    return (await this.fold()).filter(
      (r) => r.outcome === 'requested' || r.outcome === 'submitted',
    );
  }

  /** Folds the lines by job id (the latest line wins) and links each record to its retry. */
  private async fold(): Promise<PrintRecordView[]> {
    await this.writing;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const byJob = new Map<string, PrintRecord>();
    const retriedBy = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let parsed;
      try {
        parsed = printRecordSchema.safeParse(JSON.parse(line));
      } catch {
        continue;
      }
      if (!parsed.success) continue;
      const r = parsed.data;
      byJob.delete(r.jobId); // re-insert so Map order follows the latest line
      byJob.set(r.jobId, r);
      // The first print that named a job as its `retryOf` is the one that printed it again.
      if (r.retryOf !== null && !retriedBy.has(r.retryOf)) retriedBy.set(r.retryOf, r.jobId);
    }
    return [...byJob.values()].map((r) => ({ ...r, retriedBy: retriedBy.get(r.jobId) ?? null }));
  }
}
