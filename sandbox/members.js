// @ts-check
/**
 * Seed data: the sandbox vendor and its four members. `buildMembers()` returns fresh, mutable
 * copies (called on every reset); the large generated histories are built once and never mutated.
 */

/**
 * @typedef {{ user_metadata_id: number, user_metadataField_id: number, field: string, value: string }} Metadata
 * @typedef {{ currency_id: number, name: string }} CurrencyRef
 * @typedef {{ currency: CurrencyRef & { currencyType: { currencyType_id: number, name: string }, status: { status_id: number, name: string } },
 *   balance: number, expiring: { date: number, amount: number }[] }} CurrencyBalance
 * @typedef {{ catalog: { id: string, name: string }, group: null, summary: string, template: { id: number, name: string },
 *   type: { id: number, name: string }, id: number, currency: { id: number, name: string }, name: string, description: string, cost: number }} Reward
 * @typedef {{ id: string, kind: 'user_card' | 'user_card3rdparty', number: string, pin: string, lost: boolean,
 *   created: number, updated: number, card_created: number, card_updated: number }} Card
 * @typedef {{ id: number, date: number, store: { id: number, name: string, address: string },
 *   items: { id: number | string, type: string, name: string, quantity: number, price: number }[], total: number, cashier: string, receipt: string,
 *   loyalty: { currency: CurrencyRef, amount: number, type: 'Earn' | 'Spend' }[], quickpay: { used: number, loaded: number, balance: number },
 *   rewards: { id: number, name: string }[] }} HistoryRow
 * @typedef {{ id: number, email_address: string, password: string, first_name: string, last_name: string, description: string,
 *   verified: boolean, phone_number: string, birthdate: number | null, contact_consent: number, language: number,
 *   created: number, updated: number, online_order_token: number, metadata: Metadata[], quickPay: number,
 *   currencies: CurrencyBalance[], rewards: Reward[], tier: object, cards: Card[], history: readonly HistoryRow[],
 *   tokens: { token: string, created: number, expiry: number, used?: number }[] }} Member
 */

export const VENDOR = { id: 1234, name: 'Sandbox Coffee Co.' };
export const PASSWORD = 'Password1';
/** The quick-pay currency of every member. */
export const CAD = { code: 'CAD', id: 191, name: 'Canadian Dollar' };
/** Cards the sandbox "issued": they link although they fail the Luhn check. */
export const ISSUED_CARDS = ['9999016100000001', '9999016100000002', '9999016100000003', '9999016100000004', '9999016100000005'];

const CAD_REF = { currency_id: CAD.id, name: CAD.name };
export const POINTS = { currency_id: 961, name: 'Points' };

/** What a member holds of a currency (0 when they have none of it). */
export const balanceOf = (/** @type {Member} */ m, /** @type {number} */ id) => m.currencies.find((c) => c.currency.currency_id === id)?.balance ?? 0;

/** How many of a reward the member can redeem now: whole costs in the balance (the reward list's `available`). */
export const availableOf = (/** @type {Member} */ m, /** @type {{ cost: number, currency: { id: number } }} */ r) =>
  Math.floor(balanceOf(m, r.currency.id) / r.cost);
const STARS = { currency_id: 962, name: 'Stars' };
const DAY = 86400;
const now = () => Math.floor(Date.now() / 1000);

/** @returns {CurrencyBalance} */
const balance = (
  /** @type {CurrencyRef} */ currency,
  /** @type {1 | 2} */ type,
  /** @type {number} */ amount,
  expiring = /** @type {CurrencyBalance['expiring']} */ ([]),
) => ({
  currency: { ...currency, currencyType: { currencyType_id: type, name: type === 1 ? 'Quick Pay' : 'Loyalty' }, status: { status_id: 1, name: 'Active' } },
  balance: amount,
  expiring,
});

const ITEM = { id: 1, name: 'Item' };
const LIMITED = { id: 3, name: 'Limited' };

