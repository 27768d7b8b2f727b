import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Reward } from '../../src/api/types.js';
import type { RewardProgress } from '../../src/elements/reward-progress/reward-progress.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPAAZA_FIXTURE, SPOONITY_FIXTURE, signInto, type BackendFixture } from '../helpers/backends.js';
import { armFault, requestLog, resetSandbox, sentBodies, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: Element) => all(el, '[part~="name"]').map((b) => b.textContent.trim());
const rewardTexts = (el: Element) => all(el, '[part~="reward"]').map((r) => r.textContent.replace(/[\s\u00a0]+/g, ' ').trim());
const rewardNamed = (el: Element, name: string) => all(el, '[part~="reward"]').find((r) => r.querySelector('[part~="name"]')!.textContent.trim() === name)!;

type MountAttrs = { limit?: number; availableOnly?: boolean; hideTier?: boolean; retries?: number; vendor?: string };

async function mount(b: BackendFixture, member: string | null, attrs: MountAttrs = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${attrs.vendor ?? b.vendorId} app-hostname=${b.appHostname}
      locale="en-CA" retries=${attrs.retries ?? 2}>
      <reward-progress limit=${attrs.limit ?? 0} ?available-only=${attrs.availableOnly} ?hide-tier=${attrs.hideTier}></reward-progress>
    </loyalty-session>`);
  const el = root.querySelector('reward-progress') as RewardProgress;
  if (member) await signInto(root, b, member);
  return { root, el };
}

/** Waits for the rewards, and loads the later pages where the platform pages them. */
async function loadAll(el: RewardProgress, count: number) {
  await until(() => names(el).length >= count);
  const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]');
  if (!more) return;
  more.click();
  await until(() => !el.shadowRoot!.querySelector('[part~="more"]'));
}

for (const b of BACKENDS) {
  describe(`<reward-progress> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('renders the seed member’s rewards, and the tier where the member has one', async () => {
      const { el } = await mount(b, b.members.seed);
      await until(() => names(el).length);
      expect(names(el)).to.deep.equal(b.seed.rewardNames);
      expect(rewardTexts(el)[0]).to.contain(`${b.seed.firstReward.cost} ${b.seed.firstReward.currencyName}`).and.to.contain('0 available now');
      expect(el.shadowRoot!.querySelector('[part~="tier-name"]')?.textContent ?? null).to.equal(b.seed.tierName);
      // one tier in the program, or none: nothing about a next one
      expect(el.shadowRoot!.querySelector('[part~="next-tier"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows progress as an accessible progress bar whose text says the same', async () => {
      const { el } = await mount(b, b.members.seed);
      await until(() => names(el).length);
      const bar = el.shadowRoot!.querySelector('[part~="reward"] [role="progressbar"]')!;
      expect(['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext'].map((a) => bar.getAttribute(a))).to.deep.equal(b.seed.firstBar);
      expect(el.shadowRoot!.querySelector('[part~="reward"] [part~="progress-text"]')!.textContent).to.equal(b.seed.firstBar[3]);

      const rich = await mount(b, b.members.rich);
      await until(() => names(rich.el).includes(b.rich.bar.name));
      const reward = rewardNamed(rich.el, b.rich.bar.name);
      const richBar = reward.querySelector('[role="progressbar"]')!;
      expect(richBar.getAttribute('aria-valuenow')).to.equal(b.rich.bar.now);
      expect(richBar.getAttribute('aria-valuemax')).to.equal(b.rich.bar.max);
      expect(richBar.getAttribute('aria-valuetext')).to.equal(b.rich.bar.text);
      expect(reward.querySelector<HTMLElement>('[part~="bar"]')!.style.width).to.match(b.rich.bar.width);
    });

    it('lists available rewards first, then by how close the member is', async () => {
      const { el } = await mount(b, b.members.rich);
      await loadAll(el, b.rich.rewardCount);
      const rewards = rewardTexts(el);
      const available = rewards.map((r) => !r.includes(' 0 available now'));
      const firstUnavailable = available.indexOf(false);
      expect(firstUnavailable).to.be.greaterThan(0);
      expect(available.slice(firstUnavailable)).not.to.include(true);
      const ratios = all(el, '[part~="reward"]')
        .slice(firstUnavailable)
        .map((r) => r.querySelector('[role="progressbar"]')!)
        .map((bar) => Number(bar.getAttribute('aria-valuenow')) / Number(bar.getAttribute('aria-valuemax')));
      expect(ratios).to.deep.equal([...ratios].sort((x, y) => y - x));
      expect(names(el).indexOf(b.rich.closer[0])).to.be.lessThan(names(el).indexOf(b.rich.closer[1]));
      await expect(el).to.be.accessible();
    });

    it('shows only what can be redeemed now with available-only', async () => {
      const { el } = await mount(b, b.members.rich, { availableOnly: true });
      await loadAll(el, 1);
      expect(rewardTexts(el).some((r) => r.includes(' 0 available now'))).to.equal(false);
      expect(names(el)).to.include(b.rich.available[0]);
      expect(names(el)).not.to.include(b.rich.available[1]);

      const seed = await mount(b, b.members.seed, { availableOnly: true });
      await until(() => text(seed.el).includes('No rewards available yet.'));
      await expect(seed.el).to.be.accessible();
    });

    it('shows N rewards with limit, and the rest on Show all (keyboard), focus on the first new one', async () => {
      const { el } = await mount(b, b.members.rich, { limit: 3 });
      await until(() => names(el).length);
      expect(names(el)).to.have.length(3);
      const showAll = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="show-all"]')!;
      // the member's rewards over every page, as the server counts them (Spoonity pages them by 20)
      expect(showAll.textContent.trim()).to.equal(`Show all (${{ spoonity: 40, spaaza: b.rich.rewardCount }[b.name]})`);
      showAll.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).length === b.rich.rewardCount);
      expect(el.shadowRoot!.activeElement).to.equal(all(el, '[part~="name"]')[3]);
    });

    it('fires loyalty-reward-select with the reward on click, Enter and Space', async () => {
      const { el } = await mount(b, b.members.seed);
      await until(() => names(el).length);
      const selected: CustomEvent<{ reward: Reward }>[] = [];
      document.addEventListener('loyalty-reward-select', (e) => selected.push(e as CustomEvent<{ reward: Reward }>));
      all(el, '[part~="reward"] [part~="progress-text"]')[0].click();
      const name = all(el, '[part~="name"]')[0];
      name.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await until(() => selected.length === 3);
      expect(selected[0].detail.reward).to.include(b.seed.firstReward);
      expect(selected.every((e) => e.bubbles && e.composed)).to.equal(true);
    });

    it('shows the tier, since when, and what the next tier still needs; hide-tier hides it', async () => {
      const { el } = await mount(b, b.members.rich);
      await until(() => names(el).length);
      const tier = el.shadowRoot!.querySelector('[part~="tier"]')!;
      expect(tier.textContent.replace(/\s+/g, ' ')).to.contain('Tier: Silver, since ').and.to.contain(`360 more to reach ${b.rich.nextTier}`);
      expect(tier.querySelector('time')!.getAttribute('datetime')).to.equal('2024-03-01T00:00:00.000Z');
      const bar = tier.querySelector('[role="progressbar"]')!;
      expect(bar.getAttribute('aria-valuetext')).to.equal('640 of 1,000');
      expect(bar.getAttribute('aria-valuenow')).to.equal('640');

      const hidden = await mount(b, b.members.rich, { hideTier: true });
      await until(() => names(hidden.el).length);
      expect(hidden.el.shadowRoot!.querySelector('[part~="tier"]')).to.equal(null);
    });

    it('says so when the member has no rewards', async () => {
      // no vendor (chain) id: a Spaaza program's campaigns are not read, only the member's vouchers
      const { el } = await mount(b, b.members.empty, { vendor: '' });
      await until(() => text(el).includes('No rewards yet.'));
      await expect(el).to.be.accessible();
    });

    it('shows the error and a Retry that recovers, from the keyboard', async () => {
      await armFault({ match: { path: b.paths.rewards }, fault: 'status=500', times: 1 });
      const { el } = await mount(b, b.members.seed, { retries: 0 });
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(el)).to.contain('Sandbox fault: HTTP 500');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).includes(b.seed.rewardNames[0]));
    });

    it('turns a reward list of the wrong shape into a clear error, not an empty list', async () => {
      await armFault({ match: { path: b.paths.rewards }, fault: 'body=wrong-shape', times: 3 });
      const { el } = await mount(b, b.members.seed, { retries: 0 });
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(el)).to.contain('unexpected response').and.to.contain(`${b.wrongShape.rewards} is not`);
      expect(text(el)).not.to.contain('No rewards yet.');
    });

    it('shows an accessible skeleton while loading, and the signed-out state', async () => {
      await armFault({ match: { path: b.paths.rewards }, fault: 'latency=400', times: 1 });
      const { el } = await mount(b, b.members.seed);
      await until(() => el.shadowRoot!.querySelector('[aria-busy="true"]'));
      await expect(el).to.be.accessible();
      await until(() => names(el).length);

      const out = await mount(b, null);
      await out.el.updateComplete;
      expect(text(out.el)).to.contain('Sign in to see your loyalty details.');
      await expect(out.el).to.be.accessible();
    });

    it('renders API text as text, never as markup', async () => {
      const { root, el } = await mount(b, null);
      const markup = `<img src=x onerror="window.__pwned=1">${b.seed.rewardNames[0]}`;
      // a platform answer with markup in a reward's name
      root.fetch = async (input, init) => {
        const res = await fetch(input, init);
        const body = await res.text();
        const name = JSON.stringify(b.seed.rewardNames[0]);
        return new Response(body.replace(name, JSON.stringify(markup)), { status: res.status, headers: res.headers });
      };
      await signInto(root, b, b.members.seed);
      await until(() => names(el).length);
      expect(names(el)).to.include(markup);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    if (!b.supports('vouchers')) return;

    describe('vouchers', () => {
      const voucher = (el: RewardProgress, name: string) => rewardNamed(el, name);
      const toggle = (el: RewardProgress, name: string) => voucher(el, name)?.querySelector<HTMLButtonElement>('[part~="claim"]') ?? null;

      it('lists the vouchers the member holds first, with their state, code and expiry; used and expired ones are not shown', async () => {
        const { el } = await mount(b, b.members.rich);
        await until(() => names(el).length === b.rich.rewardCount);
        expect(names(el).slice(0, 4)).to.have.members(['€5 welcome voucher', '€2.50 thank-you', 'Free cinema ticket', 'Free coffee']);
        expect(names(el)).not.to.include('Used voucher').and.not.to.include('Expired voucher');
        const welcome = voucher(el, '€5 welcome voucher');
        expect(welcome.getAttribute('part')).to.contain('voucher');
        expect(welcome.querySelector('[part~="voucher-status"]')!.textContent).to.equal('Ready to use');
        expect(welcome.querySelector('[part~="cost"], [role="progressbar"]')).to.equal(null);
        expect(welcome.querySelector('[part~="expires"] time')).to.exist;
        expect(voucher(el, '€2.50 thank-you').querySelector('[part~="voucher-status"]')!.textContent).to.equal('Set aside for your next purchase');
        expect(voucher(el, 'Free cinema ticket').querySelector('[part~="voucher-code"]')!.textContent).to.equal('Code: CINE-7781');
        await expect(el).to.be.accessible();
      });

      it('sets a voucher aside with one PUT, shows it, and takes it back', async () => {
        const { el } = await mount(b, b.members.rich);
        await until(() => toggle(el, '€5 welcome voucher'));
        const claimed: CustomEvent<{ reward: Reward; claimed: boolean }>[] = [];
        el.addEventListener('loyalty-voucher-claimed', (e) => claimed.push(e));
        const selected: Event[] = [];
        el.addEventListener('loyalty-reward-select', (e) => selected.push(e));
        expect(toggle(el, '€5 welcome voucher')!.getAttribute('aria-pressed')).to.equal('false');
        toggle(el, '€5 welcome voucher')!.click();
        toggle(el, '€5 welcome voucher')!.click();
        await until(() => toggle(el, '€5 welcome voucher')!.getAttribute('aria-pressed') === 'true');
        expect(claimed.map((e) => [e.detail.reward.name, e.detail.claimed])).to.deep.equal([['€5 welcome voucher', true]]);
        expect(selected, 'the toggle is not a choice of the reward').to.deep.equal([]);
        expect(await sentBodies({ method: 'PUT', path: '/claim-voucher' })).to.deep.equal([{ voucher_key: '000001f5'.repeat(8) }]);
        expect(voucher(el, '€5 welcome voucher').querySelector('[part~="voucher-status"]')!.textContent).to.equal('Set aside for your next purchase');

        toggle(el, '€5 welcome voucher')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => toggle(el, '€5 welcome voucher')!.getAttribute('aria-pressed') === 'false');
        expect(await requestLog({ path: '/unclaim-voucher' })).to.have.length(1);
        await expect(el).to.be.accessible();
      });

      it('shows Spaaza’s refusal next to the voucher, changing nothing', async () => {
        const { el } = await mount(b, b.members.rich);
        await until(() => toggle(el, 'Free cinema ticket'));
        toggle(el, 'Free cinema ticket')!.click();
        await until(() => voucher(el, 'Free cinema ticket').querySelector('[part~="claim-error"]'));
        // members read the kit's sentence; Spaaza's own words sit in the hidden error-detail (and the event)
        const error = voucher(el, 'Free cinema ticket').querySelector<HTMLElement>('[part~="claim-error"]')!;
        expect(error.innerText.trim()).to.equal('The loyalty service refused the request.');
        const detail = error.querySelector<HTMLElement>('[part~="error-detail"]')!;
        expect(detail.textContent).to.equal('Permission denied: vouchers of this campaign are claimed at the partner, not here.');
        expect(getComputedStyle(detail).display).to.equal('none');
        expect(toggle(el, 'Free cinema ticket')!.getAttribute('aria-pressed')).to.equal('false');
        expect(voucher(el, '€5 welcome voucher').querySelector('[part~="claim-error"]')).to.equal(null);
        expect(await requestLog({ path: '/claim-voucher' }), 'a write: never retried').to.have.length(1);
        await expect(el).to.be.accessible();
      });

      it('offers no toggle for a voucher locked to a purchase', async () => {
        const { el } = await mount(b, b.members.rich);
        await until(() => names(el).includes('Free coffee'));
        expect(toggle(el, 'Free coffee')).to.equal(null);
        expect(voucher(el, 'Free coffee').querySelector('[part~="voucher-status"]')!.textContent).to.equal('Set aside for your next purchase');
      });
    });
  });
}

