import { LoyaltyError, readErrorEnvelope, type LoyaltyErrorKind } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ClientOptions {
  /** Absolute or page-relative base URL; paths are appended to it. */
  baseUrl: string;
  /**
   * Adds the member's credential to one request (Spoonity: a query parameter; Spaaza: headers).
   * `anonymous`: the request must carry none of the session's credentials (`RequestOptions.anonymous`).
   */
  authorize?: (url: URL, headers: Headers, anonymous: boolean) => void;
  /** Secrets that must never appear in an error message (the session key). */
  secrets?: () => ReadonlyArray<string | undefined>;
  /** Per-attempt timeout in ms. Default 10 000. */
  timeout?: number;
  /** Automatic retries for GET. Default 2. Other methods are never retried. */
  retries?: number;
  /**
   * Whether a failed GET whose status would allow a retry (408, 425, 429, 5xx) is really worth one.
   * Default: yes. A platform that answers definitive errors with such a status vetoes them here
   * (Spaaza's "permission denied" is HTTP 500).
   */
  transient?: (error: LoyaltyError) => boolean;
  /** First backoff step in ms (doubles each attempt, full jitter). Default 300. */
  retryDelay?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one fails at once. Default 30 000. */
  maxRetryAfter?: number;
  fetch?: typeof fetch;
  /** Waits between attempts; injectable so tests can see the delays asked for. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Sent as JSON, or form-encoded when `form` is set. */
  body?: unknown;
  form?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides `retries` for this call (GET only; ignored for other methods). */
  retries?: number;
  /**
   * Sends none of the session's credentials: sign-in (never with the previous member's key), and
   * sign-out, which names the key it ends itself.
   */
  anonymous?: boolean;
}

export interface HttpClient {
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** `Retry-After` as ms: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The loyalty service refused the request.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You do not have access to this.',
  404: 'The loyalty service could not find what was asked for.',
  409: 'That conflicts with what the loyalty service already has.',
  429: 'Too many requests. Please wait a moment and try again.',
};

function statusMessage(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500
      ? `The loyalty service is unavailable right now (HTTP ${status}). Please try again.`
      : `The loyalty service answered with an error (HTTP ${status}).`)
  );
}

function parseBody(raw: string): { json: unknown; ok: boolean } {
  if (!raw.trim()) return { json: null, ok: true };
  try {
    return { json: JSON.parse(raw), ok: true };
  } catch {
    return { json: undefined, ok: false };
  }
}

/** A 2xx body that is really an error (HTTP 200 with `success:false`, or an error object). */
function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  const result = b.result as Record<string, unknown> | undefined;
  return b.success === false || b.object === 'error' || result?.status === 'error';
}

function toLoyaltyError(status: number, body: unknown, retryAfter: number | undefined): LoyaltyError {
  const envelope = readErrorEnvelope(body);
  const auth = status === 401 || envelope?.name === 'no_valid_session';
  const kind: LoyaltyErrorKind = auth ? 'auth' : 'http';
  const messages = envelope?.messages.length ? envelope.messages : [statusMessage(status)];
  return new LoyaltyError(kind, messages.join(' '), {
    status,
    code: envelope?.code,
    referenceId: envelope?.referenceId,
    messages,
    retryAfter: retryAfter === undefined ? undefined : retryAfter / 1000,
    fromPlatform: !!envelope?.messages.length,
  });
}

/**
 * Whatever was thrown, as a `LoyaltyError`: anything else (a bug in `authorize`, a missing platform
 * API) becomes kind `unknown` with the original as `cause`, so it is never masked by a second error.
 */
function asLoyaltyError(e: unknown): LoyaltyError {
  if (e instanceof LoyaltyError) return e;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new LoyaltyError('unknown', `Unexpected error in the loyalty client (${text}).`, { cause: e });
}

/**
 * A signal that aborts when the caller's `outer` does, or after `ms`: one own `AbortController`
 * aborted from both, rather than `AbortSignal.any([outer, AbortSignal.timeout(ms)])`. Older Safari
 * has neither of those, and WebKit can garbage-collect a composite signal while its fetch is
 * pending, so that fetch would never time out; the timer and the listener here hold the controller.
 * `done()` clears both once the fetch has settled.
 */
function deadline(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`No answer within ${ms} ms.`, 'TimeoutError'));
  }, ms);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

