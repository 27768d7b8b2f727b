// @ts-check
/**
 * The merchant side of the in-store loop (reference §8.3, §11; seed "Placing an order"): check a
 * customer in (`/onscreen`), submit whole orders, take gift-card (quick pay) and loyalty payments,
 * void. These calls carry a store's `api_key` and are never made by the browser kit; the cashier
 * demo page and the tests make them. Rules and choices: sandbox/README.md, "The in-store loop".
 */
import { randomBytes } from 'node:crypto';
import { ApiError, envelope, fail } from './http.js';
import { CAD, POINTS, STORES, VENDOR, availableOf, balanceOf } from './members.js';
import { memberByEmail } from './state.js';

/**
 * @typedef {import('./members.js').Member} Member
 * @typedef {import('./members.js').HistoryRow} HistoryRow
 * @typedef {import('./spoonity.js').Ctx} Ctx
 * @typedef {typeof STORES[number]} Store
 * @typedef {{ id: number, hash: string, memberId: number, storeId: number, created: number, updated: number, open: boolean }} PosSession
 * @typedef {{ quickPay: number, points: Map<number, number>, tierPoints: number }} Effects
 *   `quickPay` in cents; `points` per loyalty currency id; all signed, as applied
 * @typedef {{ id: number, reference: string, receipt: string, kind: 'order' | 'quick-pay' | 'loyalty-pay', memberId: number,
 *   storeId: number, posSession?: string, effects: Effects, row: HistoryRow, voided: boolean, partOf?: Order, payments: Order[],
 *   tierBefore: { id: unknown, since: unknown, changed: unknown } }} Order
 *   One ledger entry: an order, or a payment (folded into the next order of its POS session)
 */

const now = () => Math.floor(Date.now() / 1000);
const cents = (/** @type {number} */ amount) => Math.round(amount * 100);
const money = (/** @type {number} */ c) => (c / 100).toFixed(2);

/** One fixed key per store (a till's configuration), documented in the README. */
export const POS_KEYS = Object.freeze(STORES.map((store) => Object.freeze({ api_key: `sandbox-pos-${store.id}`, store })));

/** Loyalty pay: what one point is worth, in cents (20 points buy 1.00). */
export const POINT_VALUE_CENTS = 5;

/** Points earned per currency unit of the order's subtotal, by tier name (others: 1). */
export const EARN_RATES = Object.freeze({ Silver: 1.25, Gold: 1.5 });

const TYPE_QUICK_PAY = 1;
const TYPE_LOYALTY = 2;

// --- failures ---------------------------------------------------------------------------------

/** A well-formed order call the platform refuses because of the customer's state. */
class Refusal extends Error {
  constructor(/** @type {number} */ status, /** @type {string} */ message) {
    super(message);
    this.status = status;
  }
}

/** @returns {never} */
function refuse(/** @type {number} */ status, /** @type {string} */ message) {
  throw new Refusal(status, message);
}

/**
 * Order routes answer a refusal as HTTP 200 `{success: false, message, error: {…}, object: "error"}`
 * (the variant the reference warns about), or with `?_errors=status` as that status and the
 * ordinary envelope. Nothing changes on a refusal: every check runs before the first change.
 */
const orderRoute = (/** @type {(ctx: Ctx) => unknown} */ handler) => (/** @type {Ctx} */ ctx) => {
  try {
    return handler(ctx);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (ctx.url.searchParams.get('_errors') === 'status') throw new ApiError(error.status, error.message);
    return { success: false, message: error.message, ...envelope(error.status, error.message) };
  }
};

// --- who is calling, and for whom -------------------------------------------------------------

/** The store whose `api_key` the request carries (query string, as in every example). */
function storeOf(/** @type {Ctx} */ { url }) {
  const key = url.searchParams.get('api_key');
  if (!key) fail(401, 'Missing api_key');
  return POS_KEYS.find((k) => k.api_key === key)?.store ?? fail(401, 'Invalid api_key');
}

/** Body fields, also accepted in the query string (the docs' `curl -G … -d` examples put them there). */
function input(/** @type {Ctx} */ { url, body }) {
  /** @type {Record<string, any>} */
  const fields = Object.fromEntries([...url.searchParams].filter(([k]) => !['api_key', 'session_key', '_errors', '_fault'].includes(k)));
  return { ...fields, ...body };
}

