import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { TransactionHistory } from '../../src/elements/transaction-history/transaction-history.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPAAZA_FIXTURE, SPOONITY_FIXTURE, signInto, type BackendFixture } from '../helpers/backends.js';
import { armFault, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const rowTexts = (el: Element) => rows(el).map((r) => r.textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
const positions = (el: Element) => rows(el).map((r) => Number(r.getAttribute('aria-posinset')));
const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="content"]')!;
const more = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]');

type MountAttrs = { limit?: number; vendor?: string | null; retries?: number; fetch?: typeof fetch };

async function mount(b: BackendFixture, member: string | null, attrs: MountAttrs = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${attrs.vendor === null ? '' : (attrs.vendor ?? b.vendorId)}
      app-hostname=${b.appHostname} locale="en-CA" retries=${attrs.retries ?? 2} .fetch=${attrs.fetch}>
      <transaction-history currency="CAD" limit=${attrs.limit ?? 0}></transaction-history>
    </loyalty-session>`);
  const el = root.querySelector('transaction-history') as TransactionHistory;
  if (member) await signInto(root, b, member);
  return { root, el };
}

for (const b of BACKENDS) {
  describe(`<transaction-history> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('lists the entries newest first: date in the session locale, and what each earned', async () => {
      const { el } = await mount(b, b.members.seed);
      await until(() => rows(el).length === b.seed.historyRows);
      const dates = rows(el).map((r) => r.querySelector('time')!.getAttribute('datetime')!);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      const first = rows(el)[0];
      const when = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(dates[0]));
      expect(first.querySelector('[part~="date"]')!.textContent).to.equal(when);
      expect(first.querySelector('[part~="details"]')!.textContent).to.match(b.seed.historyDetails);
      expect(more(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows points spent', async () => {
      const { el } = await mount(b, b.members.rich);
      await until(() => rows(el).length);
      // scroll until an entry that spent points is in view
      await until(() => {
        base(el).scrollTop += 200;
        return rowTexts(el).some((r) => b.rich.spent.test(r));
      });
    });

    it('shows the last N entries with limit, without paging', async () => {
      const { el } = await mount(b, b.members.rich, { limit: 3 });
      await until(() => rows(el).length === 3);
      expect(more(el)).to.equal(null);
      expect(rows(el).map((r) => r.getAttribute('aria-setsize'))).to.deep.equal(['3', '3', '3']);
      const requests = (await requestLog({ path: b.paths.history })).length;
      base(el).scrollTop = 1000;
      await el.updateComplete;
      expect(await requestLog({ path: b.paths.history })).to.have.length(requests);
      await expect(el).to.be.accessible();
    });

    it('invites the first purchase when there are no orders', async () => {
      const { el } = await mount(b, b.members.empty);
      await until(() => text(el).includes('No orders yet.'));
      expect(text(el)).to.contain('Your first purchase will show up here');
      await expect(el).to.be.accessible();
    });

    it('shows the error and a Retry that recovers, for the history and for the profile it needs', async () => {
      await armFault({ match: { path: b.paths.history }, fault: 'status=500', times: 1 });
      const { el } = await mount(b, b.members.seed, { retries: 0 });
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(el)).to.contain('Sandbox fault: HTTP 500');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => rows(el).length === b.seed.historyRows);

      await resetSandbox();
      await armFault({ match: { path: b.paths.profile }, fault: 'status=503', times: 1 });
      const second = await mount(b, b.members.seed, { retries: 0 });
      await until(() => second.el.shadowRoot!.querySelector('[role="alert"]'));
      second.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await until(() => rows(second.el).length === b.seed.historyRows);
    });

    it('turns a history of the wrong shape into a clear error, not an empty list', async () => {
      await armFault({ match: { path: b.paths.history }, fault: 'body=wrong-shape', times: 1 });
      const { el } = await mount(b, b.members.seed, { retries: 0 });
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(el)).to.contain('unexpected response').and.to.contain(`${b.wrongShape.history} is not`);
      expect(text(el)).not.to.contain('No orders yet.');
    });

    it('shows an accessible skeleton while loading, and the signed-out state', async () => {
      await armFault({ match: { path: b.paths.history }, fault: 'latency=400', times: 1 });
      const { el } = await mount(b, b.members.seed);
      await until(() => el.shadowRoot!.querySelector('[aria-busy="true"]'));
      await expect(el).to.be.accessible();
      await until(() => rows(el).length);

      const out = await mount(b, null);
      await out.el.updateComplete;
      expect(text(out.el)).to.contain('Sign in to see your loyalty details.');
      await expect(out.el).to.be.accessible();
    });
  });
}

