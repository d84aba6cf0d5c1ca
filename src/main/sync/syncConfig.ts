/**
 * Where the registry is and how this workstation enrols, from the environment and Settings.
 *
 * - `CLERK_REGISTRY_URL`: the registry's address. Set by `npm start` (demo mode) and by
 *   deployments; while it is set, Settings shows it but cannot change it.
 * - `CLERK_ENROL_CODE`: an enrolment code; with it the workstation enrols on its own as soon as
 *   the registry answers (demo mode passes the embedded registry's administrator code).
 * - `CLERK_COURT_ORI`: the court to enrol for when the code is an administrator code (a one-time
 *   code already names its court).
 */
import { ServiceError } from '../../shared/ipc/envelope';

export type SyncEnv = {
  readonly registryUrl: string | undefined;
  readonly enrolCode: string | undefined;
  readonly courtOri: string | undefined;
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Checks and normalises a registry address (trailing slash, no path, query or credentials).
 * Plain http is allowed only on loopback: anywhere else the order data must travel over TLS.
 * Throws ServiceError('invalid-input') with a message that says what to fix.
 */
export function normaliseRegistryUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ServiceError(
      'invalid-input',
      `"${raw}" is not a web address. Enter it like https://registry.example.gov/ or http://127.0.0.1:4556/.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ServiceError('invalid-input', 'The registry address must start with https://.');
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    throw new ServiceError(
      'invalid-input',
      'Use https:// for a registry on another machine: order data must not cross the network unencrypted (http:// is only for a registry on this computer).',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ServiceError(
      'invalid-input',
      'The registry address must not contain a user name, password, query or #fragment.',
    );
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${url.host}${path}`;
}

/** Reads the sync settings from the environment; a bad URL is reported, not thrown. */
export function readSyncEnv(env: Readonly<Record<string, string | undefined>>): SyncEnv & {
  readonly problem: string | undefined;
} {
  const rawUrl = env.CLERK_REGISTRY_URL?.trim() || undefined;
  let registryUrl: string | undefined;
  let problem: string | undefined;
  if (rawUrl) {
    try {
      registryUrl = normaliseRegistryUrl(rawUrl);
    } catch (error) {
      problem = `CLERK_REGISTRY_URL is not usable: ${(error as Error).message}`;
    }
  }
  const courtOri = env.CLERK_COURT_ORI?.trim().toUpperCase() || undefined;
  return {
    registryUrl,
    enrolCode: env.CLERK_ENROL_CODE?.trim() || undefined,
    courtOri: courtOri && /^[A-Z0-9]{5,12}$/.test(courtOri) ? courtOri : undefined,
    problem,
  };
}