const keep = () => {};

/**
 * The customer named by `card_number`: an email address, a check-in token from
 * `POST /user/token/request` (it identifies once, and only until its expiry), or the number of an
 * active first-party card. Spaces and dashes in numbers are ignored. `commit()` uses the token up:
 * call it once the call can no longer fail.
 */
function identify(/** @type {Ctx} */ { state }, /** @type {unknown} */ cardNumber) {
  const value = typeof cardNumber === 'number' ? String(cardNumber) : typeof cardNumber === 'string' ? cardNumber.trim() : '';
  if (!value) fail(400, 'card_number is required');
  if (value.includes('@')) return { member: memberByEmail(state, value) ?? fail(404, 'Customer not found'), commit: keep };
  const digits = value.replace(/[\s-]/g, '');
  const t = now();
  for (const member of state.members.values()) {
    const token = member.tokens.find((k) => k.token === digits);
    if (token?.used) fail(400, 'Check-in token already used');
    if (token && token.expiry <= t) fail(400, 'Check-in token expired');
    if (token) return { member, commit: () => void (token.used = t) };
    const card = member.cards.find((c) => c.kind === 'user_card' && c.number === digits);
    if (card?.lost) fail(400, `Card ending ${digits.slice(-4)} is reported lost`);
    if (card) return { member, commit: keep };
  }
  return fail(404, 'Customer not found');
}

/** An open POS session of this store, by hash. */
function posSession(/** @type {Ctx} */ { state }, /** @type {Store} */ store, /** @type {unknown} */ hash) {
  if (typeof hash !== 'string' || !hash) fail(400, 'pos_session_hash is required');
  const session = state.posSessions.get(hash);
  if (!session || session.storeId !== store.id) fail(404, 'POS session not found');
  if (!session.open) fail(400, 'POS session is closed');
  return session;
}

/** The customer of a call: by `pos_session_hash` (from `POST /onscreen`) or by `card_number` (see `identify`). */
function customer(/** @type {Ctx} */ ctx, /** @type {Store} */ store, /** @type {Record<string, any>} */ fields) {
  const session = fields.pos_session_hash === undefined ? undefined : posSession(ctx, store, fields.pos_session_hash);
  const { member, commit } = session
    ? { member: ctx.state.members.get(session.memberId) ?? fail(404, 'Customer not found'), commit: keep }
    : identify(ctx, fields.card_number);
  if (ctx.entry) ctx.entry.member = member.email_address; // the request log says whose call it was
  return { member, session, commit };
}

// --- the member's balances, rewards and tier --------------------------------------------------

/** The currency orders earn and loyalty pay spends: the member's first loyalty currency (a first order opens "Points"). */
function earningCurrency(/** @type {Member} */ m, { open = false } = {}) {
  const existing = m.currencies.find((c) => c.currency.currencyType.currencyType_id === TYPE_LOYALTY);
  if (existing || !open) return existing;
  const opened = {
    currency: { ...POINTS, currencyType: { currencyType_id: TYPE_LOYALTY, name: 'Loyalty' }, status: { status_id: 1, name: 'Active' } },
    balance: 0,
    expiring: [],
  };
  m.currencies.push(opened);
  return opened;
}

/** Rewards the member can redeem now (the reward list's `available`: whole costs in the balance). */
const eligibleRewards = (/** @type {Member} */ m) =>
  m.rewards
    .map((r) => ({ reward: r, available: availableOf(m, r) }))
    .filter(({ available }) => available > 0)
    .map(({ reward: r, available }) => ({
      id: r.id,
      vendor_perk_redemption_id: r.id,
      name: r.name,
      summary: r.summary,
      cost: r.cost,
      currency: r.currency,
      available,
    }));

/** The reward list's tier object (seed 001's shape; `Member.tier` is typed loosely). */
const tierObject = (/** @type {Member} */ m) => /** @type {any} */ (m.tier);
/** @typedef {{ id: number | string, name: string, amount: number | null, summary?: string, description?: string }} TierDef */
const tiersOf = (/** @type {Member} */ m) => /** @type {TierDef[]} */ (tierObject(m).all.data);

