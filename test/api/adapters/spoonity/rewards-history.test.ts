import { expect } from '@open-wc/testing';
import { createSpoonityBackend, readHistory, readRewardList, readTransaction } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import { MEMBERS, SPOONITY, VENDOR, armFault, requestLog, resetSandbox, signIn } from '../../../helpers/sandbox.js';
import { thrown } from '../../../helpers/errors.js';

/** seed 001's reward list (its elided objects filled in as the sandbox does). */
const SEED_REWARDS = {
  balances: [],
  count: 3,
  data: [
    {
      catalog: { id: 'discount_free_coffee', name: 'Free Coffee' },
      group: null,
      summary: 'Spend 50 points to get a free sandwich',
      template: { id: 1, name: 'Item' },
      type: { id: 1, name: 'Perk' },
      id: 642,
      currency: { id: 961, name: 'Points' },
      name: 'Free Item',
      description: 'Includes Small, Regular, and Large sandwiches.',
      cost: 50,
      available: 0,
      progress: 0,
      expiring: { data: [] },
    },
  ],
  next_page_url: 'https://master-v2-api.staging.spoonity.com/user/reward/list?session_key=b63d&page=1',
  object: 'collection',
  page: null,
  page_size: null,
  previous_page_url: null,
  total_pages: 0,
  tier: {
    object: 'tier',
    count: 1,
    current: { description: '', id: 12, summary: '', object: 'current_tier', name: 'Default', since: 1559131926 },
    next: { id: '', object: 'next_tier', name: '', progress: 0, amount: 0, summary: '', description: '' },
    all: { vendor_tier_changed: 1559131926, tier_immunity_days: 0, days_remaining: -5, data: [{ id: 12, name: 'Default', progress: null, amount: null }] },
  },
};

/** The current route's item (padel's field list) and the deprecated route's item (reference §6.2). */
const CURRENT = {
  id: 2000123,
  receipt_date: 1700000000,
  date_created: 1700000060,
  vendor: { id: 1234, name: 'Sandbox Coffee Co.' },
  location: { id: 31, name: 'Café Olé' },
  total: 12.75,
  loyalty: [
    { currency: { currency_id: 961, name: 'Points' }, amount: 12, type: 'Earn', status: 'Complete' },
    { currency: { currency_id: 961, name: 'Points' }, amount: -75, type: 'Spend', status: 'Complete' },
    { currency: { id: 962, name: 'Stars' }, amount: 1, type: 'Earn', status: 'Complete' },
  ],
  rewards: [{ id: 702, name: 'Café au lait' }],
};
const DEPRECATED = {
  id: 2000123,
  date: 1700000000,
  total: 12.75,
  name: 'Café Olé',
  address: '12 Rue Saint-Paul E, Montréal, QC',
  status: 'Complete',
  items: [{ id: 501, type: 'product', name: 'Espresso', quantity: 1, price: 3.25 }],
  receipts: [{ date: 1700000000, subtotal: 12.75, number: 'R000123', cashier: 'Zoë' }],
  quickpay: { used: 0, loaded: 0, balance: 10 },
  rewards: [
    { id: 961, name: 'Points', earned: 12, spent: 75, expired: 0 },
    { id: 962, name: 'Stars', earned: 1, spent: 0, expired: 0 },
  ],
};

const catchError = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as LoyaltyError;

