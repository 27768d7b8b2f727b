/**
 * Nothing keeps a removed element alive: after every element (in a session, and one outside it
 * pointing at it by id) has shown data and been removed, a garbage collection frees each of them
 * and the session. Module-level state (the page-language observer, registries, caches, listeners
 * on window/document) must not close over an element. This runs first in its own page on purpose:
 * a leak of "the first element ever connected" is only visible to the first mount of a page.
 *
 * Chromium only: it needs `window.gc()` (`--js-flags=--expose-gc` in web-test-runner.config.mjs).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { BACKENDS } from '../helpers/backends.js';
import { delay, resetSandbox, until } from '../helpers/sandbox.js';

const TAGS = [
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'card-wallet',
  'profile-form',
  'account-deletion',
  'loyalty-sign-in',
];
const gc = (window as unknown as { gc?: () => void }).gc;

/** Mounts a session with every element, plus one outside it, waits for data, removes them all; returns weak references only. */
async function mountShowAndRemove(b: (typeof BACKENDS)[number], id: string): Promise<WeakRef<Element>[]> {
  const credentials = await b.signIn(b.members.rich);
  const session = document.createElement('loyalty-session');
  Object.assign(session, { id, backend: b.backend, apiBase: b.apiBase, vendorId: b.vendorId, appHostname: b.appHostname });
  session.setAttribute('locale', 'en-CA');
  session.append(...TAGS.map((tag) => document.createElement(tag)));
  const outside = document.createElement('loyalty-balance');
  outside.setAttribute('session', id);
  document.body.append(session, outside);
  session.userId = credentials.userId ?? '';
  session.sessionKey = credentials.sessionKey;
  const shown = (el: Element) => !!el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[aria-busy="true"]');
  await until(() => [...session.children, outside].every(shown), 10_000);
  const refs = [session, outside, ...session.children].map((el) => new WeakRef(el));
  session.remove();
  outside.remove();
  return refs;
}

describe('garbage', () => {
  before(function () {
    if (!gc) this.skip(); // Firefox has no window.gc()
  });

  for (const b of BACKENDS) {
    it(`frees every removed element and its session (${b.name})`, async function () {
      this.timeout(40_000);
      await resetSandbox();
      const refs = await mountShowAndRemove(b, `garbage-${b.name}`);
      // let pending requests, timers and microtasks settle, then collect a few times: up to 10 s,
      // since a request still in flight keeps its reader alive until it settles, and under CI's load
      // (two browsers on two cores) one took longer than the 2 s this allowed before
      let alive: string[] = [];
      for (let i = 0; i < 50; i++) {
        await delay(200);
        gc!();
        await delay(0);
        alive = refs.map((r) => r.deref()?.localName).filter((n): n is string => !!n);
        if (!alive.length) break;
      }
      expect(alive, 'elements still alive after removal and garbage collection').to.deep.equal([]);
    });
  }
});
