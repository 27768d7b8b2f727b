import { backends } from '../api/adapters/index.js';
import type { BackendName, BackendRules, Capability, LoyaltyBackend, SignInCredentials } from '../api/backend.js';
import { QueryCache } from '../api/cache.js';
import { LoyaltyError } from '../api/errors.js';
import { warmFormatters } from '../internal/format.js';
import type { Balances, Card, CheckinCode, Profile, Reward } from '../api/types.js';
import type { Page, RewardList, Transaction } from '../api/types.js';

export interface SessionConfig {
  backend: BackendName | (string & {});
  apiBase?: string;
  vendorId?: string;
  /** The retailer's app (Spaaza's MyPrice app hostname). */
  appHostname?: string;
  /** The member's user id, for a key set from outside (Spaaza); sign-in through the session brings its own. */
  userId?: string;
  /** Per-attempt timeout (ms) and GET retries for every request of this session. */
  timeout?: number;
  retries?: number;
  staleTime?: number;
  fetch?: typeof fetch;
}

/**
 * One read an element can ask for. The cache key names the call and its parameters (never the
 * session key: the cache is the session's own and is emptied when the member changes).
 */
export interface Query<T> {
  key: string;
  /** What a mutation names to make this read stale. */
  tags: readonly string[];
  /**
   * Makes the read. `read` asks another query through the same cache (shared, deduped): for a read
   * that needs another's answer, so it leaves the moment that answer lands.
   */
  run: (backend: LoyaltyBackend, signal: AbortSignal, read: <U>(query: Query<U>, signal: AbortSignal) => Promise<U>) => Promise<T>;
}

/**
 * Every read of the kit, so elements that show the same thing share one cache entry. Later
 * issues add rewards, history, cards, profile… here.
 */
export const queries = {
  balances: (): Query<Balances> => ({ key: 'balances', tags: ['balances'], run: (b, signal) => b.getBalances(signal) }),
  profile: (): Query<Profile> => ({ key: 'profile', tags: ['profile'], run: (b, signal) => b.getProfile(signal) }),
  cards: (): Query<Card[]> => ({ key: 'cards', tags: ['cards'], run: (b, signal) => b.getCards(signal) }),
  rewards: (page?: string): Query<RewardList> => ({ key: `rewards:${page ?? ''}`, tags: ['rewards'], run: (b, s) => b.getRewards(page, s) }),
  /** The member's vouchers (`vouchers`); a claim refreshes them with the rewards. */
  vouchers: (): Query<Reward[]> => ({ key: 'vouchers', tags: ['rewards'], run: (b, s) => b.getVouchers(s) }),
  /**
   * One page of the member's orders. Where the platform names members by their profile's `id`
   * (Spoonity's history route), that id comes from the shared profile read, and the history is
   * asked for the moment the profile's answer lands — not after an element has rendered it.
   */
  history: (page?: string): Query<Page<Transaction>> => ({
    key: `history:${page ?? ''}`,
    tags: ['history'],
    run: async (b, s, read) => b.getHistory(b.capabilities.has('profile') ? (await read(queries.profile(), s)).id : '', page, s),
  }),
};

/** A token issued at `at` (local ms) still has more than half its life left (no expiry: always). */
function usable(t: CheckinCode, at: number): boolean {
  if (!t.expires) return true;
  const ttl = t.expires.getTime() - (t.created?.getTime() ?? at);
  return at + ttl / 2 > Date.now();
}

/** `change` fires (synchronously) whenever what elements show must be recomputed. */
export type SessionChangeReason = 'key' | 'config' | 'expired' | 'locale' | 'reload' | 'pending';

/**
 * The `BroadcastChannel` on which a tab tells the page's other tabs (same origin) which cache tags
 * a confirmed write made stale. A message is `{ type: 'invalidate', scope, tags }`: the tags, and
 * the program they belong to (backend, API base, vendor id, app hostname — what the page's own
 * attributes say).
 * Never the session key, the member's id or a hash of either: a key's hash is still derived from a
 * secret, and a member id's hash is reversed by counting. So a tab signed in as another member of
 * the same program refetches its own data for nothing — harmless, and rare.
 */
export const TAB_CHANNEL = 'loyalty-elements:invalidate';

/** A message on `TAB_CHANNEL`. */
export interface TabMessage {
  type: 'invalidate';
  scope: string;
  tags: string[];
}

/**
 * One member's session: the credential, the backend adapter and the request cache shared by
 * every element. Data flows adapter → cache → session → element. Not a DOM node: the
 * `<loyalty-session>` element owns one and re-dispatches its events on the page.
 *
 * The key lives only in memory: never in an attribute, storage or a log line.
 */
