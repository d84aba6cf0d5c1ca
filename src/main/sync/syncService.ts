/**
 * The workstation's side of the registry link, in main (no electron import): the registry
 * address, the device credential (never handed to the renderer), enrolment, and push / page
 * upload / pull on the renderer's behalf. Connectivity comes only from real answers: every
 * request's outcome updates it, and while the registry is unreachable a health check repeats
 * with backoff, so going offline and back needs no one to press anything.
 */
import { RegistryHttpError, TransientError } from '../../registry/client/http';
import { RegistryClient } from '../../registry/client/registryClient';
import type { CourtRules } from '../../shared/ipc/contracts/calendar';
import type { ListDeadlinesResult, RegistryDeadlines } from '../../shared/ipc/contracts/clets';
import { ServiceError } from '../../shared/ipc/envelope';
import type {
  Connectivity,
  EnrolInput,
  PullResult,
  PushBatchResult,
  PushRow,
  SyncStatus,
  UploadPageResult,
} from '../../shared/ipc/contracts/sync';

import { CourtCalendarCopy } from './courtCalendarCopy';
import { CredentialStore, type StoredCredential } from './credentialStore';
import { enrolmentError, enrolWorkstation } from './enrolment';
import { toPulledChanges } from './pullChanges';
import { ProbeTimer } from './probeTimer';
import { pushRows } from './pushRows';
import { RegistryUserLink } from './registryUserLink';
import { normaliseRegistryUrl, readSyncEnv } from './syncConfig';

export type SyncServiceOptions = {
  readonly dataDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Called whenever the status changes (publish it, update the status bar). */
  readonly onChange?: (status: SyncStatus) => void;
  readonly fetch?: typeof fetch;
  /** Per request to the registry; a timeout counts as "outcome unknown". Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Health checks while offline back off from 1 s to this cap (equal jitter). Default 10 s. */
  readonly probeCapMs?: number;
  /** Health check interval while online and idle. Default 30 s. */
  readonly onlineCheckMs?: number;
  readonly random?: () => number;
  readonly now?: () => Date;
};

const notReady: Record<Exclude<Connectivity, 'online' | 'offline' | 'connecting'>, string> = {
  'not-configured': 'No registry address is set: orders stay in the outbox. Set it in Settings.',
  'not-enrolled': 'This workstation is not enrolled with the registry yet: enrol it in Settings.',
  refused: 'The registry refused this workstation (credential unknown or revoked): enrol again.',
};

export class SyncService {
  private readonly store: CredentialStore;
  private readonly env: ReturnType<typeof readSyncEnv>;
  private url: string | null = null;
  private credential: StoredCredential | undefined;
  private lastSeq: number | undefined;
  private connectivity: Connectivity = 'not-configured';
  private detail = notReady['not-configured'];
  private lastContactAt: string | null = null;
  private autoEnrolFailed = false;
  private readonly probes: ProbeTimer;
  private closed = false;
  private pushChain: Promise<unknown> = Promise.resolve();
  /** The signed-in user's registry session, for searches and reviews (registryUserLink.ts). */
  readonly userLink: RegistryUserLink = new RegistryUserLink({
    client: () => this.ready()?.client,
    problem: () => this.detail,
    failed: (error) => this.failed(error),
    contact: () => this.contact(),
  });
  /** The last deadline lists the registry sent, and when (ms, this clock): shown while offline. */
  private lastDeadlines: { lists: RegistryDeadlines; receivedAt: number } | undefined;
  /** The last court calendar from the registry, on disk in the data folder (works offline). */
  private readonly calendar: CourtCalendarCopy;

  constructor(private readonly options: SyncServiceOptions) {
    this.store = new CredentialStore(options.dataDir);
    this.calendar = new CourtCalendarCopy(options.dataDir);
    this.env = readSyncEnv(options.env ?? process.env);
    this.probes = new ProbeTimer(
      () => void this.probe(),
      options.probeCapMs ?? 10_000,
      options.random,
    );
  }

