import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, SPOONITY, armFault, resetSandbox, signIn, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** A session with one balance, signed in as `member` (or signed out when null). */
async function mount(member: string | null, attrs: { locale?: string; show?: string; retries?: number } = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session api-base=${SPOONITY} locale=${attrs.locale ?? 'en-CA'} retries=${attrs.retries ?? 2}>
      <loyalty-balance show=${attrs.show ?? 'all'}></loyalty-balance>
    </loyalty-session>`);
  const balance = root.querySelector('loyalty-balance') as LoyaltyBalance;
  if (member) root.sessionKey = await signIn(member);
  return { root, balance };
}

describe('<loyalty-balance>', () => {
  beforeEach(resetSandbox);

  it('shows the seed example in en-CA: $15.00 quick pay and 0 Points', async () => {
    const { balance } = await mount(MEMBERS.seed);
    await until(() => text(balance).includes('$15.00'));
    const rows = [...balance.shadowRoot!.querySelectorAll('[part~="row"]')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['Quick Pay balance $15.00', 'Points 0']);
  });

  it('formats the seed example in fr-CA', async () => {
    const { balance } = await mount(MEMBERS.seed, { locale: 'fr-CA' });
    await until(() => text(balance).includes('Points'));
    expect(text(balance)).to.contain('15,00 $');
    expect(balance.shadowRoot!.querySelector('[part~="stored-value"] dd')!.textContent!.trim()).to.equal('15,00\u00a0$');
  });

  it('lists loyalty currencies with their upcoming expirations, soonest first', async () => {
    const { balance } = await mount(MEMBERS.rich);
    await until(() => text(balance).includes('$182.35'));
    expect(text(balance)).to.contain('Points 1,240');
    const expirations = [...balance.shadowRoot!.querySelectorAll('[part~="expiration"] time')].map((t) => t.getAttribute('datetime')!);
    expect(expirations.length).to.be.greaterThan(1);
    expect([...expirations].sort()).to.deep.equal(expirations);
  });

  it('shows only points with show="points" and only stored value with show="quickpay"', async () => {
    const points = await mount(MEMBERS.seed, { show: 'points' });
    await until(() => text(points.balance).includes('Points'));
    expect(text(points.balance)).not.to.contain('$15.00');
    const quick = await mount(MEMBERS.seed, { show: 'quickpay' });
    await until(() => text(quick.balance).includes('$15.00'));
    expect(text(quick.balance)).not.to.contain('Points');
  });

  it('says so when the member has no balances', async () => {
    const { balance } = await mount(MEMBERS.empty);
    await until(() => text(balance).includes('No balances yet.'));
    await expect(balance).to.be.accessible();
  });

  it('shows the platform message and a Retry button on error, and Retry recovers', async () => {
    await armFault({ match: { path: '/user/currency/balance' }, fault: 'status=500', times: 1 });
    const { balance } = await mount(MEMBERS.seed, { retries: 0 });
    await until(() => balance.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(balance)).to.contain('Sandbox fault: HTTP 500');
    await expect(balance).to.be.accessible();
    const retry = balance.shadowRoot!.querySelector('button')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(balance).includes('$15.00'));
  });

  it('fires loyalty-error with the typed error', async () => {
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'status=502;body=html', times: 1 });
    const { root } = await mount(null, { retries: 0 });
    const errors: CustomEvent[] = [];
    document.addEventListener('loyalty-error', (e) => errors.push(e as CustomEvent), { once: true });
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => errors.length === 1);
    expect(errors[0].detail).to.include({ kind: 'http', status: 502 });
    expect(errors[0].bubbles && errors[0].composed).to.equal(true);
  });

  it('shows a skeleton while loading, without layout jump, and is accessible', async () => {
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=400', times: 1 });
    const { balance } = await mount(MEMBERS.seed);
    await until(() => balance.shadowRoot!.querySelector('[aria-busy="true"]'));
    const loadingHeight = balance.getBoundingClientRect().height;
    await expect(balance).to.be.accessible();
    await until(() => text(balance).includes('$15.00'));
    expect(balance.getBoundingClientRect().height).to.equal(loadingHeight);
  });

  it('is accessible when signed out, and says how to get in', async () => {
    const { balance } = await mount(null);
    await balance.updateComplete;
    expect(text(balance)).to.contain('Sign in to see your loyalty details.');
    await expect(balance).to.be.accessible();
  });

  it('is accessible with data', async () => {
    const { balance } = await mount(MEMBERS.rich);
    await until(() => text(balance).includes('$182.35'));
    await expect(balance).to.be.accessible();
  });

  it('announces the new amount politely when it changes', async () => {
    const { root, balance } = await mount(MEMBERS.seed);
    await until(() => text(balance).includes('$15.00'));
    const live = balance.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.equal('');
    // the member's stored value changes on the server (a reload at the till, say)
    await fetch(`${SPOONITY.replace('/spoonity', '')}/__sandbox/members/${encodeURIComponent(MEMBERS.seed)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quickPay: 20 }),
    });
    root.state.cache.invalidate(['balances']);
    await until(() => text(balance).includes('$20.00'));
    expect(live.textContent).to.contain('Balance updated: Quick Pay balance $20.00');
  });

  it('renders API text as text, never as markup', async () => {
    const { root, balance } = await mount(null);
    await fetch(`${SPOONITY.replace('/spoonity', '')}/__sandbox/members/${encodeURIComponent(MEMBERS.seed)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ currencyName: '<img src=x onerror="window.__pwned=1">Points' }),
    });
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => text(balance).includes('<img src=x'));
    expect(balance.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
