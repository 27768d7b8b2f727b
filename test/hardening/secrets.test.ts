/**
 * Secrets: the session key, set as a property, appears nowhere but in the API requests — not in
 * the DOM (light and every shadow root, attributes and input values), not in any event dispatched
 * on the page (details serialised, errors with their message, stack and cause), not in console
 * output, storage, cookies or IndexedDB, not in the URL of any other resource, the location or
 * history. For every element and both backends, through the happy path and the failure paths
 * where keys leak (HTTP 500, a timeout, a 401 that ends the session, sign-out).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS } from '../helpers/backends.js';
import { armFault, clearFaults, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

const ELEMENTS = [
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'profile-form',
  'card-wallet',
  'account-deletion',
  'loyalty-sign-in',
];
const READERS = ['loyalty-balance', 'reward-progress', 'transaction-history'];

/** Everything reachable from `value` as text: own and inherited error fields, causes, nested objects. */
function serialize(value: unknown, seen = new Set<unknown>(), depth = 0): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  if (seen.has(value) || depth > 6 || value instanceof Node || value === window) return '';
  seen.add(value);
  const parts: string[] = [];
  if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? '', serialize(value.cause, seen, depth + 1));
  if (value instanceof Event) parts.push(value.type, serialize((value as CustomEvent).detail, seen, depth + 1));
  try {
    for (const key of Object.getOwnPropertyNames(value)) parts.push(key, serialize((value as Record<string, unknown>)[key], seen, depth + 1));
  } catch {
    // a getter that throws: nothing to read
  }
  return parts.join(' ');
}

// --- what the page could leak through, recorded from the start ---------------------------------

const recorded: string[] = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    recorded.push(`console.${level}: ${args.map((a) => serialize(a)).join(' ')}`);
    original(...args);
  };
}
const dispatchEvent = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (event: Event) {
  recorded.push(`event ${event.type}: ${serialize(event)}`);
  return dispatchEvent.call(this, event);
};
window.addEventListener('unhandledrejection', (e) => recorded.push(`unhandled rejection: ${serialize(e.reason)}`));
window.addEventListener('error', (e) => recorded.push(`error: ${e.message} ${serialize(e.error)}`));

/** The DOM as text: light DOM, every shadow root, and the values of inputs (which markup omits). */
function domText(root: ParentNode & Node): string {
  const parts = [root instanceof ShadowRoot ? root.innerHTML : (root as Element).outerHTML];
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) parts.push(el.value);
    if (el.shadowRoot) parts.push(domText(el.shadowRoot));
  }
  return parts.join('\n');
}

async function storageText(): Promise<string> {
  const parts = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), JSON.stringify(history.state), location.href];
  const databases = (await indexedDB.databases?.()) ?? [];
  parts.push(...databases.map((d) => d.name ?? ''));
  if ('caches' in window) parts.push(...(await caches.keys()));
  return parts.join('\n');
}