/** Qualifying points per member: seeded from the tier's `next.progress` (or the current tier's threshold at the top). */
const qualifying = new WeakMap();
function tierPointsOf(/** @type {Member} */ m) {
  if (!qualifying.has(m)) {
    const tier = tierObject(m);
    const current = tiersOf(m).find((t) => t.id === tier.current.id);
    qualifying.set(m, tier.next.id !== '' ? Number(tier.next.progress) || 0 : Number(current?.amount) || 0);
  }
  return /** @type {number} */ (qualifying.get(m));
}

/** The tier is the highest whose threshold (`all.data[].amount`) the qualifying points reach. */
function setTierPoints(/** @type {Member} */ m, /** @type {number} */ points) {
  qualifying.set(m, points);
  const ladder = tiersOf(m)
    .filter((t) => typeof t.amount === 'number')
    .sort((a, b) => Number(a.amount) - Number(b.amount));
  if (ladder.length < 2) return;
  const index = Math.max(
    0,
    ladder.findLastIndex((t) => Number(t.amount) <= points),
  );
  const [reached, next] = [ladder[index], ladder[index + 1]];
  const tier = tierObject(m);
  if (reached.id !== tier.current.id) {
    const since = now();
    tier.current = {
      description: reached.description ?? '',
      id: reached.id,
      summary: reached.summary ?? '',
      object: 'current_tier',
      name: reached.name,
      since,
    };
    tier.all.vendor_tier_changed = since;
  }
  tier.next = next
    ? {
        id: next.id,
        object: 'next_tier',
        name: next.name,
        progress: points,
        amount: next.amount,
        summary: `${Number(next.amount) - points} more points to ${next.name}`,
        description: next.description ?? '',
      }
    : { id: '', object: 'next_tier', name: '', progress: 0, amount: 0, summary: '', description: '' };
}

const earnRate = (/** @type {Member} */ m) => /** @type {Record<string, number>} */ (EARN_RATES)[tierObject(m).current.name] ?? 1;

const quickPayCurrency = { ...CAD, object: 'currency' };

/** What the till shows after a call: every balance, quick pay included. */
const balancesOf = (/** @type {Member} */ m) => ({
  quick_pay: { amount: m.quickPay, currency: quickPayCurrency },
  balances: m.currencies.map(({ currency, balance }) => ({ id: currency.currency_id, name: currency.name, type: currency.currencyType.name, balance })),
  tier: { id: tierObject(m).current.id, name: tierObject(m).current.name },
});

/**
 * Applies (sign 1) or reverts (sign -1) a ledger entry's effects. Quick pay moves the member's
 * quick-pay amount and its currency balance together, as `PATCH /__sandbox/members` does.
 */
function apply(/** @type {Member} */ m, /** @type {Effects} */ effects, /** @type {1 | -1} */ sign) {
  if (effects.quickPay) {
    m.quickPay = (cents(m.quickPay) + sign * effects.quickPay) / 100;
    for (const c of m.currencies) if (c.currency.currencyType.currencyType_id === TYPE_QUICK_PAY) c.balance = m.quickPay;
  }
  for (const [id, delta] of effects.points) {
    const entry = m.currencies.find((c) => c.currency.currency_id === id);
    if (entry) entry.balance += sign * delta;
  }
  if (effects.tierPoints) setTierPoints(m, tierPointsOf(m) + sign * effects.tierPoints);
}

// --- history ----------------------------------------------------------------------------------

const currencyRef = (/** @type {{ currency_id: number, name: string }} */ c) => ({ currency_id: c.currency_id, name: c.name });

/** Puts a row where its date belongs (histories are newest first). */
function addRow(/** @type {Member} */ m, /** @type {HistoryRow} */ row) {
  const at = m.history.findIndex((r) => r.date <= row.date);
  m.history = at < 0 ? [...m.history, row] : [...m.history.slice(0, at), row, ...m.history.slice(at)];
}

const removeRows = (/** @type {Member} */ m, /** @type {HistoryRow[]} */ rows) => {
  m.history = m.history.filter((r) => !rows.includes(r));
};