describe('<transaction-history> · spoonity: routes, stores, totals and pages', () => {
  beforeEach(resetSandbox);
  const b = SPOONITY_FIXTURE;

  it('reads the current route for the member the cached profile names, with store and total', async () => {
    const { el } = await mount(b, b.members.seed);
    await until(() => rows(el).length === 5);
    const first = rows(el)[0];
    expect(first.querySelector('[part~="location"]')!.textContent.length).to.be.greaterThan(0);
    expect(first.querySelector('[part~="total"]')!.textContent).to.match(/^\$\d+\.\d\d$/);
    const log = await requestLog();
    expect(log.filter((r) => r.path === '/user/profile')).to.have.length(1);
    expect(log.filter((r) => r.path.endsWith('/history')).map((r) => r.path)).to.deep.equal(['/vendor/1234/customers/100001/history']);
  });

  it('shows the rewards used', async () => {
    const { el } = await mount(b, b.members.rich);
    await until(() => rows(el).length);
    await until(() => {
      base(el).scrollTop += 200;
      return rowTexts(el).some((r) => r.includes('Used: '));
    });
  });

  it('shows the same orders from the deprecated route when there is no vendor id', async () => {
    const current = await mount(b, b.members.seed);
    await until(() => rows(current.el).length === 5);
    const expected = rowTexts(current.el);
    await resetSandbox();
    const deprecated = await mount(b, b.members.seed, { vendor: null });
    await until(() => rows(deprecated.el).length === 5);
    expect(rowTexts(deprecated.el)).to.deep.equal(expected);
    const log = await requestLog({ path: '/user/transaction/list' });
    expect(log).to.have.length(1);
    expect(log[0].query.order).to.equal('dateCreated(desc)');
  });

  it('falls back to the deprecated route when the current one answers 404', async () => {
    await armFault({ match: { path: '/history' }, fault: 'status=404', times: 1 });
    const { el } = await mount(b, b.members.seed);
    await until(() => rows(el).length === 5);
    expect(await requestLog({ path: '/user/transaction/list' })).to.have.length(1);
  });

  it('keeps fewer than 200 rows in the DOM with 10,000 orders, wherever it is scrolled', async () => {
    // everything in one answer: the server pages by `limit`, so ask for all 10,000 at once
    const everything: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace('limit=50', 'limit=10000'), init);
    const { el } = await mount(b, b.members.rich, { fetch: everything });
    await until(() => rows(el).length);
    expect(rows(el).length).to.be.lessThan(200);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('10000');
    expect(positions(el)[0]).to.equal(1);

    base(el).scrollTop = base(el).scrollHeight / 2;
    await until(() => positions(el).includes(5000));
    expect(rows(el).length).to.be.lessThan(200);

    // the keyboard scrolls the focusable list: End goes to the oldest order
    base(el).focus();
    await sendKeys({ press: 'End' });
    await until(() => positions(el).includes(10000));
    expect(rows(el).length).to.be.lessThan(200);
    expect(more(el)).to.equal(null);
    expect(await requestLog({ path: '/history' })).to.have.length(1);
  });

  it('loads the next page by itself when the list nears its end', async () => {
    const { el } = await mount(b, b.members.rich);
    await until(() => rows(el).length);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('-1');
    base(el).scrollTop = base(el).scrollHeight;
    await until(async () => (await requestLog({ path: '/history' })).length === 2);
    await until(() => Math.max(...positions(el)) > 50);
    expect(rows(el).length).to.be.lessThan(200);
    expect((await requestLog({ path: '/history' })).map((r) => r.query.page)).to.deep.equal(['1', '2']);
  });

  it('loads the next page with Load more, from the keyboard', async () => {
    const { el } = await mount(b, b.members.rich);
    await until(() => more(el));
    more(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(async () => (await requestLog({ path: '/history' })).length === 2);
    await until(() => !more(el)!.disabled);
    await expect(el).to.be.accessible();
  });

  it('drops the loaded pages when the member changes', async () => {
    const { root, el } = await mount(b, b.members.rich);
    await until(() => more(el));
    more(el)!.click();
    await until(async () => (await requestLog({ path: '/history' })).length === 2);
    await signInto(root, b, b.members.seed);
    await el.updateComplete;
    expect(rows(el)).to.have.length(0);
    await until(() => rows(el).length === 5);
    expect(rows(el).map((r) => r.getAttribute('aria-setsize'))).to.deep.equal(['5', '5', '5', '5', '5']);
  });
});

describe('<transaction-history> · spaaza: the wallet ledger', () => {
  beforeEach(resetSandbox);
  const b = SPAAZA_FIXTURE;

  it('merges the points and cashback ledgers, one row per purchase, all in one page', async () => {
    const { el } = await mount(b, b.members.rich);
    await until(() => rows(el).length);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('205');
    expect(rowTexts(el)[0]).to.match(/Café bonus — double points · \+\d+ pts$/);
    // cashback is money: the locale's currency format (en-CA: symbol first, two decimals), not "+1.8 €"
    expect(rowTexts(el)[1]).to.match(/Purchase · \+\d+ pts · \+€\d+\.\d{2}$/);
    expect(rows(el)[1].querySelector('[part~="total"]')!.textContent).to.equal('');
    expect(rows(el).length, 'still virtualized').to.be.lessThan(60);
    expect((await requestLog({ path: '/user-wallet-ledger' })).map((r) => r.query.type).sort()).to.deep.equal(['points', 'wallet']);
  });

  it('formats cashback as money in the program’s currency, the locale’s way (fr: "+1,80 €")', async () => {
    const { root, el } = await mount(b, b.members.rich);
    await until(() => rows(el).length > 1);
    root.setAttribute('locale', 'fr-FR');
    await until(() => /Purchase|Achat/.test(rowTexts(el)[1]) && /\+\d+,\d{2}\s€$/.test(rowTexts(el)[1].replace(/[\u00a0\u202f]/g, ' ')));
  });

  it('shows the new member’s entries once the member changes', async () => {
    const { root, el } = await mount(b, b.members.rich);
    await until(() => rows(el).length);
    await signInto(root, b, b.members.seed);
    await el.updateComplete;
    expect(rowTexts(el).some((r) => r.includes('Purchase'))).to.equal(false);
    await until(() => rows(el).length === 1);
    expect(rowTexts(el)[0]).to.contain('Welcome bonus · +5 pts');
  });
});