describe('<reward-progress> · paged rewards (spoonity)', () => {
  beforeEach(resetSandbox);
  const b = SPOONITY_FIXTURE;

  it('loads the next page on request and stops when the server says there is no more', async () => {
    const { el } = await mount(b, b.members.rich);
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
    const seed = await mount(b, b.members.seed);
    await until(() => names(seed.el).length);
    expect(seed.el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
  });

  it('shows a failed Load more with a Retry that recovers', async () => {
    const { el } = await mount(b, b.members.rich, { retries: 0 });
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
    const { root, el } = await mount(b, b.members.rich);
    await loadAll(el, 20);
    await signInto(root, b, b.members.seed);
    await el.updateComplete;
    expect(names(el)).not.to.include('Croissant');
    await until(() => names(el).length === 1);
    expect(names(el)).to.deep.equal(['Free Item']);
  });

  it('makes one request per call however many elements show it', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${b.apiBase} vendor-id=${b.vendorId} locale="en-CA">
        <loyalty-balance></loyalty-balance>
        <reward-progress></reward-progress>
        <reward-progress limit="2" available-only></reward-progress>
        <transaction-history></transaction-history>
        <transaction-history limit="3"></transaction-history>
      </loyalty-session>`);
    await signInto(root, b, b.members.seed);
    const elements = [...root.querySelectorAll('loyalty-balance, reward-progress, transaction-history')];
    await until(() => elements.every((e) => e.shadowRoot!.querySelector('[part~="amount"], [part~="reward"], [part~="row"], [part~="empty"]')));
    const log = await requestLog();
    const count = (path: string) => log.filter((r) => r.path.includes(path)).length;
    expect([count('/user/quick-pay/balance'), count('/user/reward/list'), count('/user/profile'), count('/history')]).to.deep.equal([1, 1, 1, 1]);
  });
});

describe('<reward-progress> · spaaza', () => {
  beforeEach(resetSandbox);
  const b = SPAAZA_FIXTURE;

  it('makes one request per call however many elements show it, one get-user for all that read it', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="en-CA">
        <loyalty-balance></loyalty-balance>
        <reward-progress></reward-progress>
        <reward-progress limit="2" available-only></reward-progress>
        <transaction-history></transaction-history>
        <transaction-history limit="3"></transaction-history>
      </loyalty-session>`);
    await signInto(root, b, b.members.rich);
    const elements = [...root.querySelectorAll('loyalty-balance, reward-progress, transaction-history')];
    await until(() => elements.every((e) => e.shadowRoot!.querySelector('[part~="amount"], [part~="reward"], [part~="row"], [part~="empty"]')));
    const log = (await requestLog()).filter((r) => r.path !== '/auth/login');
    const count = (path: string) => log.filter((r) => r.path === path).length;
    expect([count('/internal/get-user'), count('/get-user-vouchers'), count('/get-campaigns'), count('/user-wallet-ledger')]).to.deep.equal([1, 1, 1, 2]);
    expect(log.find((r) => r.path === '/get-campaigns')!.query).to.deep.equal({ chain_id: b.vendorId });
  });
});

describe('<reward-progress> · Show all counts every reward (issue 16)', () => {
  beforeEach(resetSandbox);

  /** The sandbox's answers, with the reward list's `count` taken out: a server that does not say. */
  const withoutCount: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).includes('/user/reward/list')) return response;
    const body = (await response.json()) as Record<string, unknown>;
    delete body.count;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };

  for (const [label, custom, expected] of [
    ['the server’s count when it gives one', undefined, 'Show all (40)'],
    ['"Show more" when it does not', withoutCount, 'Show more'],
  ] as const) {
    it(`says ${label}, never the size of the first page`, async () => {
      const b = SPOONITY_FIXTURE;
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} locale="en-CA" .fetch=${custom}>
          <reward-progress limit="3"></reward-progress>
        </loyalty-session>`);
      const el = root.querySelector('reward-progress') as RewardProgress;
      await signInto(root, b, b.members.rich);
      await until(() => names(el).length === 3);
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="show-all"]')!;
      expect(button.textContent.trim()).to.equal(expected);
      button.click();
      await until(() => names(el).length === 20);
      await loadAll(el, 20);
      expect(names(el)).to.have.length(40);
    });
  }
});
