/**
 * Session races: one page with every element in one `<loyalty-session>`, 200 random switches of
 * its `sessionKey` between three members (and now and then signed out) while the sandbox answers
 * each request after a random latency (`X-Sandbox-Fault: latency=…`, added by the session's
 * `fetch`). Every text a member's answers carry is marked with that member's word
 * (`POST /__sandbox/hostile`), so a sample of the page — on every animation frame, and after every
 * batch of DOM mutations — tells whose data it shows: never anyone's but the current member's.
 * The session's cache holds nothing of a member once their session has ended.
 *
 * The switches come from a seeded PRNG: a failure names its seed (set `SEED` to replay it).
 */
import { expect, fixture, html } from '@open-wc/testing';
// first: every shadow root the kit creates is observed from its start
import { deepText, observeDeep } from '../helpers/deep-dom.js';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, type Credentials } from '../helpers/backends.js';
import { SANDBOX, delay, resetSandbox, until } from '../helpers/sandbox.js';

const SEED = 8_2026;
const SWITCHES = 200;
const MARKERS = ['QQALPHAQQ', 'QQBRAVOQQ', 'QQCHARLIEQQ'];
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

/** mulberry32: a small seeded PRNG, [0, 1). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function control(path: string, body: unknown) {
  const res = await fetch(`${SANDBOX}/__sandbox/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: HTTP ${res.status}`);
}

interface Member {
  marker: string;
  credentials: Credentials;
}

for (const b of BACKENDS) {
  describe(`Session races (${b.name})`, function () {
    this.timeout(120_000);
    let members: Member[];

    before(async () => {
      await resetSandbox();
      const emails = [b.members.rich, b.members.seed, b.members.empty];
      // sign in first: marking replaces the email too
      const credentials = await Promise.all(emails.map((email) => b.signIn(email)));
      for (const [i, email] of emails.entries()) await control('hostile', { email, backend: b.name, strings: [`${MARKERS[i]} text`] });
      members = credentials.map((c, i) => ({ marker: MARKERS[i], credentials: c }));
    });

    it(`never paints another member's data over ${SWITCHES} random switches under random latency, and keeps nothing of an ended session`, async () => {
      const random = prng(SEED);
      const page = await fixture<HTMLElement>(html`<div style="width: 420px">
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" timeout="5000" locale="en-CA">
          ${ELEMENTS.map((tag) => document.createElement(tag))}
        </loyalty-session>
      </div>`);
      const session = page.querySelector<LoyaltySession>('loyalty-session')!;
      // the sandbox waits 0–250 ms before answering each request
      session.fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('X-Sandbox-Fault', `latency=${Math.floor(random() * 250)}`);
        return fetch(input, { ...init, headers });
      };
      await session.updateComplete;

      let current: Member | undefined;
      let switches = 0;
      const violations: string[] = [];
      const seen = new Map<string, number>(); // marker → samples that showed it while current

      /** Checks what the page shows, and what the cache holds, against the current member. */
      const sample = (when: string) => {
        const text = deepText(page, { attributes: true });
        for (const m of members) {
          if (m === current) {
            if (text.includes(m.marker)) seen.set(m.marker, (seen.get(m.marker) ?? 0) + 1);
            continue;
          }
          if (text.includes(m.marker))
            violations.push(`${when}, switch ${switches}: the page shows ${m.marker} while ${current?.marker ?? 'signed out'} is current (seed ${SEED})`);
        }
        const cache = session.state.cache;
        const held = JSON.stringify(cache.keys().map((k) => cache.peek(k)));
        for (const m of members)
          if (m !== current && held.includes(m.marker))
            violations.push(`${when}, switch ${switches}: the cache holds ${m.marker} while ${current?.marker ?? 'signed out'} is current (seed ${SEED})`);
        if (!current && cache.size) violations.push(`${when}, switch ${switches}: signed out, but the cache holds ${cache.keys().join(', ')} (seed ${SEED})`);
      };

      let sampling = true;
      const frame = () => {
        if (!sampling) return;
        sample('frame');
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      // after a batch of mutations, once the renders it belongs to have settled (same member still current)
      const onMutations = () => {
        const at = switches;
        setTimeout(() => at === switches && sample('after mutations'));
      };
      const stopObserving = observeDeep(onMutations);

      try {
        for (switches = 1; switches <= SWITCHES; switches++) {
          const next = random() < 0.1 ? undefined : members[Math.floor(random() * members.length)];
          session.userId = next?.credentials.userId ?? '';
          session.sessionKey = next?.credentials.sessionKey ?? '';
          const changed = next !== current;
          current = next;
          // the cache is emptied at once when the member changes
          if (changed && session.state.cache.size)
            violations.push(`switch ${switches}: the cache still holds ${session.state.cache.keys().join(', ')} right after the switch`);
          // mostly quick switches (responses of earlier members still on their way), sometimes long enough to paint
          await delay(random() < 0.7 ? random() * 40 : 200 + random() * 400);
        }

        // end the session: a sign-out, while responses are still on their way
        if (!current) {
          session.userId = members[0].credentials.userId ?? '';
          session.sessionKey = members[0].credentials.sessionKey;
          current = members[0];
          await until(() => deepText(page, { attributes: true }).includes(members[0].marker), 8000);
        }
        session.state.refresh();
        await session.signOut();
        current = undefined;
        expect(session.state.cache.size, 'cache entries right after sign-out').to.equal(0);
        await delay(600); // every response still on its way (≤ 250 ms latency) lands now
        sample('after sign-out');
        expect(session.state.cache.keys(), 'cache entries after sign-out, once late responses landed').to.deep.equal([]);
      } finally {
        sampling = false;
        stopObserving();
        page.remove();
      }

      expect(violations.slice(0, 10), `${violations.length} violations`).to.deep.equal([]);
      // the check can fail: members' data was on screen, and recognised, many times
      for (const m of members) expect(seen.get(m.marker) ?? 0, `samples showing ${m.marker} while current`).to.be.greaterThan(5);
    });
  });
}
