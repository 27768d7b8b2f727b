import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Reward } from '../../src/api/types.js';
import type { RewardProgress } from '../../src/elements/reward-progress/reward-progress.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, SPOONITY, armFault, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: Element) => all(el, '[part~="name"]').map((b) => b.textContent!.trim());
const rewardTexts = (el: Element) => all(el, '[part~="reward"]').map((r) => r.textContent!.replace(/[\s\u00a0]+/g, ' ').trim());

async function mount(member: string | null, attrs: { limit?: number; availableOnly?: boolean; hideTier?: boolean; retries?: number } = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session api-base=${SPOONITY} vendor-id="1234" locale="en-CA" retries=${attrs.retries ?? 2}>
      <reward-progress limit=${attrs.limit ?? 0} ?available-only=${attrs.availableOnly} ?hide-tier=${attrs.hideTier}></reward-progress>
    </loyalty-session>`);
  const el = root.querySelector('reward-progress') as RewardProgress;
  if (member) root.sessionKey = await signIn(member);
  return { root, el };
}

/** The rich member's rewards, with the second page loaded. */
async function loadAll(el: RewardProgress) {
  await until(() => all(el, '[part~="more"]').length);
  all(el, '[part~="more"]')[0].click();
  await until(() => names(el).length === 40);
}

describe('<reward-progress>', () => {
  beforeEach(resetSandbox);

  it('renders the seed example: Free Item, cost 50, 0 available, tier Default', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => names(el).length);
    expect(names(el)).to.deep.equal(['Free Item']);
    const reward = rewardTexts(el)[0];
    expect(reward).to.contain('50 Points').and.to.contain('0 available now').and.to.contain('Includes Small, Regular, and Large sandwiches.');
    expect(el.shadowRoot!.querySelector('[part~="tier-name"]')!.textContent).to.equal('Default');
    // one tier in the program: nothing about a next one
    expect(el.shadowRoot!.querySelector('[part~="next-tier"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows progress as an accessible progress bar whose text says the same', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => names(el).length);
    const bar = el.shadowRoot!.querySelector('[part~="reward"] [role="progressbar"]')!;
    expect([...['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext'].map((a) => bar.getAttribute(a))]).to.deep.equal(['0', '0', '50', '0 of 50 Points']);
    expect(el.shadowRoot!.querySelector('[part~="reward"] [part~="progress-text"]')!.textContent).to.equal('0 of 50 Points');

    // the rich member holds 1240 Points: a 1500-point reward is 1240 of the way there
    const rich = await mount(MEMBERS.rich);
    await until(() => names(rich.el).includes('Crème brûlée'));
    const brulee = all(rich.el, '[part~="reward"]').find((r) => r.textContent!.includes('Crème brûlée'))!;
    const richBar = brulee.querySelector('[role="progressbar"]')!;
    expect(richBar.getAttribute('aria-valuenow')).to.equal('1240');
    expect(richBar.getAttribute('aria-valuemax')).to.equal('1500');
    expect(richBar.getAttribute('aria-valuetext')).to.equal('1,240 of 1,500 Points');
    expect(brulee.querySelector<HTMLElement>('[part~="bar"]')!.style.width).to.match(/^82\.6/);
  });

  it('lists available rewards first, then by how close the member is', async () => {
    const { el } = await mount(MEMBERS.rich);
    await loadAll(el);
    const rewards = rewardTexts(el);
    const available = rewards.map((r) => !r.includes(' 0 available now'));
    const firstUnavailable = available.indexOf(false);
    expect(firstUnavailable).to.be.greaterThan(0);
    expect(available.slice(firstUnavailable)).not.to.include(true);
    const ratios = all(el, '[part~="reward"] [role="progressbar"]')
      .slice(firstUnavailable)
      .map((b) => Number(b.getAttribute('aria-valuenow')) / Number(b.getAttribute('aria-valuemax')));
    expect(ratios).to.deep.equal([...ratios].sort((a, b) => b - a));
    // 7 Stars toward a 10-Star reward (0.7) comes before 1240 toward 2500 Points (0.5)
    expect(names(el).indexOf('Extra shot')).to.be.lessThan(names(el).indexOf('Jalapeño bagel'));
    await expect(el).to.be.accessible();
  });

  it('shows only what can be redeemed now with available-only', async () => {
    const { el } = await mount(MEMBERS.rich, { availableOnly: true });
    await until(() => all(el, '[part~="more"]').length);
    all(el, '[part~="more"]')[0].click();
    await until(() => names(el).includes('Size upgrade'));
    expect(rewardTexts(el).some((r) => r.includes(' 0 available now'))).to.equal(false);
    expect(names(el)).to.include('Croissant');
    expect(names(el)).not.to.include('Crème brûlée');

    const seed = await mount(MEMBERS.seed, { availableOnly: true });
    await until(() => text(seed.el).includes('No rewards available yet.'));
    await expect(seed.el).to.be.accessible();
  });

  it('shows N rewards with limit, and the rest on Show all (keyboard), focus on the first new one', async () => {
    const { el } = await mount(MEMBERS.rich, { limit: 3 });
    await until(() => names(el).length);
    expect(names(el)).to.have.length(3);
    const showAll = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="show-all"]')!;
    expect(showAll.textContent!.trim()).to.equal('Show all (20)');
    showAll.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).length === 20);
    expect(el.shadowRoot!.activeElement).to.equal(all(el, '[part~="name"]')[3]);
  });

  it('loads the next page on request and stops when the server says there is no more', async () => {
    const { el } = await mount(MEMBERS.rich);
    await until(() => names(el).length === 20);
    expect(await requestLog({ path: '/user/reward/list' })).to.have.length(1);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).length === 40);
    expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part~="list"]'));
    const log = await requestLog({ path: '/user/reward/list' });
    expect(log.map((r) => r.query.page)).to.deep.equal(['1', '2']);
    // the seed member's page says "next" in the docs' way but holds one reward: no Load more
    const seed = await mount(MEMBERS.seed);
    await until(() => names(seed.el).length);
    expect(seed.el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
  });

  it('shows a failed Load more with a Retry that recovers', async () => {
    const { el } = await mount(MEMBERS.rich, { retries: 0 });
    await until(() => names(el).length === 20);
    await armFault({ match: { path: '/user/reward/list' }, fault: 'status=500', times: 1 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(names(el)).to.have.length(20);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await until(() => names(el).length === 40);
  });

  it('drops loaded pages when the member changes', async () => {
    const { root, el } = await mount(MEMBERS.rich);
    await loadAll(el);
    root.sessionKey = await signIn(MEMBERS.seed);
    await el.updateComplete;
    expect(names(el)).not.to.include('Croissant');
    await until(() => names(el).length === 1);
    expect(names(el)).to.deep.equal(['Free Item']);
  });

  it('fires loyalty-reward-select with the reward on click, Enter and Space', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => names(el).length);
    const selected: CustomEvent<{ reward: Reward }>[] = [];
    document.addEventListener('loyalty-reward-select', (e) => selected.push(e as CustomEvent<{ reward: Reward }>));
    all(el, '[part~="reward"] [part~="description"]')[0].click();
    const name = all(el, '[part~="name"]')[0];
    name.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await until(() => selected.length === 3);
    expect(selected[0].detail.reward).to.include({ id: '642', name: 'Free Item', cost: 50, available: 0, progress: 0, currencyName: 'Points' });
    expect(selected.every((e) => e.bubbles && e.composed)).to.equal(true);
  });

  it('shows the tier, since when, and what the next tier still needs; hide-tier hides it', async () => {
    const { el } = await mount(MEMBERS.rich);
    await until(() => names(el).length);
    const tier = el.shadowRoot!.querySelector('[part~="tier"]')!;
    expect(tier.textContent!.replace(/\s+/g, ' ')).to.contain('Tier: Silver, since ').and.to.contain('360 more to reach Gold');
    expect(tier.querySelector('time')!.getAttribute('datetime')).to.equal('2024-03-01T00:00:00.000Z');
    const bar = tier.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuetext')).to.equal('640 of 1,000');
    expect(bar.getAttribute('aria-valuenow')).to.equal('640');

    const hidden = await mount(MEMBERS.rich, { hideTier: true });
    await until(() => names(hidden.el).length);
    expect(hidden.el.shadowRoot!.querySelector('[part~="tier"]')).to.equal(null);
  });

  it('says so when the member has no rewards', async () => {
    const { el } = await mount(MEMBERS.empty);
    await until(() => text(el).includes('No rewards yet.'));
    await expect(el).to.be.accessible();
  });

  it('shows the error and a Retry that recovers, from the keyboard', async () => {
    await armFault({ match: { path: '/user/reward/list' }, fault: 'status=500', times: 1 });
    const { el } = await mount(MEMBERS.seed, { retries: 0 });
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(el)).to.contain('Sandbox fault: HTTP 500');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).includes('Free Item'));
  });

  it('turns a reward list of the wrong shape into a clear error, not an empty list', async () => {
    await armFault({ match: { path: '/user/reward/list' }, fault: 'body=wrong-shape', times: 3 });
    const { el } = await mount(MEMBERS.seed, { retries: 0 });
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(el)).to.contain('unexpected response').and.to.contain('rewards.data');
    expect(text(el)).not.to.contain('No rewards yet.');
  });

  it('shows an accessible skeleton while loading, and the signed-out state', async () => {
    await armFault({ match: { path: '/user/reward/list' }, fault: 'latency=400', times: 1 });
    const { el } = await mount(MEMBERS.seed);
    await until(() => el.shadowRoot!.querySelector('[aria-busy="true"]'));
    await expect(el).to.be.accessible();
    await until(() => names(el).length);

    const out = await mount(null);
    await out.el.updateComplete;
    expect(text(out.el)).to.contain('Sign in to see your loyalty details.');
    await expect(out.el).to.be.accessible();
  });

  it('makes one request per call however many elements show it', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} vendor-id="1234" locale="en-CA">
        <loyalty-balance></loyalty-balance>
        <reward-progress></reward-progress>
        <reward-progress limit="2" available-only></reward-progress>
        <transaction-history></transaction-history>
        <transaction-history limit="3"></transaction-history>
      </loyalty-session>`);
    root.sessionKey = await signIn(MEMBERS.seed);
    const elements = [...root.querySelectorAll('loyalty-balance, reward-progress, transaction-history')];
    await until(() => elements.every((e) => e.shadowRoot!.querySelector('[part~="amount"], [part~="reward"], [part~="row"], [part~="empty"]')));
    const log = await requestLog();
    const count = (path: string) => log.filter((r) => r.path.includes(path)).length;
    expect([count('/user/quick-pay/balance'), count('/user/reward/list'), count('/user/profile'), count('/history')]).to.deep.equal([1, 1, 1, 1]);
  });

  it('renders API text as text, never as markup', async () => {
    const { root, el } = await mount(null);
    // a platform answer with markup in a reward's name
    root.fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('/user/reward/list')) return res;
      const body = await res.json();
      body.data[0].name = '<img src=x onerror="window.__pwned=1">Free Item';
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
    };
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => names(el).length);
    expect(names(el)[0]).to.equal('<img src=x onerror="window.__pwned=1">Free Item');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
