/**
 * Leaks: 1,000 mount/unmount cycles of every element (and of `<loyalty-session>`) leave nothing
 * behind. After a warm-up that loads the data (and shows a check-in code with its countdown
 * running and a wake lock held), the test page counts what is live from then on: listeners on
 * `window` and `document`, timers, intervals and animation frames the kit's code starts,
 * wake-lock sentinels, `BroadcastChannel`s, the session's `change` listeners and the cache's
 * subscriptions (`session.cache.watchers`). Half the cycles remove the element in the same task
 * that added it (as a framework's re-render may), half after it has rendered; one instance in
 * three is the same element put back. After the cycles, and the requests they started, every
 * count is back to zero.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, type BackendFixture } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';
import { $, Net, signInto, text } from './harness.js';

const CYCLES = 1000;

/** A task boundary that starts no timer (a `MessageChannel` round trip). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Whether the caller of the instrumented function is the kit's code (not the test's or the runner's). */
const fromKit = () => /\/src\//.test(new Error().stack?.split('\n').slice(3).join('\n') ?? '');

/** Counts what is live from `install()` on, and puts everything back on `uninstall()`. */
class Probe {
  private listeners = new Map<EventTarget, Map<unknown, Set<string>>>();
  private timeouts = new Set<unknown>();
  private intervals = new Set<unknown>();
  private frames = new Set<number>();
  private locks = new Set<object>();
  private channels = new Set<BroadcastChannel>();
  private undo: (() => void)[] = [];
  /** How many of each were started since `install()`: proof the cycles exercised them. */
  started = { listeners: 0, timeouts: 0, intervals: 0, wakeLocks: 0, sessionListeners: 0 };

  /** Live things per kind. */
  live(session: LoyaltySession) {
    let listeners = 0;
    for (const byListener of this.listeners.values()) for (const keys of byListener.values()) listeners += keys.size;
    return {
      listeners,
      timeouts: this.timeouts.size,
      intervals: this.intervals.size,
      frames: this.frames.size,
      wakeLocks: this.locks.size,
      channels: this.channels.size,
      cacheWatchers: session.state.cache.watchers,
      sessionListeners: this.sessionListeners,
    };
  }

  private sessionListeners = 0;