  /** Loads the address and credential and starts checking the registry. */
  start(): void {
    this.url = this.env.registryUrl ?? this.store.loadRegistryUrl();
    const loaded = this.store.loadCredential();
    this.setCredential(loaded.credential);
    this.settle(loaded.problem ?? this.env.problem);
    this.probeSoon(0);
  }

  close(): void {
    this.closed = true;
    this.probes.stop();
  }

  status(): SyncStatus {
    const enrolled = this.enrolled();
    return {
      registryUrl: this.url,
      urlSource: this.env.registryUrl ? 'environment' : this.url ? 'settings' : 'none',
      enrolled,
      deviceId: enrolled ? (this.credential?.deviceId ?? null) : null,
      courtOri: enrolled ? (this.credential?.courtOri ?? null) : null,
      connectivity: this.connectivity,
      detail: this.detail,
      lastContactAt: this.lastContactAt,
      autoEnrol: this.env.enrolCode !== undefined,
    };
  }

  /** Saves the address chosen in Settings and checks it at once. */
  setRegistryUrl(raw: string): SyncStatus {
    if (this.env.registryUrl) {
      throw new ServiceError(
        'forbidden',
        'The registry address is set for this workstation by its administrator (CLERK_REGISTRY_URL) and cannot be changed here.',
      );
    }
    const url = normaliseRegistryUrl(raw);
    this.store.saveRegistryUrl(url);
    this.url = url;
    this.autoEnrolFailed = false;
    this.settle();
    this.probeSoon(0);
    return this.status();
  }

  /** Exchanges an enrolment code for a credential, stored where only main reads it. */
  async enrol(input: EnrolInput): Promise<SyncStatus> {
    const url = this.url;
    if (!url) throw new ServiceError('failed', 'Set the registry address first.');
    let stored: StoredCredential;
    try {
      const client = this.client(undefined, url);
      const court = input.courtOri ?? this.env.courtOri;
      stored = await enrolWorkstation(client, url, input.code, court, this.now());
    } catch (error) {
      if (error instanceof TransientError) this.offline(error);
      throw enrolmentError(error);
    }
    this.store.saveCredential(stored);
    // A new device: the registry has applied nothing from it yet.
    this.store.saveLastSeq({ deviceId: stored.deviceId, lastSeq: 0 });
    this.setCredential(stored);
    this.contact();
    void this.refreshCourtCalendar();
    return this.status();
  }

  /** Pushes outbox rows; one push at a time, so sequence numbers never interleave. */
  pushBatch(rows: readonly PushRow[]): Promise<PushBatchResult> {
    const run = this.pushChain.then(() => this.pushNow(rows));
    this.pushChain = run.catch(() => undefined);
    return run;
  }

  private async pushNow(rows: readonly PushRow[]): Promise<PushBatchResult> {
    const waiting = (message: string): PushBatchResult => ({
      reached: false,
      message,
      results: rows.map((r) => ({ idempotencyKey: r.idempotencyKey, outcome: 'retry', message })),
    });
    const ready = this.ready();
    if (!ready) return waiting(this.detail);
    const { credential, client } = ready;
    try {
      const results = await pushRows(client, credential.deviceId, rows, {
        get: () => this.lastSeq,
        set: (lastSeq) => {
          this.lastSeq = lastSeq;
          this.store.saveLastSeq({ deviceId: credential.deviceId, lastSeq });
        },
      });
      this.contact();
      return { reached: true, results };
    } catch (error) {
      const wait = error instanceof TransientError ? error.retryAfterMs : undefined;
      return {
        ...waiting(this.failed(error)),
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      };
    }
  }

