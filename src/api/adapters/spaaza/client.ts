import type { BackendConfig } from '../../backend.js';
import { createClient, type HttpMethod } from '../../client.js';
import { LoyaltyError } from '../../errors.js';
import { fail, obj, str, type Obj } from '../../validate.js';

export const SPAAZA_API_BASE = 'https://api0.spaaza.com';

/**
 * The API version every request pins (reference §4: without the header Spaaza assumes a default
 * the docs do not name). 1.6.3 is the version of Spaaza's own Postman environment; the readers
 * accept the older and newer shapes the reference lists (flat or nested voucher campaigns, three
 * date formats).
 */
export const SPAAZA_API_VERSION = '1.6.3';

/**
 * UNCERTAIN (reference §15 q3): alter-user's page says to send the app-hostname header only with
 * privileged auth; the authentication page says every end-user call needs it. We send it on every
 * call; a path listed here goes without it.
 */
const WITHOUT_APP_HOSTNAME: readonly string[] = [];

export interface SpaazaApi {
  /**
   * A GET's `results`. Identical GETs in flight for the same session share one request (get-user
   * feeds four reads). `signal` lets this caller go; the shared request is aborted when every
   * caller has gone (a reload or a member change), so a read made afterwards never joins it.
   */
  get(path: string, query?: Record<string, string>, signal?: AbortSignal): Promise<Obj>;
  /**
   * A write with a form body (reference §1); its answer is returned as is. `credentials`: the
   * session headers to send instead of the session's own (sign-out names the key it ends), or
   * `null` for none (login: never the previous member's key).
   */
  send(method: HttpMethod, path: string, body?: Record<string, unknown>, signal?: AbortSignal, credentials?: Record<string, string> | null): Promise<unknown>;
}

/** One GET shared by the callers that asked for it while it was in flight. */
interface Shared {
  promise: Promise<Obj>;
  controller: AbortController;
  /** Callers still waiting with a signal; one without a signal stays for good. */
  callers: number;
}

/** Waits for `shared` as one caller: leaving (its signal aborts) aborts the request once nobody waits. */
function join(shared: Shared, signal: AbortSignal | undefined, forget: () => void): Promise<Obj> {
  if (!signal) {
    shared.callers = Infinity;
    return shared.promise;
  }
  const aborted = () => new LoyaltyError('aborted', 'The request was cancelled.', { cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  shared.callers++;
  return new Promise<Obj>((resolve, reject) => {
    const leave = () => {
      signal.removeEventListener('abort', onAbort);
      shared.callers--;
    };
    const onAbort = () => {
      leave();
      if (shared.callers <= 0) {
        forget();
        shared.controller.abort(signal.reason);
      }
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (v) => (leave(), resolve(v)),
      (e: unknown) => (leave(), reject(e)),
    );
  });
}

/** The `results` of an answer; a one-element array around the envelope (some doc samples) is unwrapped. */
export function results(body: unknown): Obj {
  return obj(obj(Array.isArray(body) ? body[0] : body, 'response').results, 'results');
}

/** A date in any of Spaaza's formats (reference §15 q13): `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (UTC), ISO 8601. */
export function date(v: unknown, path: string): Date {
  const s = str(v, path).trim();
  const d = new Date(/^\d{4}-\d\d-\d\d \d/.test(s) ? `${s.replace(' ', 'T')}Z` : s);
  return Number.isNaN(d.getTime()) ? fail(path, 'a date') : d;
}

/** The HTTP side of the adapter: user-auth headers on every call, form bodies, the envelope unwrapped. */
export function spaazaApi(config: BackendConfig): SpaazaApi {
  const client = createClient({
    baseUrl: config.apiBase || SPAAZA_API_BASE,
    authorize: (url, headers, anonymous) => {
      const key = anonymous ? undefined : config.getSessionKey();
      const user = anonymous ? undefined : config.getUserId?.();
      if (key) headers.set('X-Spaaza-Session-Key', key);
      if (user) headers.set('X-Spaaza-Session-User-Id', user);
      if (config.appHostname && !WITHOUT_APP_HOSTNAME.some((p) => url.pathname.endsWith(p))) headers.set('X-Spaaza-MyPrice-App-Hostname', config.appHostname);
      headers.set('X-Spaaza-API-Version', SPAAZA_API_VERSION);
    },
    secrets: () => [config.getSessionKey()],
    // an error carrying a Spaaza code is the server's answer whatever its status (68 comes as HTTP 500):
    // only a bare 5xx (a proxy, a gateway), a 429 or no answer at all is worth another try
    transient: (e) => e.code === undefined || e.status === 429,
    timeout: config.timeout,
    retries: config.retries,
    fetch: config.fetch,
  });
  const inflight = new Map<string, Shared>();
  return {
    get(path, query = {}, signal) {
      // the credentials are part of the key: a request of the previous member is never shared
      const key = JSON.stringify([config.getSessionKey(), config.getUserId?.(), path, query]);
      let shared = inflight.get(key);
      if (!shared) {
        const controller = new AbortController();
        const entry: Shared = { controller, callers: 0, promise: client.request('GET', path, { query, signal: controller.signal }).then(results) };
        const forget = () => inflight.get(key) === entry && inflight.delete(key);
        entry.promise.then(forget, forget);
        inflight.set(key, (shared = entry));
      }
      return join(shared, signal, () => inflight.get(key) === shared && inflight.delete(key));
    },
    send: (method, path, body, signal, credentials) =>
      client.request(method, path, { body, form: true, signal, headers: credentials ?? undefined, anonymous: credentials !== undefined }),
  };
}