export class LoyaltySessionState extends EventTarget {
  readonly cache: QueryCache;
  private _key: string | undefined;
  /** The user id sign-in returned with `_key` (it wins over the configured one). */
  private _userId: string | undefined;
  private _backend: LoyaltyBackend | undefined;
  private _config: SessionConfig;
  private _generation = 0;
  private _expired = false;
  private _locale = '';
  /** The locale whose formatters were warmed (see `warm`). */
  private _warmed?: string;
  private _pending = false;
  private _tabs?: BroadcastChannel;
  /** The reads of the elements on the page (see `expect`). */
  private _reads = new Set<() => Query<unknown> | undefined>();
  /** The member's check-in token, shared by every `<checkin-code>` of the session. */
  private _checkin?: { generation: number; pending?: Promise<CheckinCode>; value?: CheckinCode; at?: number };

  constructor(config: SessionConfig) {
    super();
    this._config = config;
    this.cache = new QueryCache({
      staleTime: config.staleTime,
      onError: (error) => {
        if (error instanceof LoyaltyError && error.kind === 'auth') this.expire(error);
      },
    });
  }

  /** Increases on every change of member or backend; data from an older generation is never shown. */
  get generation(): number {
    return this._generation;
  }

  get sessionKey(): string | undefined {
    return this._key;
  }

  set sessionKey(key: string | undefined | null) {
    // a key set from outside goes with the configured user id; the same key again keeps its own
    this.setCredentials(key || undefined, key && key === this._key ? this._userId : undefined);
  }

  /** The member's user id (Spaaza): the one sign-in returned, else the configured `userId`. */
  get userId(): string | undefined {
    return this._userId ?? this._config.userId;
  }

  private setCredentials(key: string | undefined, userId: string | undefined): void {
    // a key ends the wait for one
    if (key) this._pending = false;
    if (key === this._key && userId === this._userId && !this._expired) return;
    this._key = key;
    this._userId = userId;
    this._expired = false;
    this.reset('key');
    this.warm();
  }

  /**
   * Once a key is set or on its way, builds the locale's number, money and date formatters in the
   * next tasks, while the first requests are on the wire, so the first render does not wait for
   * them. Once per locale (known once `<loyalty-session>` is on the page); never while signed out.
   */
  private warm(): void {
    if ((!this.signedIn && !this.pending) || !this._locale || this._warmed === this._locale) return;
    this._warmed = this._locale;
    warmFormatters(this._locale);
  }

  /** True when a key is set and the API has not rejected it. */
  get signedIn(): boolean {
    return !!this._key && !this._expired;
  }

  get expired(): boolean {
    return this._expired;
  }

  /**
   * A key is on its way (the merchant's own login is running): elements show their skeleton
   * rather than the signed-out state. Setting a key ends it; so does setting it to `false`.
   * Always `false` while a key is set.
   */
  get pending(): boolean {
    return this._pending && !this._key;
  }

  set pending(value: boolean) {
    const was = this.pending;
    this._pending = !!value && !this._key;
    if (this.pending !== was) this.dispatchEvent(new CustomEvent('change', { detail: 'pending' satisfies SessionChangeReason }));
    this.warm();
  }

  get locale(): string {
    return this._locale;
  }

  set locale(value: string) {
    if (value === this._locale) return;
    this._locale = value;
    this.dispatchEvent(new CustomEvent('change', { detail: 'locale' satisfies SessionChangeReason }));
    this.warm();
  }

  get config(): Readonly<SessionConfig> {
    return this._config;
  }

  /** Replaces backend settings (attributes changed): everything cached is dropped. */
  configure(config: SessionConfig): void {
    const same = (Object.keys({ ...config, ...this._config }) as (keyof SessionConfig)[]).every((k) => config[k] === this._config[k]);
    if (same) return;
    this._config = config;
    this._backend = undefined;
    this.reset('config');
  }

  /** The adapter for the configured backend (created on first use). */
  get backend(): LoyaltyBackend {
    if (!this._backend) {
      const factory = backends[this._config.backend];
      if (!factory)
        throw new LoyaltyError('unsupported', `Unknown loyalty backend "${this._config.backend}". Use one of: ${Object.keys(backends).join(', ')}.`);
      this._backend = factory({
        apiBase: this._config.apiBase ?? '',
        vendorId: this._config.vendorId,
        appHostname: this._config.appHostname,
        getSessionKey: () => this._key,
        getUserId: () => this.userId,
        timeout: this._config.timeout,
        retries: this._config.retries,
        fetch: this._config.fetch,
      });
    }
    return this._backend;
  }

