// @ts-check
/** Control endpoints under `/__sandbox/` (no auth): fault rules, reset, request log, deletion codes, members. */
import { armRule } from './faults.js';
import { hostile } from './hostile.js';
import { fail, readBody, router } from './http.js';
import { MEMBERS } from './members.js';
import { SPAAZA_MEMBERS } from './spaaza-members.js';
import { patchSpaazaMember } from './spaaza.js';
import { memberByEmail, resetState } from './state.js';

/** @typedef {{ state: import('./state.js').State, req: import('node:http').IncomingMessage, url: URL, path: string }} ControlContext */
/** @typedef {ControlContext & { params: Record<string, string>, body: Record<string, any> }} Ctx */

/** @typedef {import('./members.js').Member} Member */
const loyaltyOf = (/** @type {Member} */ m) =>
  m.currencies.find((c) => c.currency.currencyType.currencyType_id === 2) ?? fail(400, `${m.email_address} has no loyalty currency`);

/**
 * What `PATCH /members/:email` may change, as a till or the back office would: the value's type,
 * and a function that checks the member (throwing before anything changes) and returns the setter.
 * @type {Record<string, [string, (m: Member) => (value: any) => void]>}
 */
const MEMBER_CHANGES = {
  quickPay: [
    'number',
    (m) => (amount) => {
      m.quickPay = amount;
      for (const c of m.currencies) if (c.currency.currencyType.currencyType_id === 1) c.balance = amount;
    },
  ],
  points: [
    'number',
    (m) => {
      const loyalty = loyaltyOf(m);
      return (points) => (loyalty.balance = points);
    },
  ],
  currencyName: [
    'string',
    (m) => {
      const { currency } = loyaltyOf(m);
      return (name) => {
        for (const r of m.rewards) if (r.currency.id === currency.currency_id) r.currency.name = name;
        currency.name = name;
      };
    },
  ],
};

/** Changes a member's server-side data: `{ quickPay?, points?, currencyName? }` (points and name: the first loyalty currency). */
function patchMember(/** @type {Ctx} */ { state, params, body }) {
  const member = memberByEmail(state, params.email) ?? fail(404, `No member ${params.email}`);
  const changes = Object.entries(body).map(([key, value]) => {
    const [type, prepare] = Object.hasOwn(MEMBER_CHANGES, key)
      ? MEMBER_CHANGES[key]
      : fail(400, `Unknown member change "${key}" (use ${Object.keys(MEMBER_CHANGES).join(', ')})`);
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) fail(400, `Invalid ${key}: must be a ${type}`);
    const set = prepare(member);
    return () => set(value);
  });
  for (const change of changes) change();
  return {};
}

/** The pending account-deletion code of `?email=` (stands in for the email Spoonity sends). */
function deletionCode(/** @type {Ctx} */ { state, url }) {
  const email = url.searchParams.get('email');
  const member = memberByEmail(state, email) ?? fail(404, `No member ${email}`);
  const code = state.deletionCodes.get(member.id) ?? fail(404, `No pending deletion for ${member.email_address}`);
  return { email: member.email_address, code };
}

/**
 * The control routes: method, path, what it does (listed by `GET /__sandbox/`), handler.
 * @type {[methods: string, pattern: string, does: string, handler: (ctx: Ctx) => unknown][]}
 */
const ROUTES = [
  ['GET', '/faults', 'Lists the armed fault rules.', ({ state }) => state.rules],
  ['POST', '/faults', 'Arms a fault rule: {match?: {method?, path?, email?}, fault, times?}.', armRule],
  [
    'DELETE',
    '/faults',
    'Clears every fault rule.',
    ({ state }) => {
      state.rules.length = 0;
      return {};
    },
  ],
  [
    'POST',
    '/reset',
    'Restores the seeds; clears sessions, deletion codes, rules, the log and the tills.',
    ({ state }) => {
      resetState(state);
      return {};
    },
  ],
  ['GET', '/log', 'The last 500 API requests, oldest first (keys shown as ***).', ({ state }) => state.log],
  [
    'DELETE',
    '/log',
    'Clears the request log.',
    ({ state }) => {
      state.log.length = 0;
      return {};
    },
  ],
  ['GET', '/deletion-code', 'The pending account-deletion code of ?email= (stands in for the email).', deletionCode],
  [
    'GET',
    '/members',
    'The seeded members; ?backend=spaaza for the Spaaza ones.',
    ({ url }) => (url.searchParams.get('backend') === 'spaaza' ? SPAAZA_MEMBERS : MEMBERS),
  ],
  ['POST', '/hostile', "Fills a member's display texts with hostile strings: {email, backend?, strings}.", hostile],
  [
    'PATCH',
    '/members/:email',
    "Changes a member's balances server-side, as a till would (?backend=spaaza for Spaaza).",
    (ctx) => (ctx.url.searchParams.get('backend') === 'spaaza' ? patchSpaazaMember(ctx) : patchMember(ctx)),
  ],
];

/** `GET /__sandbox/`: this index, every control route with its full path (the printed Control URL answers with it). */
function index(/** @type {Ctx} */ { url }) {
  const base = url.pathname.replace(/\/+$/, '');
  return {
    name: 'loyalty-sandbox control endpoints',
    docs: 'sandbox/README.md, "Control endpoints"',
    apis: { spoonity: base.replace(/__sandbox$/, 'spoonity'), spaaza: base.replace(/__sandbox$/, 'spaaza') },
    routes: ROUTES.map(([method, pattern, does]) => ({ method, path: `${base}${pattern}`, does })),
  };
}

const match = router(
  /** @type {import('./http.js').RouteDef<Ctx>[]} */ ([['GET', '/', index], ...ROUTES.map(([method, pattern, , handler]) => [method, pattern, handler])]),
);

export async function control(/** @type {ControlContext} */ ctx) {
  const { route, params } = match(ctx.req.method ?? 'GET', ctx.path);
  return route.handler({ ...ctx, params, body: await readBody(ctx.req) });
}