/** Unix seconds from a number or a numeric string (the seed quotes it); absent = now. */
function dateOf(/** @type {unknown} */ v) {
  if (v === undefined || v === null || v === '') return now();
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fail(400, 'Invalid date: must be Unix seconds');
}

/** A positive or negative amount of money with at most two decimals. */
function amountOf(/** @type {unknown} */ v, /** @type {string} */ name, { positive = false } = {}) {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(cents(n) - n * 100) > 1e-6 || n === 0 || (positive && n < 0))
    fail(400, `Invalid ${name}: must be a ${positive ? 'positive ' : ''}non-zero amount with at most two decimals`);
  return n;
}

// --- the ledger -------------------------------------------------------------------------------

const effects = (quickPay = 0, /** @type {[number, number][]} */ points = [], tierPoints = 0) => ({ quickPay, points: new Map(points), tierPoints });

/**
 * Books a ledger entry once every check has passed: uses the check-in token up, applies the
 * effects, puts the entry's row (made after the change, so it shows the new balance) in the
 * member's history and keeps the entry for voids.
 */
function book(
  /** @type {Ctx} */ { state },
  /** @type {Member} */ m,
  /** @type {Pick<Order, 'kind' | 'storeId' | 'posSession' | 'effects'> & { receipt?: string, commit: () => void }} */ { commit, receipt, ...entry },
  /** @type {() => Omit<HistoryRow, 'id' | 'receipt'>} */ makeRow,
) {
  const id = state.nextOrderId++;
  const reference = `SBX-${id}`;
  const tier = tierObject(m);
  const tierBefore = { id: tier.current.id, since: tier.current.since, changed: tier.all.vendor_tier_changed };
  commit();
  apply(m, entry.effects, 1);
  /** @type {Order} */
  const order = {
    ...entry,
    id,
    reference,
    receipt: receipt || reference,
    memberId: m.id,
    voided: false,
    payments: [],
    tierBefore,
    row: { id, receipt: receipt || reference, ...makeRow() },
  };
  addRow(m, order.row);
  state.orders.push(order);
  return order;
}

const orderReply = (/** @type {Order} */ o, /** @type {Member} */ m, /** @type {Record<string, unknown>} */ more) => ({
  success: true,
  object: o.kind === 'loyalty-pay' ? 'loyalty_payment' : 'order',
  id: o.id,
  reference_number: o.reference,
  receipt_number: o.receipt,
  ...more,
  ...balancesOf(m),
});

// --- routes -----------------------------------------------------------------------------------

const sessionJson = (/** @type {PosSession} */ s) => ({
  id: s.id,
  object: 'pos_session',
  hash: s.hash,
  date_created: s.created,
  date_updated: s.updated,
  status: s.open ? { id: 1, name: 'Open' } : { id: 2, name: 'Closed' },
});

/** `POST /onscreen {card_number}`: identifies the customer and opens a POS session. */
function openSession(/** @type {Ctx} */ ctx) {
  const store = storeOf(ctx);
  const { member, commit } = identify(ctx, input(ctx).card_number);
  commit();
  if (ctx.entry) ctx.entry.member = member.email_address;
  const t = now();
  /** @type {PosSession} */
  const session = {
    id: ctx.state.nextPosSessionId++,
    hash: randomBytes(16).toString('hex'),
    memberId: member.id,
    storeId: store.id,
    created: t,
    updated: t,
    open: true,
  };
  ctx.state.posSessions.set(session.hash, session);
  return {
    pos_session: sessionJson(session),
    vendor: {
      object: 'vendor',
      id: VENDOR.id,
      name: VENDOR.name,
      point_of_sale: { object: 'point_of_sale', ...store },
      modules: { object: 'collection', data: [], page_size: 0, count: 0 },
    },
    api_key: { object: 'api_key', point_of_sale: store.id },
  };
}

