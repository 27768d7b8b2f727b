// @ts-check
/**
 * `POST /__sandbox/hostile` `{ email, backend?, strings }`: fills every text a member's answers
 * carry for display (names, email, phone, reward and voucher texts, tier and currency names, store
 * names, addresses, item names, campaign titles, merchant fields…) with the given strings, in turn,
 * so a test can feed XSS payloads, over-long or right-to-left text to the elements through the
 * real routes. Ids, numbers, dates, card numbers and enum-like fields (statuses, types) are kept,
 * so every route still works. Until the next reset.
 */
import { fail } from './http.js';
import { memberByEmail } from './state.js';

/** The keys whose string values are display text (in both platforms' shapes). */
const DISPLAY_KEYS = new Set([
  // Spoonity
  'first_name',
  'last_name',
  'email_address',
  'phone_number',
  'name',
  'description',
  'summary',
  'field',
  'value',
  'address',
  'cashier',
  // Spaaza
  'username',
  'title',
  'voucher_title',
  'voucher_text',
  'voucher_description',
  'voucher_honour_code',
  'campaign_title',
  'contributing_campaign_title',
  'wallet_campaign_title',
  'currency_symbol',
]);

/** A copy of `value` whose display strings are replaced by `next()`, recursively. */
export function fillStrings(/** @type {unknown} */ value, /** @type {() => string} */ next, key = '') {
  if (typeof value === 'string') return value && DISPLAY_KEYS.has(key) ? next() : value; // '' stays: it means "none"
  if (Array.isArray(value)) return value.map((v) => fillStrings(v, next, key));
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const copy = {};
    for (const [k, v] of Object.entries(value)) copy[k] = fillStrings(v, next, k);
    return copy;
  }
  return value;
}

/** Cycles through `strings`. */
export const cycle = (/** @type {string[]} */ strings) => {
  let i = 0;
  return () => strings[i++ % strings.length];
};

/** The control route: answers `{ email, replaced }` (the member's new email, how many strings were replaced). */
export function hostile(/** @type {{ state: import('./state.js').State, body: Record<string, any> }} */ { state, body }) {
  const { email, backend = 'spoonity', strings } = body;
  if (!Array.isArray(strings) || !strings.length || !strings.every((s) => typeof s === 'string')) fail(400, 'strings must be a non-empty array of strings');
  let replaced = 0;
  const counted = cycle(strings);
  const next = () => (replaced++, counted());
  if (backend === 'spaaza') {
    const member =
      [...state.spaaza.members.values()].find((m) => m.user_info.username.toLowerCase() === String(email).toLowerCase()) ?? fail(404, `No member ${email}`);
    member.user_info = /** @type {any} */ (fillStrings(member.user_info, next));
    member.vouchers = /** @type {any} */ (fillStrings(member.vouchers, next));
    member.ledger = /** @type {any} */ (fillStrings(member.ledger, next));
    /** @type {any} */ (member).campaignStrings = strings; // get-campaigns answers the chain's campaigns: filled as they are sent
    return { email: member.user_info.username, replaced };
  }
  const member = memberByEmail(state, email) ?? fail(404, `No member ${email}`);
  for (const k of /** @type {const} */ (['first_name', 'last_name', 'email_address', 'phone_number', 'metadata', 'currencies', 'rewards', 'tier', 'history']))
    /** @type {Record<string, unknown>} */ (member)[k] = fillStrings(member[k], next, k);
  return { email: member.email_address, replaced };
}
