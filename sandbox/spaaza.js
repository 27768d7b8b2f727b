// @ts-check
/**
 * The Spaaza API routes (reference `spaaza-api.md`): session headers, form bodies, answers in the
 * `result` / `results` envelope and errors in Spaaza's. See sandbox/README.md.
 */
import { randomBytes } from 'node:crypto';
import { fail, readBody, router } from './http.js';
import { cycle, fillStrings } from './hostile.js';
import { CAMPAIGN_RULES, SPAAZA_APP, SPAAZA_CHAIN, campaignsFor } from './spaaza-members.js';

/**
 * @typedef {import('./spaaza-members.js').SpaazaMember} Member
 * @typedef {import('./spaaza-members.js').UserInfo} UserInfo
 * @typedef {{ state: import('./state.js').State, req: import('node:http').IncomingMessage, url: URL, path: string,
 *   sessionKey: string | null, member: Member | undefined, entry?: import('./state.js').LogEntry }} RequestContext
 * @typedef {RequestContext & { member: Member, body: Record<string, any> }} Ctx
 */

/** The error names of the codes the reference documents (§3.3). */
const NAMES = /** @type {Record<number, string>} */ ({
  4: 'http_request_method_not_allowed',
  5: 'password_error_or_non_existent',
  6: 'no_valid_session',
  68: 'permission_denied_or_non_existent',
  269: 'no_myprice_app',
});

/**
 * Spaaza's error envelope (reference §3.3) for the sandbox's errors and faults: `extra.code` is
 * Spaaza's numeric code (a bare 401 is code 6, a 405 code 4), `extra.root.name` a name of the
 * sandbox's own for errors the reference gives no code for (those carry no `code`).
 */
export function spaazaEnvelope(
  /** @type {number} */ status,
  /** @type {string} */ description,
  /** @type {{ code?: number, root?: Record<string, unknown> }} */ extra = {},
) {
  const code = extra.code ?? /** @type {Record<number, number>} */ ({ 401: 6, 405: 4 })[status];
  const name = extra.root?.name ?? (code === undefined ? undefined : NAMES[code]) ?? (status === 404 ? 'no_route_found' : 'sandbox_error');
  return { result: { code: 2, status: 'error' }, error: { ...(code === undefined ? {} : { code }), name, description } };
}

/** @returns {never} */
const refuse = (/** @type {number} */ status, /** @type {number} */ code, /** @type {string} */ description) => fail(status, description, { code });
/** @returns {never} */
const invalid = (/** @type {string} */ description) => fail(400, description, { root: { name: 'invalid_parameter' } });
const ok = (/** @type {string} */ result_type, results = {}) => ({ result: { code: 1, status: 'ok' }, results: { ...results, result_type } });
/** `YYYY-MM-DD HH:MM:SS`, UTC. */
const utc = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const header = (/** @type {import('node:http').IncomingMessage} */ req, /** @type {string} */ name) => {
  const v = req.headers[name];
  return typeof v === 'string' && v ? v : null;
};

/** Who a request's session belongs to: the key and the user id headers must name one session. */
export const spaazaApi = {
  identify: (/** @type {{ state: import('./state.js').State, req: import('node:http').IncomingMessage }} */ { state, req }) => {
    const sessionKey = header(req, 'x-spaaza-session-key');
    const id = sessionKey === null ? undefined : state.spaaza.sessions.get(sessionKey);
    const member = id !== undefined && String(id) === header(req, 'x-spaaza-session-user-id') ? state.spaaza.members.get(id) : undefined;
    return { sessionKey, member, email: member?.user_info.username };
  },
  expire: (/** @type {import('./state.js').State} */ state, /** @type {string} */ sessionKey) => void state.spaaza.sessions.delete(sessionKey),
  envelope: spaazaEnvelope,
  route: spaaza,
};

// --- session --------------------------------------------------------------------------------

const LOGIN_USER_FIELDS = [
  'id',
  'user_id',
  'first_name',
  'last_name',
  'gender',
  'birthday',
  'username',
  'mailing_list',
  'entity_code',
  'member_number',
  'opt_in_programme',
  'registered',
  'loyalty_status',
];