describe('Spoonity adapter: rewards and history', () => {
  it('reads the seed reward list: Free Item, cost 50, 0 available, tier Default with no next tier', () => {
    const list = readRewardList(SEED_REWARDS);
    expect(list.rewards).to.deep.equal([
      {
        id: '642',
        name: 'Free Item',
        description: 'Includes Small, Regular, and Large sandwiches.',
        summary: 'Spend 50 points to get a free sandwich',
        cost: 50,
        currencyName: 'Points',
        progress: 0,
        available: 0,
        expires: undefined,
      },
    ]);
    expect(list.tier).to.deep.equal({
      current: { id: '12', name: 'Default', since: new Date(1559131926000), description: undefined },
      next: undefined,
      count: 1,
    });
    // `total_pages: 0` beside a next URL, but one reward on a page of 20: that is the end
    expect(list.page.next).to.equal(null);
  });

  it('follows a full page with a next URL, whatever total_pages says', () => {
    const data = Array.from({ length: 20 }, (_, i) => ({ ...SEED_REWARDS.data[0], id: i + 1 }));
    expect(readRewardList({ ...SEED_REWARDS, data }).page.next).to.equal('2');
    expect(readRewardList({ ...SEED_REWARDS, data, next_page_url: null }).page.next).to.equal(null);
  });

  it('reads a next tier and the soonest expiry of a reward', () => {
    const list = readRewardList({
      ...SEED_REWARDS,
      data: [{ ...SEED_REWARDS.data[0], expiring: { data: [{ date: 1800000000 }, 1750000000] } }],
      tier: { count: 3, current: { id: 21, name: 'Silver', since: 1709251200 }, next: { id: 22, name: 'Gold', progress: 640, amount: 1000 } },
    });
    expect(list.rewards[0].expires).to.deep.equal(new Date(1750000000000));
    expect(list.tier!.next).to.deep.equal({ id: '22', name: 'Gold', progress: 640, amount: 1000 });
  });

  it('names the field of a malformed reward', () => {
    const bad = { ...SEED_REWARDS, data: [SEED_REWARDS.data[0], { ...SEED_REWARDS.data[0], cost: 'lots' }] };
    expect(() => readRewardList(bad)).to.throw(LoyaltyError, 'rewards.data[1].cost is not a number');
    expect(() => readRewardList({ ...SEED_REWARDS, tier: { current: { name: 'X' } } })).to.throw(LoyaltyError, 'tier.current.id');
  });

  it('reads both history shapes to the same order', () => {
    const current = readTransaction(CURRENT, 'history.data[0]');
    const deprecated = readTransaction(DEPRECATED, 'history.data[0]');
    const common = {
      id: '2000123',
      date: new Date(1700000000000),
      location: 'Café Olé',
      total: { amount: 12.75 },
      points: [
        { currency: 'Points', earned: 12, spent: 75 },
        { currency: 'Stars', earned: 1, spent: 0 },
      ],
    };
    expect(current).to.deep.equal({ ...common, rewardsUsed: ['Café au lait'] });
    // the deprecated route does not say which rewards were used
    expect(deprecated).to.deep.equal({ ...common, rewardsUsed: [] });
  });

  it('reads a total with its currency, and sorts a page newest first', () => {
    const page = readHistory({
      data: [
        { ...CURRENT, id: 1, receipt_date: 100 },
        { ...CURRENT, id: 2, receipt_date: 200, total: { amount: 5, currency: { code: 'CAD' } } },
      ],
    });
    expect(page.items.map((t) => t.id)).to.deep.equal(['2', '1']);
    expect(page.items[0].total).to.deep.equal({ amount: 5, currency: 'CAD' });
  });

  it('turns a malformed history entry into a validation error naming the field', () => {
    const error = thrown(() => readHistory({ data: [CURRENT, { ...CURRENT, loyalty: [{ amount: 'ten', type: 'Earn' }] }] }));
    expect(error).to.include({ kind: 'validation', field: 'history.data[1].loyalty[0].amount' });
    expect(() => readHistory({ data: [{ ...DEPRECATED, date: undefined }] })).to.throw(LoyaltyError, 'history.data[0].date');
    expect(() => readHistory({ unexpected: true })).to.throw(LoyaltyError, 'history.data is not a list');
  });
});

describe('Spoonity adapter: rewards and history against the sandbox', () => {
  beforeEach(resetSandbox);

  const backend = async (email: string, vendorId: string | null = VENDOR) => {
    const key = await signIn(email);
    return createSpoonityBackend({ apiBase: SPOONITY, vendorId: vendorId ?? undefined, getSessionKey: () => key, retries: 0 });
  };

  it('pages through the rich member rewards and stops when the server says no more', async () => {
    const b = await backend(MEMBERS.rich);
    const first = await b.getRewards();
    expect(first.rewards).to.have.length(20);
    expect(first.tier).to.deep.include({ count: 3 });
    expect(first.page.next).to.equal('2');
    const second = await b.getRewards(first.page.next!);
    expect(second.rewards).to.have.length(20);
    expect(second.page.next).to.equal(null);
    expect((await requestLog({ path: '/user/reward/list' })).map((r) => [r.query.page, r.query.limit])).to.deep.equal([
      ['1', '20'],
      ['2', '20'],
    ]);
  });

  it('reads the current history route, and the deprecated one without a vendor id, alike', async () => {
    const profile = await (await backend(MEMBERS.rich)).getProfile();
    const current = await (await backend(MEMBERS.rich)).getHistory(profile.id);
    const deprecated = await (await backend(MEMBERS.rich, null)).getHistory(profile.id);
    expect(current.items).to.have.length(50);
    expect(current.page.next).to.equal('2');
    const strip = (t: (typeof current.items)[number]) => ({ ...t, rewardsUsed: [] });
    expect(deprecated.items.map(strip)).to.deep.equal(current.items.map(strip));
    expect(current.items.some((t) => t.rewardsUsed.length)).to.equal(true);
    const log = await requestLog();
    expect(log.filter((r) => r.path.endsWith('/history')).map((r) => r.path)).to.deep.equal([`/vendor/${VENDOR}/customers/${profile.id}/history`]);
    expect(log.filter((r) => r.path === '/user/transaction/list')).to.have.length(1);
  });

  it('falls back to the deprecated route on 404 and remembers it', async () => {
    const b = await backend(MEMBERS.seed);
    await armFault({ match: { path: '/history' }, fault: 'status=404', times: 1 });
    const first = await b.getHistory('100001');
    await b.getHistory('100001');
    expect(first.items).to.have.length(5);
    expect(first.page.next).to.equal(null);
    expect(await requestLog({ path: '/history' })).to.have.length(1);
    expect(await requestLog({ path: '/user/transaction/list' })).to.have.length(2);
  });

  it('does not fall back on other errors', async () => {
    const b = await backend(MEMBERS.seed);
    await armFault({ match: { path: '/history' }, fault: 'status=500', times: 1 });
    expect(await catchError(b.getHistory('100001'))).to.include({ kind: 'http', status: 500 });
    expect(await requestLog({ path: '/user/transaction/list' })).to.have.length(0);
  });
});