  /** Uploads one page image (resumable; the registry checks its SHA-256). */
  async uploadPage(bytes: Uint8Array, sha256?: string): Promise<UploadPageResult> {
    const ready = this.ready();
    if (!ready) return { outcome: 'retry', sha256: null, message: this.detail };
    try {
      const done = await ready.client.uploadPage(bytes, 512 * 1024, { maxAttempts: 2 });
      this.contact();
      if (sha256 && done.sha256 !== sha256) {
        return {
          outcome: 'refused',
          sha256: done.sha256,
          message:
            'This page image no longer matches the fingerprint recorded when it was scanned (the stored copy is damaged). Scan the page again.',
        };
      }
      return { outcome: 'uploaded', sha256: done.sha256 };
    } catch (error) {
      if (error instanceof RegistryHttpError && error.status !== 401) {
        return { outcome: 'refused', sha256: null, message: error.message };
      }
      return { outcome: 'retry', sha256: null, message: this.failed(error) };
    }
  }

  /** One page of the court's change feed after `cursor`. */
  async pullChanges(cursor: string, limit = 500): Promise<PullResult> {
    const none = { changes: [], cursor, hasMore: false, resync: false };
    const ready = this.ready();
    if (!ready) return { ...none, reached: false, message: this.detail };
    try {
      const page = await ready.client.pull(cursor, limit);
      this.contact();
      void this.refreshCourtCalendar();
      return {
        reached: true,
        changes: toPulledChanges(page.changes),
        cursor: page.cursor,
        hasMore: page.hasMore,
        resync: false,
      };
    } catch (error) {
      if (error instanceof RegistryHttpError && error.code === 'cursor-invalid') {
        this.contact(false);
        return { reached: true, changes: [], cursor: '', hasMore: true, resync: true };
      }
      return { ...none, reached: false, message: this.failed(error) };
    }
  }

  /**
   * The court's CLETS at-risk and overdue lists. Never throws for a registry that cannot be
   * reached: the answer says so, with the last lists received (and their age) if any, so the
   * clerk sees "deadlines shown are from …" rather than an empty list that looks like good news.
   */
  async deadlines(): Promise<ListDeadlinesResult> {
    const last = (): ListDeadlinesResult['lists'] => {
      const kept = this.lastDeadlines;
      if (!kept) return null;
      const { now, atRisk, overdue } = kept.lists;
      const ageMs = Math.max(0, Math.round(this.now().getTime() - kept.receivedAt));
      return { asOf: now, ageMs, atRisk, overdue };
    };
    const ready = this.ready();
    if (!ready) return { reached: false, message: this.detail, lists: last() };
    try {
      const lists = await ready.client.deadlines();
      this.contact();
      this.lastDeadlines = { lists, receivedAt: this.now().getTime() };
      return { reached: true, message: null, lists: last() };
    } catch (error) {
      return { reached: false, message: this.failed(error), lists: last() };
    }
  }

  /**
   * `{ closures, closeOfBusiness }` of this workstation's court from the last court calendar the
   * registry sent (the defaults before the first one). While online, a copy older than a minute
   * is fetched again first, so the answer right after reconnecting is the registry's current one.
   */
  async courtRules(): Promise<CourtRules> {
    if (this.connectivity === 'online') await this.refreshCourtCalendar();
    return this.calendar.rulesFor(this.enrolled() ? (this.credential?.courtOri ?? null) : null);
  }

  /** Fetches the court calendar unless it was fetched within a minute; a failure keeps the copy. */
  private refreshCourtCalendar(): Promise<void> {
    const ready = this.ready();
    if (!ready) return Promise.resolve();
    return this.calendar.refresh(ready.client, ready.credential.courtOri, this.now());
  }

  // ——— state ———

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private enrolled(): boolean {
    return !!this.credential && !!this.url && this.credential.registryUrl === this.url;
  }

  private setCredential(credential: StoredCredential | undefined): void {
    this.credential = credential;
    // Lists belong to the court of the credential they were fetched with.
    this.lastDeadlines = undefined;
    this.calendar.forget();
    this.lastSeq = credential ? this.store.loadLastSeq(credential.deviceId) : undefined;
  }