/** A login ends the user's other sessions, as Spaaza's does (reference §5.2). */
function login(/** @type {Ctx} */ { state, body }) {
  const username = String(body.username ?? '')
    .trim()
    .toLowerCase();
  const member = [...state.spaaza.members.values()].find((m) => m.user_info.username.toLowerCase() === username);
  if (!member || !username || body.password !== member.password) return refuse(401, 5, 'The password is wrong or the user does not exist.');
  const u = member.user_info;
  for (const [key, id] of state.spaaza.sessions) if (id === u.user_id) state.spaaza.sessions.delete(key);
  const session_key = randomBytes(32).toString('hex');
  state.spaaza.sessions.set(session_key, u.user_id);
  return ok('login', {
    session_info: {
      session_key,
      session_key_validity: '336',
      session_auth_method: 'password',
      session_user_id: u.user_id,
      session_username: u.username,
      session_expires_date: utc(Date.now() + 336 * 3_600_000),
    },
    user_info: Object.fromEntries(LOGIN_USER_FIELDS.map((k) => [k, u[k]])),
  });
}

function logout(/** @type {Ctx} */ { state, sessionKey, member }) {
  if (sessionKey) state.spaaza.sessions.delete(sessionKey);
  return ok('logout', { username: member.user_info.username });
}

// --- profile --------------------------------------------------------------------------------

const text = (/** @type {unknown} */ v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const bool = (/** @type {unknown} */ v) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined);
const address = /** @type {[(v: any) => unknown, string]} */ ([(v) => (typeof v === 'string' ? v : undefined), 'must be text']);

/**
 * What a member may change with alter-user (the reference's inferred whitelist, §7): a normalizer
 * (undefined when invalid) and the rule for the message. Anything else is refused.
 * @type {Record<string, [(v: any) => unknown, string]>}
 */
const ALTERABLE = {
  first_name: [text, 'must be a non-empty string'],
  last_name: [text, 'must be a non-empty string'],
  phone_number: [
    (v) => (v === '' ? null : typeof v === 'string' && /^\+\d[\d\s().-]{6,23}$/.test(v) ? v.replace(/[\s().-]/g, '') : undefined),
    'must be in international format, such as +31612345678',
  ],
  birthday: [(v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && Date.parse(v) < Date.now() ? v : undefined), 'must be a past date as YYYY-MM-DD'],
  gender: [text, 'must be a non-empty string'],
  language: [
    (v) => (v === '' ? null : typeof v === 'string' && /^[a-z]{2,3}(-[A-Za-z\d]{2,8})*$/.test(v) ? v : undefined),
    'must be a language tag such as en-US',
  ],
  country_code: [(v) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? v : undefined), 'must be an ISO 3166 alpha-2 code'],
  ...Object.fromEntries(
    ['streetname', 'housenumber', 'housenumber_extension', 'line_2', 'line_3', 'postalcode', 'towncity', 'regionstate'].map((k) => [`address_${k}`, address]),
  ),
  mailing_list_sub_offered: [bool, 'must be true or false'],
  mailing_list_subscribed: [bool, 'must be true or false'],
  printed_mailing_list_subscribed: [bool, 'must be true or false'],
  opt_in_secondary: [bool, 'must be true or false'],
  programme_opted_in: [bool, 'must be true or false'],
};

/** Checks every field first, then stores; anything off the whitelist is error 68 (with Spaaza's HTTP 500). */
function alterUser(/** @type {Ctx} */ { member, body }) {
  const changes = Object.entries(body).map(([field, value]) => {
    if (!Object.hasOwn(ALTERABLE, field)) refuse(500, 68, `Permission denied: ${field} cannot be changed by the member.`);
    const [normalize, rule] = ALTERABLE[field];
    const normalized = normalize(value);
    return normalized === undefined ? invalid(`Invalid ${field}: ${rule}`) : /** @type {const} */ ([field, normalized]);
  });
  const u = member.user_info;
  for (const [field, value] of changes) {
    if (field.includes('mailing_list')) u.mailing_list[field] = value;
    else if (field === 'programme_opted_in') u.opt_in_programme.programme_opted_in = value;
    else u[field] = value;
  }
  u.last_modified_date = utc(Date.now());
  return ok('alter-user', { user_info: u });
}