/** `GET /onscreen?pos_session_hash=`: the customer, their balances and the rewards they can redeem now. */
function readSession(/** @type {Ctx} */ ctx) {
  const session = posSession(ctx, storeOf(ctx), input(ctx).pos_session_hash);
  const m = ctx.state.members.get(session.memberId) ?? fail(404, 'Customer not found');
  if (ctx.entry) ctx.entry.member = m.email_address;
  return {
    pos_session: sessionJson(session),
    user: {
      id: m.id,
      email_address: m.email_address,
      first_name: m.first_name,
      last_name: m.last_name,
      cedula: null,
      passport_number: null,
      phone_number: m.phone_number,
      address: null,
      clover_id: null,
    },
    ...balancesOf(m),
    rewards: eligibleRewards(m),
  };
}

/** `DELETE /onscreen {pos_session_hash}`: closes the session (closing it again is harmless). */
function closeSession(/** @type {Ctx} */ ctx) {
  const store = storeOf(ctx);
  const hash = input(ctx).pos_session_hash;
  const session = typeof hash === 'string' ? ctx.state.posSessions.get(hash) : undefined;
  if (!session || session.storeId !== store.id) fail(404, 'POS session not found');
  if (session.open) Object.assign(session, { open: false, updated: now() });
  return { pos_session: sessionJson(session) };
}

/** `POST /order`: the gift-card form `{card_number, till, amount, date}`, or a whole order. */
function postOrder(/** @type {Ctx} */ ctx) {
  const fields = input(ctx);
  const isGiftCard = fields.amount !== undefined && fields.line_items === undefined && fields.subtotal === undefined;
  return isGiftCard ? giftCard(ctx, fields) : submitOrder(ctx, fields);
}

/** Debits (negative `amount`) or credits (positive) the customer's quick-pay balance. */
function giftCard(/** @type {Ctx} */ ctx, /** @type {Record<string, any>} */ fields) {
  const store = storeOf(ctx);
  const amount = cents(amountOf(fields.amount, 'amount'));
  const date = dateOf(fields.date);
  const { member: m, session, commit } = customer(ctx, store, fields);
  if (amount < 0 && cents(m.quickPay) + amount < 0)
    refuse(400, `Insufficient Quick Pay balance: ${money(-amount)} needed, ${money(cents(m.quickPay))} available`);
  const order = book(ctx, m, { kind: 'quick-pay', storeId: store.id, posSession: session?.hash, effects: effects(amount), commit }, () => ({
    date,
    store,
    items: [],
    total: Math.abs(amount) / 100,
    cashier: '',
    loyalty: [],
    rewards: [],
    quickpay: { used: Math.max(0, -amount) / 100, loaded: Math.max(0, amount) / 100, balance: m.quickPay },
  }));
  return orderReply(order, m, { amount: amount / 100 });
}

/** `POST /order/payments/loyalty {card_number, amount}`: pays `amount` with points at POINT_VALUE_CENTS each. */
const loyaltyPay = orderRoute((ctx) => {
  const fields = input(ctx);
  const store = storeOf(ctx);
  const amount = cents(amountOf(fields.amount, 'amount', { positive: true }));
  const { member: m, session, commit } = customer(ctx, store, fields);
  const points = Math.ceil(amount / POINT_VALUE_CENTS);
  const currency = earningCurrency(m);
  const held = currency?.balance ?? 0;
  if (!currency || held < points)
    refuse(400, `Insufficient ${currency?.currency.name ?? 'Points'} balance: ${points} needed for ${money(amount)}, ${held} available`);
  const spent = { currency: currencyRef(currency.currency), amount: -points };
  const change = effects(0, [[currency.currency.currency_id, -points]]);
  const order = book(ctx, m, { kind: 'loyalty-pay', storeId: store.id, posSession: session?.hash, effects: change, commit }, () => ({
    date: now(),
    store,
    items: [],
    total: amount / 100,
    cashier: '',
    loyalty: [{ ...spent, type: 'Spend' }],
    rewards: [],
    quickpay: { used: 0, loaded: 0, balance: m.quickPay },
  }));
  return orderReply(order, m, { amount: amount / 100, points: spent });
});

/**
 * A whole, immutable order: earns floor(subtotal × rate) points (rate by tier, EARN_RATES),
 * redeems the rewards named in `discounts[].vendor_perk_redemption_id`, and takes in the
 * payments made earlier in its POS session (one history row, voided together).
 */
