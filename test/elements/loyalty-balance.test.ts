import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { SPOONITY, armFault, resetSandbox, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** The rows shown (not the skeleton's). */
const rowsOf = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('dl:not([aria-hidden]) [part~="row"]')].map((r) => r.textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim());

for (const b of BACKENDS) {
  /** A session with one balance, signed in as `member` (or signed out when null). */
  const mount = async (member: string | null, attrs: { locale?: string; show?: string; retries?: number; currency?: string } = {}) => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname}
        locale=${attrs.locale ?? 'en-CA'} retries=${attrs.retries ?? 2}>
        <loyalty-balance show=${attrs.show ?? 'all'} currency=${attrs.currency ?? ''}></loyalty-balance>
      </loyalty-session>`);
    const balance = root.querySelector('loyalty-balance') as LoyaltyBalance;
    if (member) await signInto(root, b, member);
    return { root, balance };
  };
  /** The seed member's last balance row, as text: there once the data is. */
  const seedRow = b.seed.balanceRows.at(-1)!;

  describe(`<loyalty-balance> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('shows the seed member’s balances in en-CA', async () => {
      const { balance } = await mount(b.members.seed);
      await until(() => rowsOf(balance).length);
      expect(rowsOf(balance)).to.deep.equal(b.seed.balanceRows);
    });

    it('shows the platform message and a Retry button on error, and Retry recovers', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'status=500', times: 1 });
      const { balance } = await mount(b.members.seed, { retries: 0 });
      await until(() => balance.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(balance)).to.contain('Sandbox fault: HTTP 500');
      await expect(balance).to.be.accessible();
      const retry = balance.shadowRoot!.querySelector('button')!;
      expect(retry.textContent.trim()).to.equal('Retry');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(balance).includes(seedRow));
    });

    it('fires loyalty-error with the typed error', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'status=502;body=html', times: 1 });
      const { root } = await mount(null, { retries: 0 });
      const errors: CustomEvent[] = [];
      document.addEventListener('loyalty-error', (e) => errors.push(e as CustomEvent), { once: true });
      await signInto(root, b, b.members.seed);
      await until(() => errors.length === 1);
      expect(errors[0].detail).to.include({ kind: 'http', status: 502 });
      expect(errors[0].bubbles && errors[0].composed).to.equal(true);
    });

    it('fires loyalty-session-expired once when the platform rejects the session, and shows signed out', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'status=401', times: 1 });
      const { root, balance } = await mount(null);
      const expired: CustomEvent[] = [];
      root.addEventListener('loyalty-session-expired', (e) => expired.push(e));
      await signInto(root, b, b.members.seed);
      await until(() => expired.length === 1);
      expect(expired[0].detail.error).to.include({ kind: 'auth', status: 401 });
      await balance.updateComplete;
      expect(text(balance)).to.contain('Sign in to see your loyalty details.');
      expect(root.signedIn).to.equal(false);
    });

    it('shows a skeleton while loading, without layout jump, and is accessible', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'latency=400', times: 1 });
      const { balance } = await mount(b.members.seed);
      await until(() => balance.shadowRoot!.querySelector('[aria-busy="true"]'));
      const loadingHeight = balance.getBoundingClientRect().height;
      await expect(balance).to.be.accessible();
      await until(() => text(balance).includes(seedRow));
      expect(balance.getBoundingClientRect().height).to.equal(loadingHeight);
    });

    it('is accessible when signed out, and says how to get in', async () => {
      const { balance } = await mount(null);
      await balance.updateComplete;
      expect(text(balance)).to.contain('Sign in to see your loyalty details.');
      await expect(balance).to.be.accessible();
    });

    it('is accessible with data', async () => {
      const { balance } = await mount(b.members.rich);
      await until(() => text(balance).includes(b.rich.balanceText));
      await expect(balance).to.be.accessible();
    });

    it('announces the new amount politely when it changes', async () => {
      const { root, balance } = await mount(b.members.seed);
      await until(() => rowsOf(balance).length);
      const live = balance.shadowRoot!.querySelector('[aria-live="polite"]')!;
      expect(live.textContent.trim()).to.equal('');
      // the member's points change on the server (a purchase at the till, say)
      await b.setPoints(b.members.seed, 20);
      root.state.cache.invalidate(['balances']);
      await until(() => text(balance).includes('Points 20'));
      expect(live.textContent).to.contain('Balance updated: ').and.to.contain('Points 20');
    });

    if (b.supports('stored-value')) {
      it('formats the stored value in fr-CA', async () => {
        const { balance } = await mount(b.members.seed, { locale: 'fr-CA' });
        await until(() => text(balance).includes('Points'));
        expect(text(balance)).to.contain('15,00 $');
        expect(balance.shadowRoot!.querySelector('[part~="stored-value"] dd')!.textContent.trim()).to.equal('15,00\u00a0$');
      });

      it('shows only points with show="points" and only stored value with show="quickpay"', async () => {
        const points = await mount(b.members.seed, { show: 'points' });
        await until(() => text(points.balance).includes('Points'));
        expect(text(points.balance)).not.to.contain('$15.00');
        const quick = await mount(b.members.seed, { show: 'quickpay' });
        await until(() => text(quick.balance).includes('$15.00'));
        expect(text(quick.balance)).not.to.contain('Points');
      });
    } else {
      it('has no quick-pay row, and says so with show="quickpay"', async () => {
        const all = await mount(b.members.rich);
        await until(() => rowsOf(all.balance).length);
        expect(all.balance.shadowRoot!.querySelector('[part~="stored-value"]')).to.equal(null);
        expect(text(all.balance)).not.to.contain('Quick Pay');
        const quick = await mount(b.members.rich, { show: 'quickpay' });
        await until(() => text(quick.balance).includes('No stored value.'));
        await expect(quick.balance).to.be.accessible();
      });
    }

    if (b.supports('expiring-balances')) {
      it('lists loyalty currencies with their upcoming expirations, soonest first', async () => {
        const { balance } = await mount(b.members.rich);
        await until(() => text(balance).includes('$182.35'));
        expect(text(balance)).to.contain('Points 1,240');
        const expirations = [...balance.shadowRoot!.querySelectorAll('[part~="expiration"] time')].map((t) => t.getAttribute('datetime')!);
        expect(expirations.length).to.be.greaterThan(1);
        expect([...expirations].sort()).to.deep.equal(expirations);
      });
    }
  });
}