  /** What the platform accepts in a member's data (phone format…), for forms to check before sending. */
  get rules(): BackendRules {
    try {
      return this.backend.rules ?? {};
    } catch {
      return {};
    }
  }

  supports(capability: Capability): boolean {
    try {
      return this.backend.capabilities.has(capability);
    } catch {
      return false;
    }
  }

  /** Reads through the shared cache: one request per call however many elements ask. */
  query<T>(q: Query<T>, signal?: AbortSignal): Promise<T> {
    if (!this.signedIn) return Promise.reject(new LoyaltyError('auth', 'Not signed in.'));
    const backend = this.backend;
    return this.cache.fetch(q.key, q.tags, (s) => q.run(backend, s, (other, s2) => this.query(other, s2)), { signal });
  }

  /**
   * Registers a read an element on the page makes whenever a member is signed in (`read` names it,
   * or returns `undefined` for none), until the returned function is called. When a key is set
   * (and on `reload()`), the session starts these reads at once, the profile first (other reads
   * need the member's id), without waiting for the elements to render: each element's own read
   * then joins the request in flight. Nothing else is requested, and nothing while signed out.
   */
  expect(read: () => Query<unknown> | undefined): () => void {
    const reads = this._reads;
    reads.add(read);
    return () => reads.delete(read);
  }

  /** Starts the reads registered with `expect` (see there). */
  private prefetch(): void {
    if (!this.signedIn) return;
    const wanted = new Map<string, Query<unknown>>();
    for (const read of this._reads) {
      try {
        const q = read();
        if (q) wanted.set(q.key, q);
      } catch {
        // the element's own read reports it
      }
    }
    const profile = queries.profile().key;
    const first = (q: Query<unknown>) => (q.key === profile ? 0 : 1);
    for (const q of [...wanted.values()].sort((a, b) => first(a) - first(b))) {
      try {
        this.query(q).catch(() => undefined);
      } catch {
        // an unknown backend: the elements show it
      }
    }
  }

  /** Hear when fresh data for a cache key lands (background refresh, invalidation). */
  watch(key: string, listener: () => void): () => void {
    return this.cache.subscribe(key, listener);
  }

  /**
   * Runs a write (never retried) and, once the server confirms it, refreshes what it touched.
   * A 401 ends the session like any other request. A write left unconfirmed (timeout, dropped
   * connection) also refreshes what it touched, so the member sees whether it was applied.
   */
  async mutate<T>(run: (backend: LoyaltyBackend) => Promise<T>, invalidates: readonly string[] | ((value: T) => readonly string[])): Promise<T> {
    const generation = this._generation;
    try {
      const result = await run(this.backend);
      if (generation === this._generation) {
        const tags = typeof invalidates === 'function' ? invalidates(result) : invalidates;
        this.cache.invalidate(tags);
        this.tellOtherTabs(tags);
      }
      return result;
    } catch (error) {
      if (error instanceof LoyaltyError && error.kind === 'auth' && generation === this._generation) this.expire(error);
      // no answer, but the write may have been applied: read again what it touches (the server's
      // truth, e.g. a linked card), rather than re-send it
      if (error instanceof LoyaltyError && error.unconfirmed && generation === this._generation && typeof invalidates !== 'function')
        this.cache.invalidate(invalidates);
      throw error;
    }
  }

  /**
   * The member's check-in token, shared by every `<checkin-code>` of this session: one request
   * however many codes ask at once, and the token already issued while it has more than half its
   * life left. `replace` is the token the caller shows and wants replaced (Refresh, expiry): a newer
   * one is returned if another code already got it, else a new one is requested. Each new token
   * fires `checkin-token` (detail: `{ generation, token }`) so every code shows the same one.
   * A write (never retried, never cached beyond this).
   */
  checkinToken(replace?: CheckinCode): Promise<CheckinCode> {
    const generation = this._generation;
    const c = this._checkin?.generation === generation ? this._checkin : (this._checkin = { generation });
    if (c.pending) return c.pending;
    const v = c.value;
    if (v && v !== replace && c.at !== undefined && usable(v, c.at)) return Promise.resolve(v);
    const pending = this.mutate((b) => b.requestCheckinToken(), []).then(
      (token) => {
        if (c.pending === pending) c.pending = undefined;
        if (this._checkin === c && generation === this._generation) {
          c.value = token;
          c.at = Date.now();
          this.dispatchEvent(new CustomEvent('checkin-token', { detail: { generation, token } }));
        }
        return token;
      },
      (error: unknown) => {
        if (c.pending === pending) c.pending = undefined;
        throw error;
      },
    );
    c.pending = pending;
    return pending;
  }

