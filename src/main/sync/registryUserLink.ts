/**
 * The signed-in user's session at the registry, held by main for the calls the registry answers
 * only per user (searches, order detail, the supervisor's review).
 *
 * Why the password: the registry checks each user itself (role matrix, lockout, audit), so after
 * the workstation has checked a sign-in or unlock, main signs the same user in at the registry
 * with the password just typed (POST /v1/sessions with the device credential) and keeps only the
 * token, in memory. The password is never stored. When the registry could not be reached at that
 * moment, the user gets a session by locking and unlocking (Ctrl+L) once it is back.
 *
 * Use: `sync.userLink.withUser(ctx.principal, (client) => client.search(...))`. E2E specs that
 * start a registry seed matching accounts with test/e2e/helpers/registryUsers.ts first.
 */
import { RegistryHttpError, TransientError } from '../../registry/client/http';
import type { RegistryClient } from '../../registry/client/registryClient';
import type { Principal } from '../../shared/auth/principal';
import { ServiceError } from '../../shared/ipc/envelope';

/** What the link needs of the sync service (which owns the address and device credential). */
export type UserLinkDeps = {
  /** The device-credentialed client, or undefined when not configured / enrolled / refused. */
  client(): RegistryClient | undefined;
  /** Why there is no client, in clerk words. */
  problem(): string;
  /** Records a network failure (connectivity goes offline); returns the sentence to show. */
  failed(error: unknown): string;
  /** Records a successful exchange (connectivity is online). */
  contact(): void;
};

type OpenSession = {
  readonly userId: string;
  readonly username: string;
  readonly token: string;
  readonly expiresAt: number;
};

/** What the link can say about the current user (tests, the status bar). */
export type UserLinkState =
  | { readonly signedIn: true; readonly username: string; readonly expiresAt: string }
  | { readonly signedIn: false; readonly problem: string | null };

const relock =
  'Lock the workstation (Ctrl+L) and unlock it with your password to sign in at the registry again.';

/** What handlers use of the link: registry calls made as the signed-in user. */
export type UserLinkCalls = Pick<RegistryUserLink, 'withUser'>;

/** One user session at the registry at a time (one person at the counter). */
export class RegistryUserLink {
  private session: OpenSession | null = null;
  private opening: Promise<void> | null = null;
  private problem: string | null = null;

  constructor(
    private readonly deps: UserLinkDeps,
    private readonly now: () => number = Date.now,
  ) {}

  /** After a successful local sign-in or unlock: opens the user's registry session. */
  open(user: Principal, password: string): Promise<void> {
    if (this.session && this.session.userId !== user.userId) this.end();
    const client = this.deps.client();
    if (!client) {
      this.problem = `You are not signed in at the registry: ${this.deps.problem()}`;
      return Promise.resolve();
    }
    const attempt = this.signIn(client, user, password);
    const tracked = attempt.finally(() => {
      if (this.opening === tracked) this.opening = null;
    });
    this.opening = tracked;
    return tracked;
  }

  /** The session ends locally and, best effort, at the registry (sign-out, another user). */
  end(): void {
    const session = this.session;
    this.session = null;
    this.problem = null;
    const client = this.deps.client();
    if (session && client)
      void client
        .withSession(session.token)
        .endSession()
        .catch(() => undefined);
  }

  state(): UserLinkState {
    const s = this.session;
    return s && s.expiresAt > this.now()
      ? { signedIn: true, username: s.username, expiresAt: new Date(s.expiresAt).toISOString() }
      : { signedIn: false, problem: this.problem };
  }

  /**
   * Runs one registry call as `principal`. Throws a ServiceError the clerk can act on:
   * `unavailable` (offline, not enrolled, no or expired registry session), `forbidden` (the
   * registry's matrix said no, with its reason), `not-found`, `conflict`, `invalid-input`.
   */
  async withUser<T>(principal: Principal, fn: (client: RegistryClient) => Promise<T>): Promise<T> {
    if (this.opening) await this.opening;
    const client = this.deps.client();
    if (!client) throw new ServiceError('unavailable', this.deps.problem());
    const s = this.session;
    if (!s || s.userId !== principal.userId) {
      throw new ServiceError(
        'unavailable',
        this.problem ?? `You are not signed in at the registry. ${relock}`,
      );
    }
    if (s.expiresAt <= this.now()) {
      this.session = null;
      throw new ServiceError('unavailable', `Your registry session has expired. ${relock}`);
    }
    try {
      const result = await fn(client.withSession(s.token));
      this.deps.contact();
      return result;
    } catch (error) {
      throw this.toServiceError(error);
    }
  }

  private async signIn(client: RegistryClient, user: Principal, password: string): Promise<void> {
    try {
      const opened = await client.openSession(user.username, password);
      this.deps.contact();
      this.session = {
        userId: user.userId,
        username: user.username,
        token: opened.token,
        expiresAt: Date.parse(opened.expiresAt),
      };
      this.problem = null;
    } catch (error) {
      this.session = null;
      this.problem =
        error instanceof RegistryHttpError
          ? `The registry did not accept your sign-in (${error.message}). Ask an administrator to check your registry account.`
          : `You are not signed in at the registry: ${this.deps.failed(error)} ${relock}`;
    }
  }

  private toServiceError(error: unknown): ServiceError {
    if (error instanceof ServiceError) return error;
    if (error instanceof TransientError) {
      return new ServiceError('unavailable', this.deps.failed(error));
    }
    if (error instanceof RegistryHttpError) {
      this.deps.contact();
      switch (error.status) {
        case 401:
          this.session = null;
          return new ServiceError(
            'unavailable',
            `The registry ended your session (${error.message}). ${relock}`,
          );
        case 403:
          return new ServiceError('forbidden', error.message);
        case 404:
          return new ServiceError('not-found', error.message);
        case 409:
          return new ServiceError('conflict', error.message);
        case 400:
        case 422:
          return new ServiceError('invalid-input', error.message);
        default:
          return new ServiceError(
            'failed',
            `The registry answered ${error.status}: ${error.message}`,
          );
      }
    }
    return new ServiceError('failed', `The registry call failed: ${String(error)}`);
  }
}
