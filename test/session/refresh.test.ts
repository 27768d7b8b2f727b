import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, SPOONITY, clearLog, delay, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { restoreVisibility, setVisibility } from '../helpers/browser.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function mounted(attrs = '') {
  const root = await fixture<LoyaltySession>(
    attrs
      ? html`<loyalty-session api-base=${SPOONITY} locale="en-CA" refetch-on-focus="false"><loyalty-balance></loyalty-balance></loyalty-session>`
      : html`<loyalty-session api-base=${SPOONITY} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`,
  );
  root.sessionKey = await signIn(MEMBERS.seed);
  await until(() => text(root.querySelector('loyalty-balance')!).includes('$15.00'));
  await clearLog();
  return root;
}

describe('session refresh and mutations', () => {
  beforeEach(resetSandbox);

  it('refetches what is on screen when the device comes back online', async () => {
    await mounted();
    window.dispatchEvent(new Event('online'));
    await until(async () => (await requestLog({ path: '/user/quick-pay/balance' })).length === 1);
    expect(await requestLog({ path: '/user/currency/balance' })).to.have.length(1);
  });

  it('does not refetch on online with refetch-on-focus="false"', async () => {
    await mounted('off');
    window.dispatchEvent(new Event('online'));
    await delay(300);
    expect(await requestLog({ path: '/balance' })).to.deep.equal([]);
  });

  it('refreshes what a confirmed mutation invalidates, keeping the old figures on screen meanwhile', async () => {
    const root = await mounted();
    const balance = root.querySelector('loyalty-balance')!;
    await root.state.mutate(async () => 'ok', ['balances']);
    expect(text(balance)).to.contain('$15.00'); // no skeleton flash during the refresh
    await until(async () => (await requestLog({ path: '/user/quick-pay/balance' })).length === 1);
  });

  it('refreshes nothing when the mutation fails, and passes its error on', async () => {
    const root = await mounted();
    const failure = await root.state.mutate(() => Promise.reject(new Error('refused')), ['balances']).catch((e: Error) => e);
    expect(failure.message).to.equal('refused');
    await delay(200);
    expect(await requestLog({ path: '/balance' })).to.deep.equal([]);
  });

  it('leaves nothing of the member in the cache after sign-out', async () => {
    const root = await mounted();
    expect(root.state.cache.size).to.be.greaterThan(0);
    await root.signOut();
    expect(root.state.cache.size).to.equal(0);
    expect(root.state.cache.peek('balances')).to.equal(undefined);
  });
});

describe('a change made at the till shows when the member returns to the tab (issue 16)', () => {
  beforeEach(resetSandbox);
  afterEach(restoreVisibility);

  for (const b of BACKENDS) {
    const mount = async () => {
      const root = await fixture<LoyaltySession>(html`<loyalty-session
        backend=${b.backend}
        api-base=${b.apiBase}
        vendor-id=${b.vendorId}
        app-hostname=${b.appHostname}
        locale="en-CA"
        ><loyalty-balance></loyalty-balance
      ></loyalty-session>`);
      await signInto(root, b, b.members.seed);
      const balance = root.querySelector('loyalty-balance')!;
      await until(() => b.seed.balanceRows.every((row) => text(balance).includes(row.split(' ').pop()!)));
      return { root, balance };
    };

    it(`${b.name}: the tab becoming visible again refetches what is on screen, although it is younger than stale-time`, async () => {
      const { balance } = await mount();
      await b.setPoints(b.members.seed, 4321); // at the till, while the member looks elsewhere
      setVisibility('hidden');
      await delay(1100); // older than the one-second floor, far younger than the 30-s stale-time
      await clearLog();
      setVisibility('visible');
      await until(() => text(balance).includes('4,321'));
      // deduped: one request per read, though visibility and focus may arrive together
      window.dispatchEvent(new Event('focus'));
      await delay(200);
      const reads = await requestLog({ path: b.paths.balances });
      expect(reads).to.have.length(1);
    });

    it(`${b.name}: the window getting focus back refetches too`, async () => {
      const { balance } = await mount();
      await b.setPoints(b.members.seed, 4321);
      await delay(1100);
      window.dispatchEvent(new Event('focus'));
      await until(() => text(balance).includes('4,321'));
    });
  }
});
