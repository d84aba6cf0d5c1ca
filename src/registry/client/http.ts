/**
 * One HTTP exchange with the registry using plain `fetch`, with a hard client timeout, and the
 * classification the retry loop needs:
 * - `TransientError`: network failure, timeout, 5xx, 429 — the outcome is unknown
 *   (indeterminate, Jepsen `:info`), so the caller retries the SAME request (same keys);
 * - `RegistryHttpError`: any other non-2xx answer — retrying unchanged will not help.
 * Pure (no Node imports): runs in Node 20 (main process), Electron and browsers.
 */

/** Error body the registry sends with every non-2xx JSON answer. */
export type RegistryErrorBody = {
  error: { code: string; message: string } & Record<string, unknown>;
};

/** The request may or may not have reached the registry; retry with the same idempotency keys. */
export class TransientError extends Error {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.name = 'TransientError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The registry answered with a definite refusal (4xx other than 429). */
export class RegistryHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown) {
    super(message);
    this.name = 'RegistryHttpError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** Where and how to reach the registry. */
export type HttpOptions = {
  readonly baseUrl: string;
  /** `<deviceId>.<secret>` from enrolment; absent for /v1/enrol and /v1/health. */
  readonly credential?: string | undefined;
  /** A signed-in user's registry session token, sent as X-Clerk-Session (user routes). */
  readonly sessionToken?: string | undefined;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
};

/** One request: method, path, JSON or bytes, extra headers. */
export type HttpRequest = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE';
  readonly path: string;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses to return instead of throwing (e.g. 404 on HEAD, 422 on push). */
  readonly accept?: readonly number[];
  /** A 2xx answer's body as raw bytes (page images), not text or JSON. */
  readonly binary?: boolean;
};

/** A successful (or accepted) answer with its parsed body. */
export type HttpResponse = {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
};

function retryAfter(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Sends one request; throws TransientError or RegistryHttpError as described above. */
export async function request(options: HttpOptions, req: HttpRequest): Promise<HttpResponse> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { ...req.headers };
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  if (options.sessionToken) headers['x-clerk-session'] = options.sessionToken;
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.bytes) {
    headers['content-type'] = 'application/octet-stream';
    body = req.bytes as Uint8Array<ArrayBuffer>;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: Response;
  let text = '';
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  try {
    response = await doFetch(new URL(req.path, options.baseUrl), {
      method: req.method,
      headers,
      body,
      signal: controller.signal,
    });
    // The body read is inside the timeout too: a reply that stalls mid-body is indeterminate.
    if (req.binary && response.ok) bytes = new Uint8Array(await response.arrayBuffer());
    else if (req.method !== 'HEAD') text = await response.text();
  } catch (error) {
    const timedOut = controller.signal.aborted;
    throw new TransientError(
      timedOut
        ? `no answer from the registry within ${options.timeoutMs} ms`
        : `could not reach the registry (${(error as Error).message})`,
    );
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TransientError(
        'the registry sent a truncated or malformed answer',
        response.status,
      );
    }
  }
  const { status } = response;
  if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
    return { status, headers: response.headers, body: bytes ?? parsed };
  }
  if (status >= 500 || status === 429 || status === 408) {
    throw new TransientError(
      `the registry answered ${status}`,
      status,
      retryAfter(response.headers),
    );
  }
  const err = (parsed as RegistryErrorBody | undefined)?.error;
  throw new RegistryHttpError(
    status,
    err?.code ?? 'http-error',
    err?.message ?? `the registry answered ${status}`,
    parsed,
  );
}