/** @returns {Reward} */
function reward(/** @type {number} */ id, /** @type {string} */ name, /** @type {number} */ cost, currency = POINTS, more = {}) {
  const slug = name
    .normalize('NFD')
    .replace(/[^\w ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/ +/g, '_');
  return {
    catalog: { id: `reward_${slug}`, name },
    group: null,
    summary: `Spend ${cost} ${currency.name.toLowerCase()} to get ${name}`,
    template: id % 9 === 0 ? LIMITED : ITEM,
    type: { id: 1, name: 'Perk' },
    id,
    currency: { id: currency.currency_id, name: currency.name },
    name,
    description: `Redeem ${cost} ${currency.name} for ${name}.`,
    cost,
    ...more,
  };
}

/** The reward of seed 001, verbatim. */
const SEED_REWARD = reward(642, 'Free Item', 50, POINTS, {
  catalog: { id: 'discount_free_coffee', name: 'Free Coffee' },
  summary: 'Spend 50 points to get a free sandwich',
  template: ITEM,
  description: 'Includes Small, Regular, and Large sandwiches.',
});

const COSTS = [25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2500];
const RICH_REWARDS = [
  ...[
    'Espresso shot',
    'Drip coffee',
    'Café au lait',
    'Croissant',
    'Pain au chocolat',
    'Matcha latte',
    'Chai latte',
    'Cold brew',
    'Iced tea',
    'Hot chocolate',
    'Crème brûlée',
    'Jalapeño bagel',
    'Banana bread',
    'Blueberry muffin',
    'Oatmeal bowl',
    'Açaí bowl',
    'Club sandwich',
    'Soup of the day',
    'Caesar salad',
    'Breakfast wrap',
    'Lunch combo',
    'Pastry box',
    'Whole-bean bag',
    'Travel mug',
    'Tote bag',
    'Reusable cup',
    'Barista class',
    'Cookie dozen',
    'Birthday cake',
    'Coffee for a week',
    'Brunch for two',
    'Gift card $10',
    'Gift card $25',
    'Gift card $50',
    'Tasting flight',
    'Latte art workshop',
    'Espresso machine',
  ].map((name, i) => reward(700 + i, name, COSTS[i % COSTS.length])),
  reward(760, 'Size upgrade', 5, STARS),
  reward(761, 'Extra shot', 10, STARS),
  reward(762, 'Any drink', 20, STARS),
];

/** The tier object of seed 001, verbatim. */
const SEED_TIER = {
  object: 'tier',
  count: 1,
  current: { description: '', id: 12, summary: '', object: 'current_tier', name: 'Default', since: 1559131926 },
  next: { id: '', object: 'next_tier', name: '', progress: 0, amount: 0, summary: '', description: '' },
  all: {
    vendor_tier_changed: 1559131926,
    tier_immunity_days: 0,
    days_remaining: -5,
    data: [{ id: 12, name: 'Default', progress: null, amount: null, summary: '', description: '' }],
  },
};

const RICH_TIER = {
  object: 'tier',
  count: 3,
  current: { description: 'Earn 1.25 points per dollar.', id: 21, summary: 'Silver member', object: 'current_tier', name: 'Silver', since: 1709251200 },
  next: {
    id: 22,
    object: 'next_tier',
    name: 'Gold',
    progress: 640,
    amount: 1000,
    summary: '360 more points to Gold',
    description: 'Earn 1.5 points per dollar.',
  },
  all: {
    vendor_tier_changed: 1709251200,
    tier_immunity_days: 30,
    days_remaining: 120,
    data: [
      { id: 20, name: 'Bronze', progress: null, amount: 0, summary: 'Welcome tier', description: 'Earn 1 point per dollar.' },
      { id: 21, name: 'Silver', progress: null, amount: 500, summary: 'Silver member', description: 'Earn 1.25 points per dollar.' },
      { id: 22, name: 'Gold', progress: null, amount: 1000, summary: 'Gold member', description: 'Earn 1.5 points per dollar.' },
    ],
  },
};

/** A deterministic PRNG (mulberry32), so generated data is the same on every run. */
function prng(/** @type {number} */ seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STORES = [
  { id: 31, name: 'Café Olé', address: '12 Rue Saint-Paul E, Montréal, QC' },
  { id: 32, name: 'Downtown Roastery', address: '200 King St W, Toronto, ON' },
  { id: 33, name: 'Harbourfront Kiosk', address: '1055 Canada Pl, Vancouver, BC' },
  { id: 34, name: 'Crème de la Crème — Québec', address: '45 Rue du Petit-Champlain, Québec, QC' },
  { id: 35, name: 'Airport Terminal 3', address: '6301 Silver Dart Dr, Mississauga, ON' },
];
/** @type {[number, string, number][]} id, name, price in cents */
const MENU = [
  [501, 'Espresso', 325],
  [502, 'Café au lait', 475],
  [503, 'Matcha latte', 550],
  [504, 'Croissant', 375],
  [505, 'Pain au chocolat', 425],
  [506, 'Crème brûlée', 650],
  [507, 'Jalapeño bagel', 495],
  [508, 'Açaí bowl', 1195],
  [509, 'Club sandwich', 1095],
  [510, 'Iced tea', 350],
];
const CASHIERS = ['Alex', 'Zoë', 'Mateo', 'Priya'];

/**
 * Visits, newest first: 1 point per dollar, sometimes a reward redeemed, sometimes a star
 * (when `stars`), about a third paid with quick pay, whose balance ends at `quickPay`.
 * @returns {readonly HistoryRow[]}
 */
function generateHistory({ seed = 1, count = 0, end = 0, quickPay = 0, redeemable = /** @type {Reward[]} */ ([]), stars = false }) {
  const random = prng(seed);
  const pick = /** @type {<T>(list: T[]) => T} */ ((list) => list[Math.floor(random() * list.length)]);
  /** @type {HistoryRow[]} */
  const rows = [];
  let after = Math.round(quickPay * 100);
  for (let i = 0, date = end; i < count; i++, date -= 3600 + Math.floor(random() * 7 * 3600)) {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const [id, name, cents] = pick(MENU);
      return { id, type: 'product', name, quantity: 1 + Math.floor(random() * 2), price: cents / 100 };
    });
    const cents = items.reduce((sum, item) => sum + item.quantity * Math.round(item.price * 100), 0);
    /** @type {HistoryRow['loyalty']} */
    const loyalty = [{ currency: POINTS, amount: Math.floor(cents / 100), type: 'Earn' }];
    const rewards = [];
    if (redeemable.length && random() < 0.08) {
      const r = pick(redeemable);
      loyalty.push({ currency: { currency_id: r.currency.id, name: r.currency.name }, amount: -r.cost, type: 'Spend' });
      rewards.push({ id: r.id, name: r.name });
    }
    if (stars && random() < 0.2) loyalty.push({ currency: STARS, amount: 1, type: 'Earn' });
    const used = random() < 0.3 ? cents : 0;
    const loaded = after + used > 20000 ? 5000 : 0; // walking back in time: keep the balance between 0 and ~$200
    rows.push({
      id: seed * 1_000_000 + count - i,
      date,
      store: pick(STORES),
      items,
      total: cents / 100,
      cashier: pick(CASHIERS),
      receipt: `R${String(count - i).padStart(6, '0')}`,
      loyalty,
      quickpay: { used: used / 100, loaded: loaded / 100, balance: after / 100 },
      rewards,
    });
    after += used - loaded;
  }
  return Object.freeze(rows);
}