/** GDPR deletion (reference §13): personal data obfuscated, the record kept, its sessions ended. */
function deleteUser(/** @type {Ctx} */ { state, member, body }) {
  if (Object.keys(body).length) invalid('Identifiers must not be sent under user authentication');
  const u = member.user_info;
  for (const k of Object.keys(u))
    if (/^address_|^(phone_number|birthday|gender|authentication_point_identifier|auxiliary_identifier|member_number)$/.test(k)) u[k] = null;
  Object.assign(u, { first_name: 'Deleted', last_name: 'Deleted', username: `${u.user_id}@deleted.spaaza.com`, registered: false, obfuscated: true });
  u.mailing_list = { mailing_list_sub_offered: false, mailing_list_subscribed: false, printed_mailing_list_subscribed: false };
  u.opt_in_programme = { ...u.opt_in_programme, programme_opted_in: false };
  for (const [key, id] of state.spaaza.sessions) if (id === u.user_id) state.spaaza.sessions.delete(key);
  return ok('delete-user', { user_info: u });
}

// --- vouchers, campaigns, ledger ------------------------------------------------------------

/** Every voucher of the member, redeemed and expired ones included (the adapter leaves those out). */
function vouchers(/** @type {Ctx} */ { member }) {
  /** @type {Record<string, object[]>} */
  const lists = { basket_vouchers: [], honour_vouchers: [], var_price_vouchers: [] };
  for (const { list, ...v } of member.vouchers) {
    const left = Date.parse(`${v.voucher_expiry_datetime_utc.replace(' ', 'T')}Z`) - Date.now();
    lists[list].push({ ...v, voucher_expiry_seconds_remaining: Math.max(0, Math.round(left / 1000)) });
  }
  return ok('get-user-vouchers', lists);
}

/** claim-voucher / unclaim-voucher by `voucher_key` (or `voucher_id`); an unknown voucher is warning 183 on a 200. */
function claim(/** @type {Ctx} */ { member, body }, /** @type {boolean} */ on) {
  const type = on ? 'claim-voucher' : 'unclaim-voucher';
  const v = member.vouchers.find(
    (x) => x.voucher_key === body.voucher_key || (body.voucher_id !== undefined && String(x.voucher_id) === String(body.voucher_id)),
  );
  if (!v)
    return {
      ...ok(type),
      warnings: [{ code: 183, name: 'voucher_not_found', description: 'No voucher was found.', message: { key: String(body.voucher_key ?? '') } }],
    };
  if (/** @type {Record<number, { allows_end_user_to_claim_voucher?: boolean }>} */ (CAMPAIGN_RULES)[v.campaign_id]?.allows_end_user_to_claim_voucher === false)
    refuse(500, 68, 'Permission denied: vouchers of this campaign are claimed at the partner, not here.');
  if (v.voucher_status === 'redeemed') refuse(500, 68, 'Permission denied: this voucher has been used.');
  if (!on && v.voucher_locked) refuse(500, 68, 'Permission denied: this voucher is locked to a purchase in progress.');
  v.voucher_status = on ? 'claimed' : 'generated';
  const { list, ...rest } = v;
  return ok(type, { ...rest, user_id: member.user_info.user_id, user_entity_card: member.user_info.entity_code });
}

/** get-campaigns: `chain_id` is mandatory; `campaign_type` filters. */
function campaigns(/** @type {Ctx} */ { member, url }) {
  const chain = url.searchParams.get('chain_id') ?? invalid('chain_id is required');
  if (chain !== String(SPAAZA_CHAIN)) refuse(500, 68, 'Permission denied or the chain does not exist.');
  const type = url.searchParams.get('campaign_type');
  const strings = /** @type {any} */ (member).campaignStrings; // set by POST /__sandbox/hostile
  const all = strings ? /** @type {ReturnType<typeof campaignsFor>} */ (fillStrings(campaignsFor(member), cycle(strings))) : campaignsFor(member);
  return ok('get-campaigns', { campaigns: all.filter((c) => !type || c.type === type) });
}