for (const b of BACKENDS) {
  describe(`Secrets (${b.name})`, function () {
    this.timeout(120_000);
    afterEach(() => clearFaults());

    it('keeps the session key out of the DOM, events, errors, console, storage and other URLs', async () => {
      await resetSandbox();
      const credentials = await b.signIn(b.members.rich);
      const key = credentials.sessionKey;
      expect(key.length).to.be.at.least(16);
      // the whole key, and any long piece of it (a truncated copy is a leak too)
      const pieces = [key, key.slice(0, 12), key.slice(-12)];
      const leaks = (text: string) => pieces.some((p) => text.includes(p));
      recorded.length = 0;

      const page = await fixture<HTMLElement>(html`<div>
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="1" timeout="1500" locale="en-CA">
          ${ELEMENTS.map((tag) => document.createElement(tag))}
        </loyalty-session>
      </div>`);
      const session = page.querySelector<LoyaltySession>('loyalty-session')!;
      session.userId = credentials.userId ?? '';
      session.sessionKey = key;
      const shadow = (tag: string) => session.querySelector(tag)!.shadowRoot!;
      const loaded = () => READERS.every((tag) => shadow(tag).childElementCount && !shadow(tag).querySelector('[aria-busy="true"], [role=alert]'));
      const failed = () => READERS.every((tag) => shadow(tag).querySelector('[role=alert]'));
      /** Waits for `check`; on time-out, says which step and what each reader shows. */
      const step = (name: string, check: () => unknown, timeout = 20_000) =>
        until(check, timeout).catch(() => {
          throw new Error(
            `${name}: not reached; ${READERS.map((t) => `${t}: "${(shadow(t).textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}"`).join('; ')}`,
          );
        });
      const snapshots: string[] = [];
      const snapshot = async (when: string) => snapshots.push(`${when}:\n${domText(document.documentElement)}\n${await storageText()}`);

      await step('loaded', loaded);
      await snapshot('loaded');
      expect(session.hasAttribute('session-key')).to.equal(false);

      // HTTP 500 on every read
      await armFault({ match: { method: 'GET' }, fault: 'status=500', times: 0 });
      session.reload();
      await step('HTTP 500 shown', failed);
      await snapshot('after HTTP 500');
      await clearFaults();

      // a timeout on every read
      await armFault({ match: { method: 'GET' }, fault: 'latency=2500', times: 0 });
      session.reload();
      await step('timeouts shown', failed);
      await snapshot('after timeouts');
      await clearFaults();
      // the sandbox still holds the timed-out requests for their 2.5 s; Firefox keeps their
      // connections busy until then, so the next reads would queue behind them and time out too
      const held = async () => (await requestLog()).some((r) => !r.done);
      await step('sandbox answered the held requests', async () => !(await held()), 10_000);

      // back, then a write that fails, then a 401 that ends the session
      session.reload();
      await step('loaded again', loaded);
      await armFault({ match: { method: 'POST' }, fault: 'status=500' });
      shadow('checkin-code').querySelector<HTMLButtonElement>('[part~=refresh]')?.click();
      const expired = new Promise((resolve) => session.addEventListener('loyalty-session-expired', resolve, { once: true }));
      await armFault({ match: { method: 'GET' }, fault: 'status=401', times: 0 });
      session.reload();
      await expired;
      await step('signed out by the 401', () => !session.signedIn, 10_000);
      await snapshot('after 401');
      await clearFaults();

      // a fresh key, then sign-out (the one request that names the key on purpose)
      const again = await b.signIn(b.members.rich);
      pieces.push(again.sessionKey);
      session.userId = again.userId ?? '';
      session.sessionKey = again.sessionKey;
      await step('loaded with a fresh key', loaded);
      await session.signOut();
      await snapshot('after sign-out');

      const where = snapshots.filter(leaks).map((s) => s.split('\n', 1)[0]);
      expect(where, 'the key in the DOM, storage, cookies, location or history').to.deep.equal([]);
      const said = recorded.filter(leaks).map((r) => r.slice(0, 200));
      expect(said, 'the key in events, errors or console output').to.deep.equal([]);
      // resources: only the API calls themselves may carry it (Spoonity's query string)
      const api = new URL(`${b.apiBase}/`, location.href).href;
      const urls = performance.getEntriesByType('resource').map((e) => e.name);
      expect(
        urls.filter((u) => leaks(u) && !u.startsWith(api)),
        'other URLs carrying the key',
      ).to.deep.equal([]);
      if (b.name === 'spoonity')
        expect(
          urls.some((u) => u.startsWith(api) && leaks(u)),
          'the API requests carry it (the scan can see it)',
        ).to.equal(true);
      // the recording works: events and errors were seen (a scan of nothing would pass)
      expect(recorded.some((r) => r.startsWith('event loyalty-error') && r.includes('LoyaltyError'))).to.equal(true);
      expect(recorded.some((r) => r.startsWith('event loyalty-session-expired'))).to.equal(true);
      page.remove();
    });
  });
}

// the recorder itself: a scan of nothing would pass
it('records console output and events (the recorder works)', () => {
  const before = recorded.length;
  console.debug('probe', new Error('probe error', { cause: 'probe cause' }));
  document.body.dispatchEvent(new CustomEvent('probe', { detail: { nested: { value: 'probe detail' } } }));
  const probe = recorded.slice(before).join('\n');
  expect(probe).to.include('probe cause').and.include('probe detail');
});