/** Histories end three hours before the UTC day the process started. */
const HISTORY_END = Math.floor(now() / DAY) * DAY - 3 * 3600;
const SEED_HISTORY = generateHistory({ seed: 1, count: 5, end: HISTORY_END, quickPay: 15, redeemable: [SEED_REWARD] });
const RICH_HISTORY = generateHistory({
  seed: 2,
  count: 10_000,
  end: HISTORY_END,
  quickPay: 182.35,
  redeemable: RICH_REWARDS.filter((r) => r.cost <= 300),
  stars: true,
});

/** @returns {Card} */
const card = (
  /** @type {string} */ id,
  /** @type {Card['kind']} */ kind,
  /** @type {string} */ number,
  pin = '',
  lost = false,
  created = 1704067200,
  issued = created - DAY,
) => ({
  id,
  kind,
  number,
  pin,
  lost,
  created,
  updated: created,
  card_created: issued,
  card_updated: issued,
});

/** @returns {Member} */
function member(
  /** @type {number} */ id,
  /** @type {string} */ email,
  /** @type {string} */ name,
  /** @type {string} */ description,
  /** @type {Partial<Member>} */ more,
) {
  const [first_name, last_name] = name.split(' ');
  const { history = [], ...rest } = more;
  const t = now();
  return {
    id,
    email_address: email,
    password: PASSWORD,
    first_name,
    last_name,
    description,
    verified: true,
    phone_number: '',
    birthdate: null,
    contact_consent: 0,
    language: 1,
    created: t,
    updated: t,
    online_order_token: 4_711_000 + (id % 1000),
    // copied so that nothing a request changes leaks into the seeds; histories are read-only and shared
    ...structuredClone({ metadata: [], quickPay: 0, currencies: [], rewards: [], tier: SEED_TIER, cards: [], tokens: [], ...rest }),
    history,
  };
}

