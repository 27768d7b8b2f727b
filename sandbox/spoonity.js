// @ts-check
/** The Spoonity consumer API routes (session_key in the query string), see sandbox/README.md. */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { fail, readBody, router } from './http.js';
import { CAD, ISSUED_CARDS, VENDOR, availableOf, balanceOf } from './members.js';
import { posRoutes } from './pos.js';
import { memberByEmail } from './state.js';

/**
 * @typedef {import('./members.js').Member} Member
 * @typedef {import('./members.js').Card} Card
 * @typedef {import('./members.js').HistoryRow} HistoryRow
 * @typedef {{ state: import('./state.js').State, req: import('node:http').IncomingMessage, url: URL, path: string,
 *   sessionKey: string | null, member: Member | undefined, entry?: import('./state.js').LogEntry }} RequestContext
 * @typedef {RequestContext & { member: Member, params: Record<string, string>, body: Record<string, any> }} Ctx
 * @typedef {{ key: Card['kind'], path: string, pinRequired: boolean }} CardKind
 */

const now = () => Math.floor(Date.now() / 1000);
const TOKEN_LIFETIME = 300;
/** How long a token is remembered after its expiry, so a till is told "expired" rather than "not found". */
const TOKEN_MEMORY = 3600;

/** Paging as in seeds 001/002: 1-based `page`, `limit` (default 10), absolute neighbour-page URLs. */
function paginate(/** @type {Ctx} */ { url }, /** @type {readonly any[]} */ items, format = (/** @type {any} */ x) => x) {
  const positive = (/** @type {string} */ name) => {
    const n = Number(url.searchParams.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const limit = positive('limit') ?? 10;
  const page = positive('page') ?? 1;
  const total_pages = Math.ceil(items.length / limit);
  const link = (/** @type {number} */ p) => {
    const next = new URL(url);
    next.searchParams.delete('_fault'); // a fault is for one request, not for the pages after it
    next.searchParams.set('page', String(p));
    next.searchParams.set('limit', String(limit));
    return next.href;
  };
  return {
    count: items.length,
    data: items.slice((page - 1) * limit, page * limit).map(format),
    next_page_url: page < total_pages ? link(page + 1) : null,
    object: 'collection',
    page,
    page_size: limit,
    previous_page_url: page > 1 ? link(page - 1) : null,
    total_pages,
  };
}

// --- session --------------------------------------------------------------------------------

function authenticate(/** @type {Ctx} */ { state, body }) {
  if (String(body.vendor) !== String(VENDOR.id)) fail(400, 'Requested vendor is not valid');
  const member = memberByEmail(state, body.email_address);
  if (!member || body.password !== member.password) fail(401, 'Invalid email address or password');
  const session_identifier = randomUUID().replaceAll('-', '');
  state.sessions.set(session_identifier, member.id);
  if (!member.verified) fail(403, 'Account needs verification', { code: 16902, root: { session_identifier } });
  const { id, first_name, last_name, email_address } = member;
  return {
    session_identifier,
    first_login: false,
    online_order_token: member.online_order_token,
    user_vendor: { vendor: { id: VENDOR.id }, user: { id } },
    user: { id, first_name, last_name, email_address },
  };
}

function logout(/** @type {Ctx} */ { state, sessionKey }) {
  if (sessionKey) state.sessions.delete(sessionKey);
  return {};
}

// --- profile --------------------------------------------------------------------------------

const profile = (/** @type {Ctx} */ { member: m }) => ({
  user: { id: m.id, first_name: m.first_name, last_name: m.last_name, email_address: m.email_address, phone_number: m.phone_number, birthdate: m.birthdate },
  contact_consent: m.contact_consent,
  language: m.language,
  status: { status_id: 1, name: 'Active' },
  is_verified: { status: m.verified, methods: { Email: m.verified, SMS: false } },
  metadata: m.metadata,
  online_order_token: m.online_order_token,
  created: m.created,
  updated: m.updated,
});

const text = (/** @type {unknown} */ v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/**
 * Writable core fields: a normalizer (returns undefined when invalid) and the rule for the error message.
 * @type {Record<string, [(v: any) => unknown, string]>}
 */
const PROFILE_FIELDS = {
  first_name: [text, 'must be a non-empty string'],
  last_name: [text, 'must be a non-empty string'],
  email_address: [
    (v) => (typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? v.trim().toLowerCase() : undefined),
    'must be an email address',
  ],
  phone_number: [
    (v) => {
      const raw = typeof v === 'object' && v !== null ? `${v.code ?? ''}${v.number ?? ''}` : v;
      return typeof raw === 'string' && /^[+\d\s().-]*$/.test(raw) ? raw.replace(/\D/g, '') : undefined;
    },
    'must be digits, or { code, number }',
  ],
  birthdate: [(v) => (Number.isInteger(v) ? v : undefined), 'must be Unix seconds'],
  contact_consent: [(v) => (Number.isInteger(v) && v >= 0 && v <= 3 ? v : undefined), 'must be an integer from 0 to 3'],
  language: [(v) => (Number.isInteger(v) && v > 0 ? v : undefined), 'must be a language id'],
  password: [
    (v) => (typeof v === 'string' && /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{6,}$/.test(v) ? v : undefined),
    'must have 6+ characters with an upper-case letter, a lower-case letter and a digit',
  ],
};

/** Validates everything first, then stores; answers 200 with an empty body like the real server. */
function updateProfile(/** @type {Ctx} */ { state, member, body }) {
  /** @type {Record<string, unknown>} */
  const changes = {};
  for (const [field, [normalize, rule]] of Object.entries(PROFILE_FIELDS)) {
    if (body[field] === undefined) continue;
    changes[field] = normalize(body[field]) ?? fail(400, `Invalid ${field}: ${rule}`);
  }
  if (body.current_password !== undefined && body.current_password !== member.password) fail(400, 'Invalid current_password');
  const owner = memberByEmail(state, changes.email_address);
  if (owner && owner !== member) fail(409, 'Email address is already registered');
  if (body.metadata !== undefined && !Array.isArray(body.metadata)) fail(400, 'Invalid metadata: must be an array of { user_metadata_id, value }');
  const metadata = (body.metadata ?? []).map((/** @type {any} */ item) => {
    const entry = member.metadata.find((m) => String(m.user_metadata_id) === String(item?.user_metadata_id));
    if (!entry) fail(400, `Invalid metadata: unknown user_metadata_id ${item?.user_metadata_id}`);
    if (!['string', 'number'].includes(typeof item.value)) fail(400, `Invalid metadata: value of user_metadata_id ${entry.user_metadata_id} must be a string`);
    return { entry, value: String(item.value) };
  });
  Object.assign(member, changes, { updated: now() });
  for (const { entry, value } of metadata) entry.value = value;
}

// --- balances & rewards ---------------------------------------------------------------------

const quickPayBalance = (/** @type {Ctx} */ { member }) => ({ amount: member.quickPay, currency: { ...CAD, object: 'currency' }, object: 'Virtual\\Balance' });

/** available = floor(balance / cost); progress = balance capped at cost (both in the reward's currency). */
function rewardList(/** @type {Ctx} */ ctx) {
  const { member } = ctx;
  const { currencies, rewards, tier } = member;
  return {
    balances: currencies.map(({ currency, balance }) => ({ id: currency.currency_id, name: currency.name, balance })),
    ...paginate(ctx, rewards, (r) => ({
      ...r,
      available: availableOf(member, r),
      progress: Math.min(balanceOf(member, r.currency.id), r.cost),
      expiring: { data: [] },
    })),
    tier,
  };
}

// --- history --------------------------------------------------------------------------------

const historyItem = (/** @type {HistoryRow} */ row) => ({
  id: row.id,
  receipt_date: row.date,
  date_created: row.date + 60,
  vendor: VENDOR,
  location: { id: row.store.id, name: row.store.name },
  total: row.total,
  loyalty: row.loyalty.map((entry) => ({ ...entry, status: 'Complete' })),
  rewards: row.rewards,
});

/** Loyalty movements per currency, as the deprecated route's `rewards`. */
function perCurrency(/** @type {HistoryRow['loyalty']} */ loyalty) {
  /** @type {Map<number, { id: number, name: string, earned: number, spent: number, expired: number }>} */
  const totals = new Map();
  for (const { currency, amount, type } of loyalty) {
    const t = totals.get(currency.currency_id) ?? { id: currency.currency_id, name: currency.name, earned: 0, spent: 0, expired: 0 };
    if (type === 'Earn') t.earned += amount;
    else t.spent -= amount;
    totals.set(currency.currency_id, t);
  }
  return [...totals.values()];
}

const transactionItem = (/** @type {HistoryRow} */ row) => ({
  id: row.id,
  date: row.date,
  total: row.total,
  name: row.store.name,
  address: row.store.address,
  status: 'Complete',
  items: row.items,
  receipts: [{ date: row.date, subtotal: row.total, number: row.receipt, cashier: row.cashier }],
  quickpay: row.quickpay,
  rewards: perCurrency(row.loyalty),
});

/** `order=dateCreated(asc)` gives oldest first; anything else newest first. */
const transactionList = (/** @type {Ctx} */ ctx) =>
  paginate(ctx, /\(asc\)/i.test(ctx.url.searchParams.get('order') ?? '') ? ctx.member.history.toReversed() : ctx.member.history, transactionItem);

// --- cards ----------------------------------------------------------------------------------

/** @type {CardKind[]} */
const CARD_KINDS = [
  { key: 'user_card', path: '/user/card', pinRequired: true },
  { key: 'user_card3rdparty', path: '/user/card-3rdparty', pinRequired: false },
];

const cardStatus = (/** @type {boolean} */ lost) => (lost ? { id: 2, name: 'Inactive', object: 'status' } : { id: 1, name: 'Active', object: 'status' });

const formatCard = (/** @type {Card} */ c) => ({
  card: { created: c.card_created, number: c.number, pin: c.pin, status: cardStatus(c.lost), type: {}, updated: c.card_updated },
  created: c.created,
  id: c.id,
  object: c.kind,
  status: cardStatus(c.lost),
  updated: c.updated,
  user: {},
});

const cardsOf = (/** @type {Member} */ member, /** @type {CardKind} */ kind) => member.cards.filter((c) => c.kind === kind.key);

/** The member's card named by `{ <kind.key>: id }` or `{ <kind.key>: { id } }`. */
function findCard(/** @type {Ctx} */ { member, body }, /** @type {CardKind} */ kind) {
  const ref = body[kind.key];
  const id = typeof ref === 'object' && ref !== null ? ref.id : ref;
  if (id === undefined || id === null || id === '') fail(400, `${kind.key} is required`);
  return cardsOf(member, kind).find((c) => c.id === String(id)) ?? fail(404, 'Card not found');
}

const luhn = (/** @type {string} */ number) =>
  [...number].reverse().reduce((sum, d, i) => {
    const n = Number(d) * (i % 2 ? 2 : 1);
    return sum + (n > 9 ? n - 9 : n);
  }, 0) %
    10 ===
  0;

function addCard(/** @type {Ctx} */ { state, member, body }, /** @type {CardKind} */ kind) {
  const number = String(body.number ?? '').replace(/[\s-]/g, '');
  const pin = body.pin === undefined || body.pin === null ? '' : String(body.pin).trim();
  if (!/^\d{8,19}$/.test(number)) fail(400, 'Invalid card number');
  if (kind.pinRequired && !pin) fail(400, 'PIN is required');
  if (body.user !== undefined && String(body.user) !== String(member.id)) fail(400, 'Invalid user: must be the signed-in member');
  if ([...state.members.values()].some((m) => m.cards.some((c) => c.number === number))) fail(409, 'Card is already linked');
  if (!luhn(number) && !ISSUED_CARDS.includes(number)) fail(400, 'Card number is not recognized');
  const t = now();
  /** @type {Card} */
  const card = { id: String(state.nextCardId++), kind: kind.key, number, pin, lost: false, created: t, updated: t, card_created: t, card_updated: t };
  member.cards.push(card);
  return formatCard(card);
}

function markLost(/** @type {Ctx} */ ctx, /** @type {CardKind} */ kind, /** @type {boolean} */ lost) {
  const card = findCard(ctx, kind);
  card.lost = lost;
  card.updated = card.card_updated = now();
  return {};
}

function removeCard(/** @type {Ctx} */ ctx, /** @type {CardKind} */ kind) {
  ctx.member.cards.splice(ctx.member.cards.indexOf(findCard(ctx, kind)), 1);
  return {};
}

// --- check-in token & account deletion ------------------------------------------------------

/**
 * A 12-digit token valid for 5 minutes; `barcode` is a placeholder, not an image. For tests, a
 * `_ttl` of whole seconds (0–86400) in the body or the query string sets another lifetime.
 */
function requestToken(/** @type {Ctx} */ { member, body, url }) {
  const created = now();
  const ttl = body._ttl ?? url.searchParams.get('_ttl') ?? TOKEN_LIFETIME;
  if (!/^\d+$/.test(String(ttl)) || Number(ttl) > 86_400) fail(400, 'Invalid _ttl: whole seconds from 0 to 86400');
  const expiry = created + Number(ttl);
  const token = Array.from({ length: 12 }, () => randomInt(10)).join('');
  member.tokens = member.tokens.filter((t) => t.expiry > created - TOKEN_MEMORY);
  member.tokens.push({ token, created, expiry });
  return { token, barcode: Buffer.from(`SANDBOX-TOKEN:${token}`).toString('base64'), created, expiry, updated: created };
}

/** Step 1: records a one-time code (read it from GET /__sandbox/deletion-code instead of an email). */
function submitDeletion(/** @type {Ctx} */ { state, member, body }) {
  if (body.id !== undefined && String(body.id) !== String(member.id)) fail(400, 'Invalid id: must be the signed-in member');
  state.deletionCodes.set(member.id, randomBytes(16).toString('hex'));
  return {};
}

/** Step 2, either with the session (`{code}`) or with the user id in the path (`{code, id}`). */
function finalizeDeletion(/** @type {Ctx} */ { state, member, params, body }) {
  const id = member?.id ?? Number(params.user);
  if (body.id !== undefined && String(body.id) !== String(id)) fail(400, 'Invalid id: does not match the account');
  const code = state.deletionCodes.get(id);
  if (!code || body.code !== code) fail(400, 'Invalid or expired deletion code');
  state.members.delete(id); // their sessions die with them: a session resolves only to an existing member
  return {};
}

// --- routing --------------------------------------------------------------------------------

const match = router(
  /** @type {import('./http.js').RouteDef<Ctx>[]} */ ([
    ['POST', '/user/authenticate', authenticate, { public: true }],
    ['GET', '/user/logout', logout],
    ['GET', '/user/profile', profile],
    ['PUT', '/user/profile', updateProfile],
    ['GET', '/user/quick-pay/balance', quickPayBalance],
    ['GET', '/user/currency/balance', ({ member }) => member.currencies],
    ['GET', '/user/reward/list', rewardList],
    ['GET', '/vendor/:vendor/customers/:user/history', (ctx) => paginate(ctx, ctx.member.history, historyItem)],
    ['GET', '/user/transaction/list', transactionList],
    ...CARD_KINDS.flatMap(
      (kind) =>
        /** @type {import('./http.js').RouteDef<Ctx>[]} */ ([
          ['GET', `${kind.path}/list`, (ctx) => paginate(ctx, cardsOf(ctx.member, kind), formatCard)],
          ['POST', `${kind.path}/add`, (ctx) => addCard(ctx, kind)],
          ['PUT', `${kind.path}/lost`, (ctx) => markLost(ctx, kind, true)],
          ['PUT', `${kind.path}/found`, (ctx) => markLost(ctx, kind, false)],
          ['DELETE', kind.path, (ctx) => removeCard(ctx, kind)],
        ]),
    ),
    ['POST', '/user/token/request', requestToken],
    ['DELETE|GET', '/vendor/:vendor/customers/:user/submit', submitDeletion],
    ['DELETE', '/vendor/:vendor/customers', finalizeDeletion],
    ['DELETE', '/vendor/:vendor/customers/:user', finalizeDeletion, { public: true }],
    ...posRoutes, // merchant side (api_key), sandbox/pos.js
  ]),
);

/**
 * Routes one request (path relative to `/spoonity`, `.json` suffix and the docs' `card3rdparty`
 * spelling accepted) and returns the JSON body to send (`undefined` = empty body).
 */
export async function spoonity(/** @type {RequestContext} */ ctx) {
  const path = ctx.path.replace(/\.json$/, '').replace(/^\/user\/card3rdparty(?=\/|$)/, '/user/card-3rdparty');
  const { route, params } = match(ctx.req.method ?? 'GET', path);
  const { member } = ctx;
  if (!route.public) {
    if (!member) fail(401, 'Invalid session');
    if (!member.verified) fail(403, 'Account needs verification', { code: 16902 });
  }
  if (params.vendor && params.vendor !== String(VENDOR.id)) fail(400, 'Requested vendor is not valid');
  if (member && params.user && params.user !== String(member.id)) fail(403, 'Access denied: not your account');
  const body = await readBody(ctx.req);
  // the log shows what was sent, secrets masked like the session key (tests check request bodies)
  if (ctx.entry) ctx.entry.body = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, /password|^pin$/.test(k) ? '***' : v]));
  return route.handler(/** @type {Ctx} */ ({ ...ctx, params, body }));
}