/** user-wallet-ledger: `type` `points` (the points wallet) or `wallet` (default: cashback), newest first. */
function ledger(/** @type {Ctx} */ { member, url }) {
  const type = url.searchParams.get('type') ?? 'wallet';
  const wallet =
    /** @type {Record<string, string>} */ ({ points: 'points_wallet', wallet: 'wallet' })[type] ?? invalid(`Invalid type: ${type} (points or wallet)`);
  return ok('user-wallet-ledger', { type: wallet, ledger: member.ledger.filter((r) => r.wallet_campaign_type === wallet) });
}

// --- control --------------------------------------------------------------------------------

/** `PATCH /__sandbox/members/{username}?backend=spaaza` `{ points?, cashback? }`: changes a member as a till would. */
export function patchSpaazaMember(
  /** @type {{ state: import('./state.js').State, params: Record<string, string>, body: Record<string, any> }} */ { state, params, body },
) {
  const member =
    [...state.spaaza.members.values()].find((m) => m.user_info.username.toLowerCase() === params.email.toLowerCase()) ?? fail(404, `No member ${params.email}`);
  const fields = /** @type {Record<string, string>} */ ({ points: 'points_wallet_total', cashback: 'total_cashback_balance' });
  const changes = Object.entries(body).map(([key, value]) => {
    if (!Object.hasOwn(fields, key)) fail(400, `Unknown member change "${key}" (use points, cashback)`);
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(400, `Invalid ${key}: must be a number`);
    return /** @type {const} */ ([fields[key], value]);
  });
  for (const [field, value] of changes) member.user_info[field] = value;
  return {};
}

// --- routing --------------------------------------------------------------------------------

const match = router(
  /** @type {import('./http.js').RouteDef<Ctx>[]} */ ([
    ['POST', '/auth/login', login, { public: true }],
    ['DELETE', '/auth/logout', logout],
    ['GET', '/internal/get-user', ({ member }) => ok('get-user', { user_info: member.user_info })],
    ['PUT', '/internal/alter-user', alterUser],
    ['GET', '/get-user-vouchers', vouchers],
    ['PUT|POST', '/claim-voucher', (ctx) => claim(ctx, true)],
    ['PUT|POST', '/unclaim-voucher', (ctx) => claim(ctx, false)],
    ['GET', '/get-campaigns', campaigns],
    ['GET', '/user-wallet-ledger', ledger],
    ['DELETE', '/delete-user', deleteUser],
  ]),
);

/** Calls that do without the app-hostname header: logout (session headers only), and alter-user (reference §15 q3: either way). */
const APP_OPTIONAL = ['/auth/logout', '/internal/alter-user'];
const LOGGED_HEADERS = ['x-spaaza-session-user-id', 'x-spaaza-session-key', 'x-spaaza-myprice-app-hostname', 'x-spaaza-api-version'];

/**
 * Routes one request (path relative to `/spaaza`): the app-hostname header (or its legacy
 * spelling) must name the sandbox app, and the session headers a session, except where noted.
 */
export async function spaaza(/** @type {RequestContext} */ ctx) {
  const { req, entry, member } = ctx;
  if (entry)
    entry.headers = Object.fromEntries(
      LOGGED_HEADERS.flatMap((h) => (header(req, h) === null ? [] : [[h, h.endsWith('key') ? '***' : String(header(req, h))]])),
    );
  const { route } = match(req.method ?? 'GET', ctx.path);
  const app = header(req, 'x-spaaza-myprice-app-hostname') ?? header(req, 'x-myprice-app-hostname');
  if (app === null ? !APP_OPTIONAL.includes(ctx.path) : app !== SPAAZA_APP)
    refuse(400, 269, app === null ? 'The X-Spaaza-MyPrice-App-Hostname header is missing.' : `No MyPrice app is known as ${app}.`);
  if (!route.public && !member) refuse(401, 6, 'You are not logged in, or your session has expired.');
  const body = await readBody(req);
  if (entry) entry.body = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k === 'password' ? '***' : v]));
  return route.handler(/** @type {Ctx} */ ({ ...ctx, body }));
}