/** @returns {Member[]} */
export function buildMembers() {
  const today = Math.floor(now() / DAY) * DAY;
  return [
    member(100001, 'seed@example.com', 'Sam Seed', 'Exactly the documentation examples: 15.00 CAD quick pay, 0 points, one reward, one card, 5 visits.', {
      phone_number: '15555550100',
      birthdate: 631152000,
      contact_consent: 3,
      created: 1559131926,
      updated: 1559584453,
      metadata: [
        { user_metadata_id: 5001, user_metadataField_id: 17, field: 'Gender', value: '' },
        { user_metadata_id: 5002, user_metadataField_id: 41, field: 'Favourite drink', value: 'Latte' },
      ],
      quickPay: 15,
      currencies: [balance(CAD_REF, 1, 0), balance(POINTS, 2, 0)],
      rewards: [SEED_REWARD],
      cards: [card('1817015', 'user_card', '9999016134385493', '123', false, 1559584453, 1559520000)],
      history: SEED_HISTORY,
    }),
    member(
      100002,
      'rich@example.com',
      'Rita Rich',
      'Everything at once: 182.35 CAD, 1240 points (two expiring) and 7 stars, 40 rewards, Silver tier, 6 cards (one lost), 10,000 visits.',
      {
        phone_number: '14165550199',
        birthdate: 476150400,
        contact_consent: 1,
        created: 1514764800,
        updated: 1709251200,
        metadata: [
          { user_metadata_id: 6001, user_metadataField_id: 17, field: 'Gender', value: 'F' },
          { user_metadata_id: 6002, user_metadataField_id: 41, field: 'Favourite drink', value: 'Café au lait' },
        ],
        quickPay: 182.35,
        currencies: [
          balance(CAD_REF, 1, 182.35),
          balance(POINTS, 2, 1240, [
            { date: today + 30 * DAY, amount: 200 },
            { date: today + 90 * DAY, amount: 150 },
          ]),
          balance(STARS, 2, 7),
        ],
        rewards: RICH_REWARDS,
        tier: RICH_TIER,
        cards: [
          card('2100001', 'user_card', '9999016134385509', '4821'),
          card('2100002', 'user_card', '9999016134385517', '1937'),
          card('2100003', 'user_card', '9999016134385525', '5550', true),
          card('2100004', 'user_card', '9999016134385533', '0042'),
          card('2100005', 'user_card3rdparty', '6280123400001234'),
          card('2100006', 'user_card3rdparty', '6280123400004568', '7788'),
        ],
        history: RICH_HISTORY,
      },
    ),
    member(100003, 'empty@example.com', 'Evan Empty', 'A brand-new member: nothing stored, no rewards, cards or history.', {}),
    member(100004, 'unverified@example.com', 'Uma Unverified', 'Has not verified the account: sign-in answers 403 (code 16902).', { verified: false }),
  ];
}

/** The seeded members' credentials, for tests and the demo. */
export const MEMBERS = Object.freeze(
  buildMembers().map((m) =>
    Object.freeze({ email: m.email_address, password: m.password, name: `${m.first_name} ${m.last_name}`, description: m.description }),
  ),
);