  private client(credential: string | undefined, url = this.url ?? ''): RegistryClient {
    return new RegistryClient({
      baseUrl: url,
      ...(credential ? { credential } : {}),
      timeoutMs: this.options.requestTimeoutMs ?? 15_000,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
      backoff: { baseMs: 200, capMs: 1000 },
    });
  }

  /** The client to use, or undefined when the workstation cannot talk to the registry yet. */
  private ready(): { credential: StoredCredential; client: RegistryClient } | undefined {
    if (!this.enrolled() || this.connectivity === 'refused' || !this.credential) return undefined;
    return { credential: this.credential, client: this.client(this.credential.credential) };
  }

  /** After the address changed (or at start): not configured, or connecting until checked. */
  private settle(problem?: string): void {
    if (!this.url) this.set('not-configured', problem ?? notReady['not-configured']);
    else this.set('connecting', problem ?? `Checking the registry at ${this.url}…`);
  }

  private set(connectivity: Connectivity, detail: string): void {
    const changed = connectivity !== this.connectivity || detail !== this.detail;
    this.connectivity = connectivity;
    this.detail = detail;
    if (changed) this.publish();
  }

  private publish(): void {
    this.options.onChange?.(this.status());
  }

  /**
   * The registry answered. Only an answer to an authenticated request clears "refused": a health
   * check says the registry is up, not that it still knows this workstation.
   */
  private contact(authenticated = true): void {
    this.lastContactAt = this.now().toISOString();
    this.probes.reset();
    if (this.connectivity === 'refused' && !authenticated) return;
    if (this.enrolled()) this.set('online', 'The registry is reachable.');
    else
      this.set(
        'not-enrolled',
        this.autoEnrolFailed || !this.env.enrolCode
          ? notReady['not-enrolled']
          : 'Enrolling this workstation with the registry…',
      );
  }

  private offline(error: Error): void {
    this.set('offline', `The registry cannot be reached (${error.message}); retrying on its own.`);
    this.probeSoon(this.probes.fresh ? 1000 : undefined);
  }

  /** Records a failed request and returns the sentence to show for it. */
  private failed(error: unknown): string {
    if (error instanceof TransientError) this.offline(error);
    else if (error instanceof RegistryHttpError && error.status === 401) {
      this.lastContactAt = this.now().toISOString();
      this.set('refused', notReady.refused);
      // Demo mode: a wiped embedded registry forgets devices; enrol again on our own.
      if (this.env.enrolCode && !this.autoEnrolFailed) this.probeSoon(0);
    } else {
      this.set('offline', `The registry answered with an error: ${(error as Error).message}`);
      this.probeSoon();
    }
    return this.detail;
  }

  // ——— health checks and automatic enrolment ———

  private probeSoon(delayMs?: number): void {
    if (!this.closed && this.url) this.probes.schedule(delayMs);
  }

  private async probe(): Promise<void> {
    if (this.closed || !this.url) return;
    try {
      await this.client(undefined).health();
      this.contact(false);
      const needsEnrolment = !this.enrolled() || this.connectivity === 'refused';
      if (needsEnrolment && this.env.enrolCode && !this.autoEnrolFailed) await this.autoEnrol();
      if (this.connectivity === 'online') void this.refreshCourtCalendar();
      this.probeSoon(this.options.onlineCheckMs ?? 30_000);
    } catch (error) {
      if (error instanceof TransientError) this.offline(error);
      else this.failed(error);
    }
  }

  private async autoEnrol(): Promise<void> {
    try {
      await this.enrol({ code: this.env.enrolCode ?? '' });
    } catch (error) {
      if ((error as ServiceError).code === 'unavailable') return;
      this.autoEnrolFailed = true;
      this.set(
        'not-enrolled',
        `Automatic enrolment failed: ${(error as Error).message} Enrol in Settings.`,
      );
    }
  }
}