function redact(error: LoyaltyError, secrets: ReadonlyArray<string | undefined>): LoyaltyError {
  const clean = (s: string) => secrets.reduce<string>((acc, secret) => (secret && secret.length > 3 ? acc.split(secret).join('[redacted]') : acc), s);
  const message = clean(error.message);
  const messages = error.messages.map(clean);
  if (message === error.message && messages.every((m, i) => m === error.messages[i])) return error;
  return new LoyaltyError(error.kind, message, { ...error, messages, cause: error.cause });
}

/**
 * A ky/ofetch-sized fetch wrapper: JSON in and out, a per-attempt timeout merged with the
 * caller's signal, retries for GET only (exponential backoff with full jitter, honouring
 * `Retry-After`), and every failure turned into a `LoyaltyError`.
 */
export function createClient(options: ClientOptions): HttpClient {
  const { timeout = 10_000, retries = 2, retryDelay = 300, maxRetryAfter = 30_000, sleep = defaultSleep } = options;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  function buildUrl(path: string, query: RequestOptions['query']): URL {
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    const origin = typeof location === 'undefined' ? undefined : location.href;
    const url = new URL(path.replace(/^\//, ''), new URL(base, origin));
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    return url;
  }

  async function attempt(method: HttpMethod, path: string, o: RequestOptions) {
    const url = buildUrl(path, o.query);
    const headers = new Headers({ Accept: 'application/json', ...o.headers });
    options.authorize?.(url, headers, o.anonymous ?? false);
    let body: BodyInit | undefined;
    if (o.body !== undefined) {
      if (o.form) {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(o.body as Record<string, string | number | boolean | null | undefined>))
          if (v !== undefined && v !== null) params.set(k, String(v));
        body = params;
      } else {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(o.body);
      }
    }
    const limit = deadline(timeout, o.signal);
    let response: Response;
    let raw: string;
    try {
      response = await doFetch(url, { method, headers, body, signal: limit.signal, credentials: 'omit' });
      raw = await response.text();
    } catch (cause) {
      if (o.signal?.aborted) throw new LoyaltyError('aborted', 'The request was cancelled.', { cause });
      // a write that got no answer may still have been applied (unless the device knew it was offline)
      const write = method !== 'GET';
      if (limit.timedOut()) throw new LoyaltyError('timeout', `The loyalty service did not answer within ${timeout} ms.`, { cause, unconfirmed: write });
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new LoyaltyError('network', 'Could not reach the loyalty service. Check your connection and try again.', {
        cause,
        unconfirmed: write && !offline,
      });
    } finally {
      limit.done();
    }
    const parsed = parseBody(raw);
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    if (!response.ok) {
      if (!parsed.ok) {
        // An HTML error page from a proxy or load balancer, or a truncated body.
        throw new LoyaltyError(response.status === 401 ? 'auth' : 'http', statusMessage(response.status), {
          status: response.status,
          retryAfter: retryAfter === undefined ? undefined : retryAfter / 1000,
        });
      }
      throw toLoyaltyError(response.status, parsed.json, retryAfter);
    }
    if (!parsed.ok) {
      if (method !== 'GET') return null; // some mutations answer 200 with a non-JSON body: success
      throw new LoyaltyError('validation', 'The loyalty service sent a response that is not valid JSON.', { status: response.status });
    }
    if (isErrorBody(parsed.json)) throw toLoyaltyError(response.status, parsed.json, retryAfter);
    return parsed.json;
  }

  async function request(method: HttpMethod, path: string, o: RequestOptions = {}): Promise<unknown> {
    const maxRetries = method === 'GET' ? (o.retries ?? retries) : 0;
    for (let n = 0; ; n++) {
      try {
        return await attempt(method, path, o);
      } catch (e) {
        const error = asLoyaltyError(e);
        const retryable =
          error.kind === 'network' ||
          error.kind === 'timeout' ||
          (error.kind === 'http' && error.status !== undefined && RETRYABLE_STATUS.has(error.status) && (options.transient?.(error) ?? true));
        const wait =
          error.retryAfter !== undefined && (error.status === 429 || error.status === 503) ? error.retryAfter * 1000 : Math.random() * retryDelay * 2 ** n;
        if (n >= maxRetries || !retryable || wait > maxRetryAfter || o.signal?.aborted) {
          throw redact(error, options.secrets?.() ?? []);
        }
        try {
          await sleep(wait, o.signal);
        } catch (cause) {
          throw new LoyaltyError('aborted', 'The request was cancelled.', { cause });
        }
      }
    }
  }

  return { request };
}
