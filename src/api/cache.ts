import { LoyaltyError } from './errors.js';

export interface QueryCacheOptions {
  /** How long data counts as fresh, in ms. Stale data is still served while it refreshes. Default 30 000. */
  staleTime?: number;
  /** Told about every failed load, background refreshes included (the session watches for `auth`). */
  onError?: (error: unknown) => void;
}

export interface FetchOptions {
  /** Detaches this caller only: a shared request keeps running for the others. */
  signal?: AbortSignal;
}

type Listener = () => void;

interface Entry {
  tags: Set<string>;
  load: (signal: AbortSignal) => Promise<unknown>;
  hasData: boolean;
  data?: unknown;
  updatedAt: number;
  stale: boolean;
  /** The last load of this generation failed (and nothing newer succeeded). */
  failed: boolean;
  inFlight?: Promise<unknown>;
  controller?: AbortController;
  listeners: Set<Listener>;
}

/** Settles like `promise`, or rejects with an `aborted` LoyaltyError when `signal` fires first. */
function detachable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new LoyaltyError('aborted', 'The request was cancelled.', { cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The request cache every element of one session shares (a TanStack-style query cache, small):
 * - one in-flight request per key, however many callers ask;
 * - "has data" is kept apart from "is loading", so stale data is served at once while a
 *   background refresh runs, and subscribers hear when fresh data lands;
 * - `invalidate(tags)` after a mutation marks what it touched stale and refreshes what is watched;
 * - `clear()` drops everything and aborts what is in flight, so nothing of the previous member
 *   can land after a session change — a response that arrives late is discarded.
 */
export class QueryCache {
  private entries = new Map<string, Entry>();
  private generation = 0;
  private readonly staleTime: number;
  private readonly onError?: (error: unknown) => void;

  constructor(options: QueryCacheOptions = {}) {
    this.staleTime = options.staleTime ?? 30_000;
    this.onError = options.onError;
  }

  /** Data for `key` (fresh, or stale with a refresh started), or a new request. */
  fetch<T>(key: string, tags: readonly string[], load: (signal: AbortSignal) => Promise<T>, options: FetchOptions = {}): Promise<T> {
    const entry = this.entry(key, tags, load);
    if (entry.hasData) {
      if (entry.stale || Date.now() - entry.updatedAt >= this.staleTime) void this.start(entry);
      return Promise.resolve(entry.data as T);
    }
    return detachable(this.start(entry) as Promise<T>, options.signal);
  }

  /** The data held for `key`, if any (never starts a request). */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.data as T | undefined;
  }

  /** Whether a request for `key` is running. */
  isFetching(key: string): boolean {
    return !!this.entries.get(key)?.inFlight;
  }

  /** Hear when fresh data for `key` lands. Watched keys are refreshed by `invalidate` and `refreshWatched`. */
  subscribe(key: string, listener: Listener): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.blank(() => Promise.reject(new Error('no loader')));
      this.entries.set(key, entry);
    }
    const listeners = entry.listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Marks every entry carrying one of `tags` stale, and refreshes the watched ones now. */
  invalidate(tags: readonly string[]): void {
    for (const entry of this.entries.values()) {
      if (!tags.some((t) => entry.tags.has(t))) continue;
      entry.stale = true;
      if (entry.hasData && entry.listeners.size) void this.start(entry, true);
    }
  }

  /**
   * Refreshes watched entries older than `minAge` ms (window focus, back online), and retries
   * watched ones whose last load failed (e.g. offline): their elements show the data when it lands.
   */
  refreshWatched(minAge = 0): void {
    const now = Date.now();
    for (const entry of this.entries.values())
      if (entry.listeners.size && ((entry.hasData && now - entry.updatedAt >= minAge) || (!entry.hasData && entry.failed))) void this.start(entry);
  }

  /**
   * Refetches the entries named, whatever their age (the data stays served meanwhile; a request in
   * flight is joined), and retries those whose last load failed. Entries never loaded are left alone.
   */
  refreshKeys(keys: readonly string[]): void {
    for (const key of new Set(keys)) {
      const entry = this.entries.get(key);
      if (entry && (entry.hasData || entry.failed)) void this.start(entry);
    }
  }

  /** Drops all data and aborts every request in flight. Listeners are kept (they belong to elements). */
  clear(): void {
    this.generation++;
    for (const entry of this.entries.values()) {
      entry.controller?.abort(new LoyaltyError('aborted', 'The session changed.'));
      Object.assign(entry, this.blank(entry.load), { listeners: entry.listeners, tags: entry.tags });
    }
  }

  /** How many subscriptions (`subscribe`, the session's `watch`) are live: for leak tests and diagnostics. */
  get watchers(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.listeners.size;
    return n;
  }

  /** How many keys hold data (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.hasData) n++;
    return n;
  }

  /** The keys that hold data (for tests and diagnostics: `peek` reads one). */
  keys(): string[] {
    return [...this.entries].filter(([, e]) => e.hasData).map(([key]) => key);
  }

  private blank(load: Entry['load']): Entry {
    return {
      tags: new Set(),
      load,
      hasData: false,
      data: undefined,
      updatedAt: 0,
      stale: false,
      failed: false,
      inFlight: undefined,
      controller: undefined,
      listeners: new Set(),
    };
  }

  private entry(key: string, tags: readonly string[], load: Entry['load']): Entry {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = this.blank(load)));
    entry.load = load;
    for (const t of tags) entry.tags.add(t);
    return entry;
  }

  /** Starts (or joins) the request for an entry. `restart` replaces one that began before an invalidation. */
  private start(entry: Entry, restart = false): Promise<unknown> {
    if (entry.inFlight && !restart) return entry.inFlight;
    entry.controller?.abort(new LoyaltyError('aborted', 'Superseded by a newer request.'));
    const generation = this.generation;
    const controller = new AbortController();
    const promise = entry.load(controller.signal).then(
      (data) => {
        if (generation !== this.generation || entry.inFlight !== promise) return data;
        Object.assign(entry, { data, hasData: true, updatedAt: Date.now(), stale: false, failed: false, inFlight: undefined, controller: undefined });
        for (const listener of [...entry.listeners]) listener();
        return data;
      },
      (error: unknown) => {
        if (entry.inFlight === promise) Object.assign(entry, { inFlight: undefined, controller: undefined });
        if (generation === this.generation && !controller.signal.aborted) {
          entry.failed = true;
          this.onError?.(error);
        }
        throw error;
      },
    );
    // a background refresh that fails keeps the stale data; nobody awaits it, so mark it handled
    promise.catch(() => {});
    entry.inFlight = promise;
    entry.controller = controller;
    return promise;
  }
}