  /** A fake `navigator.wakeLock` whose sentinels are counted until released. */
  fakeWakeLock(): void {
    const locks = this.locks;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const probe = this;
    const wakeLock = {
      async request() {
        const sentinel = Object.assign(new EventTarget(), {
          released: false,
          type: 'screen',
          async release() {
            if (sentinel.released) return;
            sentinel.released = true;
            locks.delete(sentinel);
            sentinel.dispatchEvent(new Event('release'));
          },
        });
        locks.add(sentinel);
        probe.started.wakeLocks++;
        return sentinel;
      },
    };
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: wakeLock });
    this.undo.push(() => delete (navigator as unknown as Record<string, unknown>).wakeLock);
  }

  install(session: LoyaltySession): void {
    this.listeners.clear();
    this.timeouts.clear();
    this.intervals.clear();
    this.frames.clear();
    this.channels.clear();
    this.sessionListeners = 0;
    this.started = { listeners: 0, timeouts: 0, intervals: 0, wakeLocks: 0, sessionListeners: 0 };
    for (const target of [window, document] as EventTarget[]) this.trackListeners(target);

    // the session's `change` listeners (one per element following it)
    const state = session.state;
    const add = state.addEventListener;
    const remove = state.removeEventListener;
    const changeListeners = new Set<unknown>();
    state.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      if (type === 'change' && listener && !changeListeners.has(listener))
        (changeListeners.add(listener), this.sessionListeners++, this.started.sessionListeners++);
      add.call(state, type, listener, options);
    };
    state.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
      if (type === 'change' && changeListeners.delete(listener)) this.sessionListeners--;
      remove.call(state, type, listener, options);
    };
    this.undo.push(() => {
      delete (state as Partial<EventTarget>).addEventListener;
      delete (state as Partial<EventTarget>).removeEventListener;
    });

    const w = window as unknown as Record<string, unknown>;
    const {
      setTimeout: st,
      clearTimeout: ct,
      setInterval: si,
      clearInterval: ci,
      requestAnimationFrame: raf,
      cancelAnimationFrame: caf,
      BroadcastChannel: BC,
    } = window;
    const timeouts = this.timeouts;
    w.setTimeout = (fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      if (!fromKit() || typeof fn !== 'function') return st(fn, ms, ...rest);
      const id = st(
        (...args: unknown[]) => {
          timeouts.delete(id);
          (fn as (...a: unknown[]) => void)(...args);
        },
        ms,
        ...rest,
      );
      timeouts.add(id);
      this.started.timeouts++;
      return id;
    };
    w.clearTimeout = (id?: number) => {
      timeouts.delete(id);
      ct(id);
    };
    w.setInterval = (fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = si(fn, ms, ...rest);
      if (fromKit()) (this.intervals.add(id), this.started.intervals++);
      return id;
    };
    w.clearInterval = (id?: number) => {
      this.intervals.delete(id);
      ci(id);
    };
    w.requestAnimationFrame = (fn: FrameRequestCallback) => {
      if (!fromKit()) return raf(fn);
      const id: number = raf((t) => {
        this.frames.delete(id);
        fn(t);
      });
      this.frames.add(id);
      return id;
    };
    w.cancelAnimationFrame = (id: number) => {
      this.frames.delete(id);
      caf(id);
    };
    const channels = this.channels;
    w.BroadcastChannel = class extends BC {
      constructor(name: string) {
        super(name);
        channels.add(this);
      }
      override close() {
        channels.delete(this);
        super.close();
      }
    };
    this.undo.push(() =>
      Object.assign(w, {
        setTimeout: st,
        clearTimeout: ct,
        setInterval: si,
        clearInterval: ci,
        requestAnimationFrame: raf,
        cancelAnimationFrame: caf,
        BroadcastChannel: BC,
      }),
    );
  }

  uninstall(): void {
    for (const undo of this.undo.splice(0).reverse()) undo();
  }

  private trackListeners(target: EventTarget) {
    const byListener = new Map<unknown, Set<string>>();
    this.listeners.set(target, byListener);
    const t = target as EventTarget & Record<string, unknown>;
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const capture = (o?: boolean | EventListenerOptions) => (typeof o === 'boolean' ? o : !!o?.capture);
    t.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      // a `once` listener goes by itself; none of the kit's window/document listeners is one
      if (listener && !(typeof options === 'object' && options.once)) {
        if (!byListener.has(listener)) byListener.set(listener, new Set());
        byListener.get(listener)!.add(`${type}:${capture(options)}`);
        this.started.listeners++;
      }
      add.call(target, type, listener, options);
    };
    t.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
      const keys = byListener.get(listener);
      keys?.delete(`${type}:${capture(options)}`);
      if (keys && !keys.size) byListener.delete(listener);
      remove.call(target, type, listener, options);
    };
    this.undo.push(() => {
      delete (t as Record<string, unknown>).addEventListener;
      delete (t as Record<string, unknown>).removeEventListener;
    });
  }
}

interface LeakScenario {
  tag: string;
  attrs?: Record<string, string>;
  applies: (b: BackendFixture) => boolean;
  /** The warm-up instance shows its data. */
  loaded: (el: HTMLElement, b: BackendFixture) => boolean;
}

const ELEMENTS: LeakScenario[] = [
  { tag: 'loyalty-balance', applies: () => true, loaded: (el) => !!el.shadowRoot!.querySelector('dl:not([aria-hidden]) [part~="row"]') },
  { tag: 'reward-progress', applies: (b) => b.supports('rewards'), loaded: (el, b) => text(el).includes(b.seed.rewardNames[0]) },
  { tag: 'transaction-history', applies: (b) => b.supports('history'), loaded: (el) => !!$(el, '[part~="row"]') },
  { tag: 'card-wallet', applies: () => true, loaded: (el) => !!el.shadowRoot!.querySelector('ul:not([aria-hidden]) [part~="card"]') },
  {
    tag: 'checkin-code',
    attrs: { 'wake-lock': '' },
    applies: () => true,
    // with tokens: the code and its countdown; without: the member card
    loaded: (el, b) => (b.supports('checkin-token') ? !!$(el, '[part~="countdown"]') : text($(el, '[part~="token"]')) === b.seed.memberCard),
  },
  {
    tag: 'profile-form',
    attrs: { 'confirm-unsaved': '' },
    applies: (b) => b.supports('profile'),
    loaded: (el, b) => $<HTMLInputElement>(el, '#first-name')?.value === b.seed.firstName,
  },
  { tag: 'account-deletion', applies: (b) => b.supports('account-deletion'), loaded: (el) => !!$(el, '[part~="delete"]') },
  { tag: 'loyalty-sign-in', applies: () => true, loaded: (el) => !!$(el, '[part~="signed-in"]') },
];