  /**
   * Signs in through the backend and adopts the new key (and user id, where the platform has one).
   * The password goes nowhere else, and the sign-in request carries no key.
   *
   * Switching members: when another member is signed in, a successful sign-in drops everything
   * cached for them and ends their key on the server (best effort, not awaited). A failed one changes nothing:
   * the previous member stays signed in, and the promise rejects with the reason
   * (`<loyalty-sign-in>` shows it).
   */
  async signIn(credentials: SignInCredentials, signal?: AbortSignal): Promise<void> {
    const backend = this.backend;
    const { sessionKey, userId } = await backend.signIn(credentials, signal);
    const previous = this._key && !this._expired && this._key !== sessionKey ? { sessionKey: this._key, userId: this.userId } : undefined;
    this.setCredentials(sessionKey, userId);
    if (previous) void backend.signOut(previous).catch(() => undefined);
  }

  /** Forgets the key at once (elements show signed out), then ends it on the server, best effort. */
  async signOut(): Promise<void> {
    const key = this._key;
    if (!key) return;
    const backend = this.backend;
    const userId = this.userId;
    this.sessionKey = undefined;
    await backend.signOut({ sessionKey: key, userId }).catch(() => undefined);
  }

  /** Drops everything cached and loads again (elements show their skeleton, then fresh data or an error). */
  reload(): void {
    this.reset('reload');
  }

  /**
   * Refetches everything elements are showing, keeping it on screen meanwhile (unlike `reload()`):
   * for changes made elsewhere, such as an order at the till. With `keys`, only those cache entries
   * (one element's reads: `LoyaltyElement.refresh()`). Nothing happens when signed out.
   */
  refresh(keys?: readonly string[]): void {
    if (!this.signedIn) return;
    if (keys) this.cache.refreshKeys(keys);
    else this.cache.refreshWatched(0);
  }

  /**
   * Listens on `TAB_CHANNEL` until the returned function is called (`<loyalty-session>` does this
   * while it is on the page): a write confirmed in another tab of the same program invalidates the
   * same tags here. Without `BroadcastChannel` it does nothing.
   */
  listenToOtherTabs(): () => void {
    if (this._tabs || typeof BroadcastChannel === 'undefined') return () => {};
    const channel = (this._tabs = new BroadcastChannel(TAB_CHANNEL));
    channel.onmessage = ({ data }: MessageEvent<Partial<TabMessage> | null>) => {
      if (!this.signedIn || data?.type !== 'invalidate' || data.scope !== this.scope || !Array.isArray(data.tags)) return;
      const tags = data.tags.filter((t): t is string => typeof t === 'string');
      if (tags.length) this.cache.invalidate(tags);
    };
    return () => {
      channel.close();
      if (this._tabs === channel) this._tabs = undefined;
    };
  }

  /** The program this session belongs to, as other tabs name it (see `TAB_CHANNEL`). */
  private get scope(): string {
    const { backend, apiBase = '', vendorId = '', appHostname = '' } = this._config;
    let base = apiBase;
    try {
      base = new URL(apiBase, globalThis.location?.href).href; // "/api" and "https://site/api" are one program
    } catch {
      // not a URL: compare as written
    }
    return JSON.stringify([backend, base, vendorId, appHostname]);
  }

  private tellOtherTabs(tags: readonly string[]): void {
    if (!tags.length || typeof BroadcastChannel === 'undefined') return;
    // post on the listening channel when there is one: it does not hear its own messages
    const channel = this._tabs ?? new BroadcastChannel(TAB_CHANNEL);
    channel.postMessage({ type: 'invalidate', scope: this.scope, tags: [...tags] } satisfies TabMessage);
    if (channel !== this._tabs) channel.close();
  }

  /** The API said the key is no longer valid: forget everything of this member, once. */
  expire(error: LoyaltyError = new LoyaltyError('auth', 'Your session has expired. Please sign in again.')): void {
    if (this._expired || !this._key) return;
    this._expired = true;
    this.reset('expired');
    this.dispatchEvent(new CustomEvent('expired', { detail: error }));
  }

  private reset(reason: SessionChangeReason): void {
    this._generation++;
    this._checkin = undefined;
    this.cache.clear();
    if (reason === 'key' || reason === 'reload') this.prefetch();
    this.dispatchEvent(new CustomEvent('change', { detail: reason }));
  }
}