function submitOrder(/** @type {Ctx} */ ctx, /** @type {Record<string, any>} */ fields) {
  const store = storeOf(ctx);
  const subtotal = typeof fields.subtotal === 'string' && fields.subtotal.trim() ? Number(fields.subtotal) : fields.subtotal;
  if (typeof subtotal !== 'number' || !Number.isFinite(subtotal) || subtotal < 0) fail(400, 'Invalid subtotal: must be a number of 0 or more');
  const total = fields.total === undefined ? subtotal : Number(fields.total);
  if (!Number.isFinite(total) || total < 0) fail(400, 'Invalid total: must be a number of 0 or more');
  const receipt = fields.receipt_number === undefined ? '' : String(fields.receipt_number).trim();
  const lines = fields.line_items ?? [];
  if (!Array.isArray(lines)) fail(400, 'Invalid line_items: must be an array');
  const items = lines.map((/** @type {any} */ l, /** @type {number} */ i) => {
    const price = Number(l?.price);
    const quantity = Number(l?.quantity ?? 1);
    if (!Number.isFinite(price) || !Number.isInteger(quantity) || quantity < 1)
      fail(400, `Invalid line_items[${i}]: needs a price and a whole quantity of 1 or more`);
    return { id: l.id ?? i + 1, type: 'product', name: String(l.name ?? 'Item'), quantity, price };
  });
  const discounts = fields.discounts ?? [];
  if (!Array.isArray(discounts)) fail(400, 'Invalid discounts: must be an array');
  const date = dateOf(fields.date);
  const cashier = typeof fields.cashier === 'object' && fields.cashier ? String(fields.cashier.name ?? fields.cashier.id ?? '') : String(fields.cashier ?? '');
  const { member: m, session, commit } = customer(ctx, store, fields);
  const redeemed = discounts
    .filter((/** @type {any} */ d) => d && typeof d === 'object' && d.vendor_perk_redemption_id !== undefined)
    .map(
      (/** @type {any} */ d) =>
        m.rewards.find((r) => String(r.id) === String(d.vendor_perk_redemption_id)) ?? fail(400, `Unknown reward ${d.vendor_perk_redemption_id}`),
    );

  // every check before the first change: an order is processed whole or not at all
  if (receipt && ctx.state.orders.some((o) => o.storeId === store.id && o.kind === 'order' && o.receipt === receipt))
    refuse(409, `Order ${receipt} was already submitted: orders are immutable`);
  /** @type {Map<number, number>} signed points per currency */
  const points = new Map();
  for (const r of redeemed) points.set(r.currency.id, (points.get(r.currency.id) ?? 0) - r.cost);
  for (const [id, delta] of points) {
    const using = redeemed.filter((r) => r.currency.id === id);
    if (balanceOf(m, id) + delta < 0)
      refuse(400, `Insufficient ${using[0].currency.name} balance for ${using.map((r) => r.name).join(', ')}: ${-delta} needed, ${balanceOf(m, id)} available`);
  }
  const earned = Math.floor((cents(subtotal) * earnRate(m)) / 100 + 1e-9);
  const earning = earningCurrency(m, { open: earned > 0 });
  if (earned && earning) points.set(earning.currency.currency_id, (points.get(earning.currency.currency_id) ?? 0) + earned);
  const payments = session ? ctx.state.orders.filter((o) => o.posSession === session.hash && o.kind !== 'order' && !o.voided && !o.partOf) : [];

  const order = book(
    ctx,
    m,
    { kind: 'order', receipt, storeId: store.id, posSession: session?.hash, effects: { quickPay: 0, points, tierPoints: earned }, commit },
    () => {
      /** @type {HistoryRow['loyalty']} */
      const loyalty = [
        ...(earned && earning ? [{ currency: currencyRef(earning.currency), amount: earned, type: /** @type {const} */ ('Earn') }] : []),
        ...redeemed.map((r) => ({ currency: { currency_id: r.currency.id, name: r.currency.name }, amount: -r.cost, type: /** @type {const} */ ('Spend') })),
        ...payments.flatMap((p) => p.row.loyalty),
      ];
      const sum = (/** @type {'used' | 'loaded'} */ key) => payments.reduce((c, p) => c + cents(p.row.quickpay[key]), 0) / 100;
      return {
        date,
        store,
        items,
        total,
        cashier,
        loyalty,
        rewards: redeemed.map((r) => ({ id: r.id, name: r.name })),
        quickpay: { used: sum('used'), loaded: sum('loaded'), balance: m.quickPay },
      };
    },
  );
  // the session's payments become part of the order: one visit in the history, voided with it
  removeRows(
    m,
    payments.map((p) => p.row),
  );
  for (const p of payments) Object.assign(p, { partOf: order, row: order.row });
  order.payments = payments;
  return orderReply(order, m, { date, subtotal, total, loyalty: order.row.loyalty, rewards: order.row.rewards, payments: payments.map((p) => p.reference) });
}