const ZERO = { listeners: 0, timeouts: 0, intervals: 0, frames: 0, wakeLocks: 0, channels: 0, cacheWatchers: 0, sessionListeners: 0 };

/** Mounts `make()` 1,000 times in `parent` and removes it again, half at once and half once rendered. */
async function cycle(parent: Element, make: () => HTMLElement, kept: HTMLElement) {
  for (let i = 0; i < CYCLES; i++) {
    const el = i % 3 === 0 ? kept : make();
    parent.append(el);
    if (i % 2) {
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await nextTask();
    }
    el.remove();
    if (i % 50 === 49) await nextTask(); // let the updates of removed elements run too
  }
}

for (const b of BACKENDS) {
  describe(`leaks · ${b.name}`, function () {
    this.timeout(60_000);
    const probe = new Probe();
    beforeEach(resetSandbox);
    afterEach(() => probe.uninstall());

    for (const s of ELEMENTS.filter((e) => e.applies(b))) {
      it(`<${s.tag}>: ${CYCLES} mount/unmount cycles leave no listener, timer, wake lock or subscription behind`, async () => {
        const net = new Net();
        probe.fakeWakeLock();
        const root = await fixture<LoyaltySession>(html`
          <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname}
            locale="en-CA" .fetch=${net.fetch}></loyalty-session>`);
        await signInto(root, b, b.members.seed);
        const make = () => {
          const el = document.createElement(s.tag);
          for (const [k, v] of Object.entries(s.attrs ?? {})) el.setAttribute(k, v);
          return el;
        };

        // warm-up: the data loads once (the check-in code's countdown runs, its wake lock is held)
        const warm = make();
        root.append(warm);
        if (s.tag === 'loyalty-sign-in') await until(() => $(warm, '[part~="signed-in"]'));
        await until(() => s.loaded(warm, b), 5000);
        warm.remove();
        await until(() => net.inFlight === 0);
        await nextTask();

        probe.install(root);
        await cycle(root, make, warm);
        // what the cycles started has finished: requests, the updates of removed elements, frames
        await until(() => net.inFlight === 0, 20_000);
        await nextFrame();
        await nextFrame();
        await nextTask();
        expect(probe.live(root)).to.deep.equal(ZERO);
        // the cycles did start what is counted: the session followed, page listeners added
        expect(probe.started.sessionListeners, 'session listeners added').to.be.greaterThan(CYCLES / 3);
        expect(probe.started.listeners, 'page listeners added').to.be.greaterThan(CYCLES / 3);
        if (s.tag === 'checkin-code') {
          expect(probe.started.wakeLocks, 'wake locks taken').to.be.greaterThan(0);
          if (b.supports('checkin-token')) expect(probe.started.intervals, 'countdowns started').to.be.greaterThan(CYCLES / 10);
        }
        // and the session still works: the data shows in a new element
        const last = make();
        root.append(last);
        await until(() => s.loaded(last, b), 5000);
      });
    }

    it(`<loyalty-session>: ${CYCLES} mount/unmount cycles leave no listener, timer or channel behind`, async () => {
      const net = new Net();
      const parent = await fixture<HTMLDivElement>(html`<div></div>`);
      const make = () => {
        const session = document.createElement('loyalty-session');
        Object.assign(session, {
          backend: b.backend,
          apiBase: b.apiBase,
          vendorId: b.vendorId,
          appHostname: b.appHostname,
          refreshInterval: 60_000,
          fetch: net.fetch,
        });
        session.append(document.createElement('loyalty-balance'));
        return session;
      };
      const kept = make();
      parent.append(kept);
      await kept.updateComplete;
      kept.remove();
      probe.install(kept);
      await cycle(parent, make, kept);
      await nextFrame();
      await nextTask();
      expect(probe.live(kept)).to.deep.equal(ZERO);
      expect(probe.started.intervals, 'refresh timers started').to.be.greaterThan(CYCLES / 3);
      expect(probe.started.listeners, 'page listeners added').to.be.greaterThan(CYCLES / 3);
    });
  });
}
