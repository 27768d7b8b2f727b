import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, SPOONITY, clearLog, delay, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';

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
    expect((failure as Error).message).to.equal('refused');
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