/**
 * `DELETE /order {receipt}`: reverts everything the order (and the payments it took in) changed.
 * The seed: "Orders must be voided in the order they are created for each customer, for each
 * location" — so only the oldest entry not voided yet, of this customer at this store, can be.
 */
const voidOrder = orderRoute((ctx) => {
  const store = storeOf(ctx);
  const fields = input(ctx);
  const wanted = String(fields.receipt ?? fields.reference_number ?? '').trim();
  if (!wanted) fail(400, 'receipt is required');
  const here = ctx.state.orders.filter((o) => o.storeId === store.id);
  const order = here.find((o) => o.reference === wanted) ?? here.find((o) => o.receipt === wanted) ?? fail(404, `Order ${wanted} not found at this location`);
  const m = ctx.state.members.get(order.memberId) ?? fail(404, 'Customer not found');
  if (ctx.entry) ctx.entry.member = m.email_address;
  if (order.voided) refuse(409, `Order ${wanted} is already voided`);
  if (order.partOf) refuse(409, `Payment ${order.reference} belongs to order ${order.partOf.receipt}: void that order`);
  const first = here.find((o) => o.memberId === order.memberId && !o.voided && !o.partOf);
  if (first && first !== order) refuse(409, `Orders must be voided in the order they were created: void ${first.receipt} first`);
  const entries = [order, ...order.payments];
  // reverting must not take a balance below zero (what the order earned may have been spent since)
  const quickPay = entries.reduce((sum, e) => sum + e.effects.quickPay, 0);
  if (cents(m.quickPay) - quickPay < 0) refuse(409, `Voiding ${wanted} would take the Quick Pay balance below zero`);
  /** @type {Map<number, number>} */
  const points = new Map();
  for (const e of entries) for (const [id, delta] of e.effects.points) points.set(id, (points.get(id) ?? 0) + delta);
  for (const [id, delta] of points) {
    const name = m.currencies.find((c) => c.currency.currency_id === id)?.currency.name ?? 'Points';
    if (balanceOf(m, id) - delta < 0) refuse(409, `Voiding ${wanted} would take the ${name} balance below zero`);
  }
  for (const e of entries.toReversed()) {
    apply(m, e.effects, -1);
    e.voided = true;
  }
  // back in the tier the order started in: as if it had never moved
  const tier = tierObject(m);
  if (order.effects.tierPoints && tier.current.id === order.tierBefore.id) {
    tier.current.since = order.tierBefore.since;
    tier.all.vendor_tier_changed = order.tierBefore.changed;
  }
  removeRows(m, [order.row]);
  return { success: true, object: 'order', reference_number: order.reference, receipt_number: order.receipt, status: 'Voided', ...balancesOf(m) };
});

/** The routes, spread into the Spoonity router: public (no session key), each checks its `api_key`. */
export const posRoutes = /** @type {import('./http.js').RouteDef<Ctx>[]} */ ([
  ['POST', '/onscreen', openSession, { public: true }],
  ['GET', '/onscreen', readSession, { public: true }],
  ['DELETE', '/onscreen', closeSession, { public: true }],
  ['POST', '/order', orderRoute(postOrder), { public: true }],
  ['POST', '/order/payments/loyalty', loyaltyPay, { public: true }],
  ['DELETE', '/order', voidOrder, { public: true }],
]);