describe('<loyalty-balance> · spoonity only', () => {
  beforeEach(resetSandbox);
  const [spoonity] = BACKENDS;

  it('says so when the member has no balances', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    await signInto(root, spoonity, spoonity.members.empty);
    await until(() => text(balance).includes('No balances yet.'));
    await expect(balance).to.be.accessible();
  });

  it('renders API text as text, never as markup', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    await fetch(`${SPOONITY.replace('/spoonity', '')}/__sandbox/members/${encodeURIComponent(spoonity.members.seed)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ currencyName: '<img src=x onerror="window.__pwned=1">Points' }),
    });
    await signInto(root, spoonity, spoonity.members.seed);
    await until(() => text(balance).includes('<img src=x'));
    expect(balance.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<loyalty-balance> · spaaza only', () => {
  beforeEach(resetSandbox);
  const spaaza = BACKENDS[1];

  it('shows cashback as money, in the currency the page names', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${spaaza.apiBase} app-hostname=${spaaza.appHostname} locale="nl-NL">
        <loyalty-balance currency="EUR"></loyalty-balance>
      </loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    await signInto(root, spaaza, spaaza.members.rich);
    await until(() => rowsOf(balance).length === 2);
    expect(rowsOf(balance)).to.deep.equal(['Points 1.240', 'Cashback € 12,50']);
  });

  it('shows cashback as money in the program’s own currency (its wallet campaign), without a currency attribute', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${spaaza.apiBase} app-hostname=${spaaza.appHostname} vendor-id=${spaaza.vendorId} locale="en-CA">
        <loyalty-balance></loyalty-balance>
      </loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    await signInto(root, spaaza, spaaza.members.rich);
    await until(() => rowsOf(balance).length === 2);
    expect(rowsOf(balance)).to.deep.equal(['Points 1,240', 'Cashback €12.50']);
  });

  it('shows a new member’s 0 points rather than nothing', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${spaaza.apiBase} app-hostname=${spaaza.appHostname} locale="en-CA">
        <loyalty-balance></loyalty-balance>
      </loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    await signInto(root, spaaza, spaaza.members.empty);
    await until(() => rowsOf(balance).length);
    expect(rowsOf(balance)).to.deep.equal(['Points 0']);
    await expect(balance).to.be.accessible();
  });
});
