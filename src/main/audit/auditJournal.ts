/**
 * The workstation's audit journal: `<dataDir>/audit/journal.jsonl`, one event per line,
 * appended and flushed to disk (fdatasync) before the caller hears "recorded", so a denial is
 * on disk before the renderer is told "forbidden".
 *
 * Hand-over: the renderer asks for pending events, writes them as `audit.append` outbox rows
 * (the same durable outbox as orders) and confirms; `handover.json` keeps how far that went.
 * A crash between the two means the same events are offered again; their idempotency key
 * (`audit-<workstationId>-<seq>`) keeps the outbox from taking them twice.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  GENESIS_HASH,
  workstationAuditEventSchema,
  type AuditFacts,
  type WorkstationAuditEvent,
} from '../../shared/auth/auditEvent';

import { chainProblems, eventHash } from './auditChain';

/** What a caller records; id, time, place and chain are added here. */
export type AuditInput = Omit<AuditFacts, 'eventId' | 'at' | 'where'> & {
  readonly where?: { readonly channel?: string; readonly route?: string };
};

export type AuditJournalOptions = {
  readonly dataDir: string;
  readonly workstationId: string;
  /** The registry's id for this workstation once enrolled (sync), else null. */
  readonly deviceId?: () => string | null;
  readonly now?: () => number;
};

/** Events kept in memory for listing (older ones are read from the file). */
const RECENT = 1000;

export class AuditJournal {
  readonly file: string;
  private readonly handoverFile: string;
  private readonly options: AuditJournalOptions;
  private loaded: Promise<void> | null = null;
  private tail = { seq: 0, hash: GENESIS_HASH };
  private queuedUpTo = 0;
  private recent: WorkstationAuditEvent[] = [];
  private pendingEvents: WorkstationAuditEvent[] = [];
  /** Every event's hash by seq, to recognise the journal's own events in the outbox. */
  private hashes = new Map<number, string>();
  private problems: string[] = [];
  private writing: Promise<unknown> = Promise.resolve();

  constructor(options: AuditJournalOptions) {
    this.options = options;
    this.file = path.join(options.dataDir, 'audit', 'journal.jsonl');
    this.handoverFile = path.join(options.dataDir, 'audit', 'handover.json');
  }

  private load(): Promise<void> {
    this.loaded ??= this.readAll();
    return this.loaded;
  }

  private async readAll(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    try {
      const h = JSON.parse(await readFile(this.handoverFile, 'utf8')) as { queuedUpTo?: unknown };
      if (typeof h.queuedUpTo === 'number' && h.queuedUpTo >= 0) this.queuedUpTo = h.queuedUpTo;
    } catch {
      this.queuedUpTo = 0;
    }
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // A line without its newline is a write the caller never saw finish: drop it.
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) {
      await truncate(this.file, Buffer.byteLength(text.slice(0, end), 'utf8'));
      text = text.slice(0, end);
    }
    const events: WorkstationAuditEvent[] = [];
    text.split('\n').forEach((line, i) => {
      if (line === '') return;
      try {
        events.push(workstationAuditEventSchema.parse(JSON.parse(line)));
      } catch {
        this.problems.push(`line ${i + 1} of the journal is not a valid audit event`);
      }
    });
    this.problems.push(...chainProblems(events));
    for (const e of events) this.hashes.set(e.seq, e.hash);
    const last = events[events.length - 1];
    if (last) this.tail = { seq: last.seq, hash: last.hash };
    this.recent = events.slice(-RECENT);
    this.pendingEvents = events.filter((e) => e.seq > this.queuedUpTo);
  }

  /** Appends one event and flushes it to disk; resolves with the stored event. */
  async record(input: AuditInput): Promise<WorkstationAuditEvent> {
    await this.load();
    const run = this.writing.then(async () => {
      const now = this.options.now?.() ?? Date.now();
      const body: Omit<WorkstationAuditEvent, 'hash'> = {
        eventId: randomUUID(),
        at: new Date(now).toISOString(),
        actor: input.actor,
        ...(input.attemptedUser !== undefined ? { attemptedUser: input.attemptedUser } : {}),
        action: input.action,
        outcome: input.outcome,
        ...(input.reason !== undefined ? { reason: input.reason.slice(0, 300) } : {}),
        ...(input.subject ? { subject: input.subject } : {}),
        where: {
          workstationId: this.options.workstationId,
          deviceId: this.options.deviceId?.() ?? null,
          ...(input.where?.channel ? { channel: input.where.channel } : {}),
          ...(input.where?.route ? { route: input.where.route } : {}),
        },
        seq: this.tail.seq + 1,
        prevHash: this.tail.hash,
      };
      const event = workstationAuditEventSchema.parse({ ...body, hash: eventHash(body) });
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.write(`${JSON.stringify(event)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.tail = { seq: event.seq, hash: event.hash };
      this.hashes.set(event.seq, event.hash);
      this.recent.push(event);
      if (this.recent.length > RECENT) this.recent.shift();
      this.pendingEvents.push(event);
      return event;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * True when `event` is exactly an event of this journal (its content hashes to its hash, and
   * the journal holds that hash at that seq). The page hands events over to the outbox, so main
   * checks each one before sending: a page cannot add, alter or replay audit events.
   */
  async isOwn(event: WorkstationAuditEvent): Promise<boolean> {
    await this.load();
    const { hash, ...body } = event;
    return this.hashes.get(event.seq) === hash && eventHash(body) === hash;
  }

  /** Events not yet in the outbox, oldest first. */
  async pending(limit: number): Promise<WorkstationAuditEvent[]> {
    await this.load();
    return this.pendingEvents.slice(0, limit);
  }

  /** Marks events up to `upToSeq` as written to the outbox; returns the new mark. */
  async confirmQueued(upToSeq: number): Promise<number> {
    await this.load();
    const mark = Math.min(Math.max(this.queuedUpTo, upToSeq), this.tail.seq);
    if (mark !== this.queuedUpTo) {
      const tmp = `${this.handoverFile}.${randomUUID()}.tmp`;
      await writeFile(tmp, JSON.stringify({ queuedUpTo: mark }), { mode: 0o600 });
      await rename(tmp, this.handoverFile);
      this.queuedUpTo = mark;
      this.pendingEvents = this.pendingEvents.filter((e) => e.seq > mark);
    }
    return this.queuedUpTo;
  }

  /** Newest first, up to `limit`, before `beforeSeq` when given. */
  async list(limit: number, beforeSeq?: number): Promise<WorkstationAuditEvent[]> {
    await this.load();
    const below = (e: WorkstationAuditEvent) => beforeSeq === undefined || e.seq < beforeSeq;
    const inMemory = this.recent.filter(below);
    const oldestKept = this.recent[0]?.seq ?? 1;
    if (inMemory.length >= limit || oldestKept <= 1) {
      return inMemory.slice(-limit).reverse();
    }
    const all = (await readFile(this.file, 'utf8'))
      .split('\n')
      .filter((l) => l !== '')
      .flatMap((l) => {
        const r = workstationAuditEventSchema.safeParse(JSON.parse(l));
        return r.success ? [r.data] : [];
      });
    return all.filter(below).slice(-limit).reverse();
  }

  /** What was found wrong with the journal when it was opened (empty = intact). */
  async integrityProblems(): Promise<readonly string[]> {
    await this.load();
    return this.problems;
  }

  /** Waits for writes in progress (for shutdown and tests). */
  async flush(): Promise<void> {
    await this.writing;
  }
}
