/** Talks to the sandbox the test runner mounts at /sandbox on the test page's origin. */
export const SANDBOX = '/sandbox';
export const SPOONITY = `${SANDBOX}/spoonity`;
export const VENDOR = '1234';
export const PASSWORD = 'Password1';

export const MEMBERS = {
  seed: 'seed@example.com',
  rich: 'rich@example.com',
  empty: 'empty@example.com',
  unverified: 'unverified@example.com',
} as const;

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${SANDBOX}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox control ${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Restores the seed data and clears fault rules, sessions and the request log. */
export async function resetSandbox(): Promise<void> {
  await control('POST', 'reset');
  await control('DELETE', 'log');
}

/** Signs a seeded member in over HTTP and returns the session key. */
export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${SPOONITY}/user/authenticate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email_address: email, password, vendor: Number(VENDOR) }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: HTTP ${res.status}`);
  return ((await res.json()) as { session_identifier: string }).session_identifier;
}

export interface FaultRule {
  match?: { method?: string; path?: string; email?: string };
  fault: string;
  times?: number;
}

/** Arms a fault for the next `times` matching requests (default 1; 0 = until cleared). */
export const armFault = (rule: FaultRule) => control('POST', 'faults', rule);
export const clearFaults = () => control('DELETE', 'faults');

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Spaaza requests: the `X-Spaaza-*` headers received (the session key as `***`). */
  headers?: Record<string, string>;
  member: string | null;
  /** `null` when no answer was sent (dropped, or the browser gone before a held answer). */
  status: number | null;
  /** Set once the sandbox is done with the request; a `latency` fault holds it until then. */
  done?: boolean;
}

/** What the server received since the last reset. */
export async function requestLog(filter?: { method?: string; path?: string }): Promise<LoggedRequest[]> {
  const log = (await control('GET', 'log')) as LoggedRequest[];
  return log.filter((r) => (!filter?.method || r.method === filter.method) && (!filter?.path || r.path.includes(filter.path)));
}

export const clearLog = () => control('DELETE', 'log');

/** The bodies the server received (passwords and PINs masked as `***`), oldest first. */
export async function sentBodies(filter?: { method?: string; path?: string }): Promise<Record<string, unknown>[]> {
  return (await requestLog(filter)).map((r) => (r as LoggedRequest & { body?: Record<string, unknown> }).body ?? {});
}

/** The code of a pending account deletion, which the sandbox "emails" by exposing it. */
export const deletionCode = async (email: string) => ((await control('GET', `deletion-code?email=${encodeURIComponent(email)}`)) as { code: string }).code;

/** Resolves after `ms`. For letting a slow response arrive, never for asserting timing. */
export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` passes (or throws its last error after `timeout` ms). */
export async function until(check: () => unknown, timeout = 4000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    if (Date.now() > end) throw new Error('condition not met in time');
    await delay(20);
  }
}

/** The sandbox's fixed `api_key` of the till at store 31, "Café Olé" (merchant side: the kit never has one). */
export const POS_KEY = 'sandbox-pos-31';

export interface PosReply {
  status: number;
  /** The parsed JSON body. */
  body: any;
}

/**
 * A merchant-side call (`/onscreen`, `/order…`) as a till makes it: the store's `api_key` in the
 * query string, JSON in and out. `query` adds parameters (e.g. `{ _errors: 'status' }`).
 */
export async function pos(
  method: string,
  path: string,
  { body, query = {}, key = POS_KEY }: { body?: unknown; query?: Record<string, string>; key?: string | null } = {},
): Promise<PosReply> {
  const url = new URL(`${SPOONITY}${path}`, location.origin);
  if (key !== null) url.searchParams.set('api_key', key);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A fresh check-in token of the member with this session key (`_ttl`: its lifetime in seconds). */
export async function checkinToken(sessionKey: string, ttl?: number): Promise<string> {
  const res = await fetch(`${SPOONITY}/user/token/request?session_key=${encodeURIComponent(sessionKey)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token_type: 2, style: 'QR CODE', ...(ttl === undefined ? {} : { _ttl: ttl }) }),
  });
  if (!res.ok) throw new Error(`token request failed: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Checks a customer in at the till (`POST /onscreen`) and returns the POS session hash. */
export async function checkIn(cardNumber: string, key = POS_KEY): Promise<string> {
  const { status, body } = await pos('POST', '/onscreen', { body: { card_number: cardNumber }, key });
  if (status !== 200) throw new Error(`check-in failed: HTTP ${status} ${JSON.stringify(body)}`);
  return body.pos_session.hash;
}
