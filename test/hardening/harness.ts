/**
 * Shared plumbing of the hardening suites: a session wired to the sandbox through a `fetch` that
 * counts what the kit sends (and can play "offline"), a trap for uncaught errors and unhandled
 * rejections on the page, and the fault kinds of the matrix.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { signInto, type BackendFixture } from '../helpers/backends.js';
import { delay } from '../helpers/sandbox.js';

/** The session's `timeout` and `retries` in these suites (small, to keep them quick). */
export const TIMEOUT = 1000; // generous: under CI load (two browsers on two cores) a 300 ms read timed out before its fault answered
export const RETRIES = 1;

/** Whitespace-normalised text of an element's shadow root. */
export const text = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? el?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
/** The text of every `role=alert` in the element. */
export const alerts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => text(a)).join(' | ');

/** What the kit handed to `fetch`: every attempt, before the network (so a browser's own resend is not counted). */
export interface Attempt {
  method: string;
  path: string;
  /** Path and query (without the session key). */
  url: string;
}

/**
 * The session's `fetch`: counts every attempt the kit makes, and fails like a browser without a
 * network while `offline` is set (together with `navigator.onLine` and the `offline` event).
 */
export class Net {
  attempts: Attempt[] = [];
  /** Requests not answered (or failed) yet. */
  inFlight = 0;
  private offline = false;
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    url.searchParams.delete('session_key');
    this.attempts.push({ method: init?.method ?? 'GET', path: url.pathname, url: `${url.pathname}${url.search}` });
    if (this.offline) return Promise.reject(new TypeError('Failed to fetch'));
    this.inFlight++;
    const done = () => void this.inFlight--;
    // counted until the body is read too (the client reads it at once)
    return fetch(input, init).then(
      (response) => {
        const text = response.text.bind(response);
        response.text = () => text().finally(done);
        return response;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  };

  count(method: string, path: string): number {
    return this.attempts.filter((a) => a.method === method && a.path.includes(path)).length;
  }

  /** The most attempts at any one URL (path and query) matching: a read may call a path twice, with other parameters. */
  mostAttempts(method: string, path: string): number {
    const byUrl = new Map<string, number>();
    for (const a of this.attempts) if (a.method === method && a.path.includes(path)) byUrl.set(a.url, (byUrl.get(a.url) ?? 0) + 1);
    return Math.max(0, ...byUrl.values());
  }

  goOffline(): void {
    this.offline = true;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
  }

  goOnline(): void {
    this.offline = false;
    delete (navigator as unknown as Record<string, unknown>).onLine;
    window.dispatchEvent(new Event('online'));
  }
}

/** Undoes `Net.goOffline` whatever a test did (call in `afterEach`). */
export function restoreOnline(): void {
  delete (navigator as unknown as Record<string, unknown>).onLine;
}

/**
 * Records every uncaught error and unhandled promise rejection on the page from `install()` to
 * `check()`, which waits a moment (a rejection is reported a task later) and lists them.
 */
export class PageErrors {
  private seen: string[] = [];
  private readonly onError = (e: ErrorEvent) => this.seen.push(`error: ${e.message}`);
  private readonly onRejection = (e: PromiseRejectionEvent) =>
    this.seen.push(`unhandledrejection: ${e.reason instanceof Error ? `${e.reason.name}: ${e.reason.message}` : String(e.reason)}`);

  install(): void {
    this.seen = [];
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  async check(): Promise<string[]> {
    await delay(50);
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
    return this.seen;
  }
}

/** A `<loyalty-session>` on backend `b` (quick timeout, few retries) holding a fresh `<tag>`. */
export async function mountIn<T extends HTMLElement>(b: BackendFixture, tag: string, net: Net, attrs: Record<string, string> = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname}
      locale="en-CA" timeout=${TIMEOUT} retries=${RETRIES} .fetch=${net.fetch}></loyalty-session>`);
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  root.append(el);
  return { root, el };
}

export { signInto };

/** Presses a control with the keyboard, as a member would. */
export async function press(control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Enter' });
}

/** Sets an input's value as typing would (an `input` event that bubbles out of the shadow root). */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * The fault kinds of the matrix. `arm` is the sandbox fault spec (or `offline` / `none` for the
 * ones the test plays itself); `retryable`: a GET under it is retried up to `retries` times;
 * `unconfirmed`: a write under it got no answer, so it may have been applied.
 */
export interface FaultKind {
  name: string;
  /** A sandbox fault name, or `'offline'`. */
  fault: string;
  retryable: boolean;
  unconfirmed?: boolean;
  /** What a read's error state says (the kit's sentence for this failure). */
  read: RegExp;
}

export const FAULTS: readonly FaultKind[] = [
  { name: '500', fault: 'status=500', retryable: true, read: /unavailable/i },
  { name: '502 with an HTML body', fault: 'status=502;body=html', retryable: true, read: /unavailable/i },
  { name: '503 with Retry-After', fault: 'status=503;retry-after=1', retryable: true, read: /unavailable/i },
  { name: '429', fault: 'status=429', retryable: true, read: /too many requests/i },
  { name: 'timeout', fault: `latency=${TIMEOUT * 4}`, retryable: true, unconfirmed: true, read: /took too long/i },
  { name: 'dropped connection', fault: 'drop=1', retryable: true, unconfirmed: true, read: /could not reach/i },
  { name: 'offline', fault: 'offline', retryable: true, read: /could not reach/i },
  { name: 'malformed JSON', fault: 'body=malformed', retryable: false, read: /unexpected response/i },
  { name: 'valid JSON of the wrong shape', fault: 'body=wrong-shape', retryable: false, read: /unexpected response/i },
  { name: 'HTTP 200 with success:false', fault: 'body=success-false', retryable: false, read: /refused.*Sandbox fault: refused/i },
  { name: '401', fault: 'status=401', retryable: false, read: /session has expired/i },
  { name: '403 unverified', fault: 'body=unverified', retryable: false, read: /verif/i },
];
