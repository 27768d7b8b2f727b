// @ts-check
/**
 * Spaaza seed data: one chain (id 1234) with one MyPrice app (`acme.spaaza.com`), its campaigns,
 * and three members — seed 004's user verbatim, a rich one, an empty one. `buildSpaaza()` returns
 * fresh, mutable copies (called on every reset).
 */

/**
 * @typedef {Record<string, any>} UserInfo
 * @typedef {{ voucher_id: number, voucher_key: string, voucher_status: 'generated' | 'claimed' | 'redeemed', voucher_type: string,
 *   voucher_locked: boolean, voucher_title: string | null, voucher_text: string | null, voucher_description: string | null,
 *   voucher_amount: number, voucher_currency_symbol: string, voucher_expiry_datetime_utc: string, voucher_honour_code?: string,
 *   campaign_id: number, campaign_type: string, campaign_title: string, list: 'basket_vouchers' | 'honour_vouchers' }} Voucher
 * @typedef {{ date: string, amount: number, currency_symbol: string, kind: string, contributing_campaign_id: number | null,
 *   contributing_campaign_type: string, contributing_campaign_title: string, wallet_campaign_id: number, wallet_campaign_type: string,
 *   wallet_campaign_title: string, receipt_id: number | null, retailer_basket_code: string | null }} LedgerRow
 * @typedef {{ user_info: UserInfo, password: string, description: string, vouchers: Voucher[], ledger: readonly LedgerRow[], stamps: number }} SpaazaMember
 * @typedef {{ members: Map<number, SpaazaMember>, sessions: Map<string, number> }} SpaazaState
 */

export const SPAAZA_APP = 'acme.spaaza.com';
export const SPAAZA_CHAIN = 1234;
const PASSWORD = 'Password1';
const DAY = 86_400_000;

/** seed 004's `user_info`, verbatim. */
const SEED_USER = {
  address_housenumber: '46',
  address_housenumber_extension: 'B',
  address_latitude: null,
  address_line_2: 'Apartment #416',
  address_line_3: null,
  address_longitude: null,
  address_postalcode: '1015CB',
  address_regionstate: 'Any State',
  address_streetname: 'Any Street',
  address_towncity: 'Amsterdam',
  authentication_point: null,
  authentication_point_identifier: '99911166488945',
  auxiliary_identifier: null,
  average_basket_value: '0.00',
  birthday: '1981-07-21',
  business_group: null,
  country_code: 'NL',
  created_date: '2024-01-31 15:15:43',
  days_since_last_purchase: null,
  entity_code: { code: '3935159', type: 'regular' },
  favorite_store: null,
  first_name: 'Josephine',
  frequency: 1,
  gender: 'M',
  id: 3935159,
  is_employee: false,
  is_influencer: false,
  language: null,
  last_modified_date: '2024-01-31 15:21:05',
  last_name: 'Bloggs',
  loyalty_status: {
    date_reached: null,
    last_review_date: '2024-01-31T15:15:43+00:00',
    loyalty_level_id: null,
    monetary_balance_current: 0,
    next_review_date: null,
    points_balance_current: 5,
    points_to_proceed_next_level: null,
    points_to_remain_current_level: null,
  },
  mailing_list: { mailing_list_sub_offered: false, mailing_list_subscribed: true, printed_mailing_list_subscribed: true },
  member_number: '3935159',
  monetary: 3,
  number_of_purchases: 0,
  obfuscated: false,
  offline_shopper: false,
  online_shopper: false,
  opt_in_programme: { join_date: '2024-01-31T15:15:43+00:00', programme_opted_in: true },
  opt_in_secondary: false,
  overall: 3,
  phone_number: '+31655222555',
  points_wallet_total: 5,
  push_notification_subscription: { subscribed: false, subscriptions: [] },
  recency: 5,
  referral_channel: null,
  referral_code: 'gzo85d',
  referred: true,
  referring_user: { authentication_point_identifier: null, campaign_id: 2539, id: 3930871, referral_channel: null, referral_code: '4t38p9' },
  registered: true,
  signup_channel: null,
  signup_store: { signup_store_id: 1383, signup_store_name: 'MOCO Museum store' },
  stores: '',
  total_cashback_balance: 0,
  user_id: 3935159,
  username: 'somedude0.11073246009398896@spaaza.com',
};

const WALLETS = {
  points: { wallet_campaign_id: 157, wallet_campaign_type: 'points_wallet', wallet_campaign_title: 'Points', currency_symbol: 'pts' },
  cashback: { wallet_campaign_id: 158, wallet_campaign_type: 'wallet', wallet_campaign_title: 'Cashback', currency_symbol: '€' },
};

/** An ISO 8601 date with offset, as user-wallet-ledger answers from 1.4.1. */
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** `YYYY-MM-DD HH:MM:SS` (UTC), as vouchers carry their expiry. */
const utc = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const key = (/** @type {number} */ n) => n.toString(16).padStart(8, '0').repeat(8);

/** @returns {LedgerRow} */
const row = (/** @type {number} */ ms, /** @type {number} */ amount, /** @type {'points' | 'cashback'} */ wallet, /** @type {string} */ title, more = {}) => ({
  date: iso(ms),
  amount,
  kind: 'campaignContribution',
  contributing_campaign_id: null,
  contributing_campaign_type: 'cashback',
  contributing_campaign_title: title,
  ...WALLETS[wallet],
  receipt_id: null,
  retailer_basket_code: null,
  ...more,
});

/** 200 purchases (points, and cashback on most), with a points-for-voucher exchange every 40; newest first. */
function richLedger() {
  /** @type {LedgerRow[]} */
  const rows = [];
  const end = Date.UTC(2025, 5, 1, 12);
  for (let i = 0; i < 200; i++) {
    const ms = end - i * 1.7 * DAY;
    const receipt = { receipt_id: 88_000 + i, retailer_basket_code: `ACME-${String(88_000 + i)}` };
    if (i % 40 === 5)
      rows.push(
        row(ms + 60_000, -450, 'points', '€15 voucher for 450 points', {
          contributing_campaign_id: 2013,
          contributing_campaign_type: 'interaction',
          kind: 'exchange',
        }),
      );
    rows.push(row(ms, 5 + ((i * 7) % 23), 'points', i % 9 === 0 ? 'Café bonus — double points' : 'Purchase', { ...receipt, contributing_campaign_id: 160 }));
    if (i % 3) rows.push(row(ms, Math.round(((i * 13) % 40) + 10) / 20, 'cashback', 'Cashback', { ...receipt, contributing_campaign_id: 161 }));
  }
  return rows;
}
const RICH_LEDGER = Object.freeze(richLedger());

/** @returns {Voucher} */
const voucher = (/** @type {number} */ id, /** @type {string} */ title, /** @type {Partial<Voucher>} */ more) => ({
  voucher_id: id,
  voucher_key: key(id),
  voucher_status: 'generated',
  voucher_type: 'basket',
  voucher_locked: false,
  voucher_title: title,
  voucher_text: null,
  voucher_description: null,
  voucher_amount: 5,
  voucher_currency_symbol: '€',
  voucher_expiry_datetime_utc: utc(Date.now() + 30 * DAY),
  campaign_id: 136,
  campaign_type: 'signup',
  campaign_title: 'Welcome',
  list: 'basket_vouchers',
  ...more,
});

/** The chain's campaigns; `allows_end_user_to_claim_voucher: false` on 2030 (its vouchers are claimed at the partner). */
export const CAMPAIGN_RULES = { 2030: { allows_end_user_to_claim_voucher: false } };

/** get-campaigns for one member: the chain's campaigns with that member's `user_progress`. */
export function campaignsFor(/** @type {SpaazaMember} */ m) {
  const u = m.user_info;
  const standard = { award_count: 0, total_amount_awarded: 0 };
  return [
    {
      id: 159,
      type: 'loyalty',
      title: 'Acme levels',
      description: 'Bronze, Silver and Gold',
      active: true,
      is_active: true,
      user_progress: { campaign_id: 159, ...u.loyalty_status },
    },
    {
      id: 157,
      type: 'points_wallet',
      title: 'Points',
      active: true,
      is_active: true,
      user_progress: {
        currency: { code: 'PTS', display_position: 'after', id: 7, name_en: 'Points', symbol: 'pts' },
        is_redeemable: false,
        saved_amount: u.points_wallet_total,
        total_amount: u.points_wallet_total,
      },
    },
    {
      id: 158,
      type: 'wallet',
      title: 'Cashback',
      active: true,
      is_active: true,
      user_progress: {
        currency: { code: 'EUR', display_position: 'before', id: 1, name_en: 'Euro', symbol: '€' },
        is_redeemable: true,
        saved_amount: u.total_cashback_balance,
        total_amount: u.total_cashback_balance,
      },
    },
    {
      id: 2013,
      type: 'interaction',
      title: '€15 voucher for 450 points',
      description: 'Exchange 450 points for a €15 voucher.',
      active: true,
      is_active: true,
      point_cost: 450,
      point_cost_method: 'points',
      point_cost_method_wallet_campaign_id: 157,
      recipient_reward_method: 'voucher',
      recipient_reward_amount: 15,
      user_progress: standard,
    },
    {
      id: 2014,
      type: 'interaction',
      title: 'Tote bag for 2000 points',
      description: 'The Acme canvas tote.',
      active: true,
      is_active: true,
      point_cost: 2000,
      point_cost_method: 'points',
      point_cost_method_wallet_campaign_id: 157,
      recipient_reward_method: 'voucher',
      recipient_reward_amount: 0,
      user_progress: standard,
    },
    {
      id: 2020,
      type: 'item_purchase_count',
      title: 'Coffee card: every 10th coffee free',
      description: 'Collect a stamp with every coffee.',
      active: true,
      is_active: true,
      target_count: 10,
      current_count: m.stamps,
      user_progress: standard,
    },
    { id: 136, type: 'signup', title: 'Welcome', active: true, is_active: true, user_progress: standard },
    { id: 2030, type: 'birthday', title: 'Birthday treat', active: true, is_active: true, ...CAMPAIGN_RULES[2030], user_progress: standard },
  ];
}

/** @returns {SpaazaMember} */
function member(/** @type {UserInfo} */ user_info, /** @type {string} */ description, /** @type {Partial<SpaazaMember>} */ more = {}) {
  return { user_info: structuredClone(user_info), password: PASSWORD, description, vouchers: [], ledger: [], stamps: 0, ...more };
}

/** A user record built from the seed's, with only what makes this member differ. */
const user = (/** @type {UserInfo} */ changes) => ({ ...structuredClone(SEED_USER), ...changes });

/** @returns {SpaazaState} */
export function buildSpaaza() {
  const seed = member(SEED_USER, 'Seed 004 verbatim: 5 points, member number 3935159, no level, no vouchers.', {
    ledger: [row(Date.parse('2024-01-31T15:15:43Z'), 5, 'points', 'Welcome bonus', { contributing_campaign_id: 136, contributing_campaign_type: 'signup' })],
  });
  const rich = member(
    user({
      id: 4000002,
      user_id: 4000002,
      username: 'rich@example.com',
      first_name: 'Rita',
      last_name: 'Rich',
      birthday: '1988-02-29',
      phone_number: '+31612345678',
      language: 'nl',
      member_number: '2200104000021',
      entity_code: { code: '2200104000021', type: 'custom' },
      points_wallet_total: 1240,
      total_cashback_balance: 12.5,
      number_of_purchases: 200,
      referral_code: 'rita42',
      mailing_list: { mailing_list_sub_offered: true, mailing_list_subscribed: false, printed_mailing_list_subscribed: false },
      loyalty_status: {
        campaign_id: 159,
        loyalty_level_id: 2,
        name: 'Silver',
        description: 'For our regulars',
        date_reached: '2024-03-01T00:00:00+00:00',
        last_review_date: '2025-03-01T00:00:00+00:00',
        next_review_date: '2026-03-01T00:00:00+00:00',
        monetary_balance_current: 12.5,
        points_balance_current: 640,
        points_to_proceed_next_level: 360,
        points_to_remain_current_level: 0,
      },
    }),
    '1240 points, €12.50 cashback, level Silver (360 points to the next), vouchers to claim and unclaim, 200 purchases in the ledger.',
    {
      stamps: 7,
      ledger: RICH_LEDGER,
      vouchers: [
        voucher(501, '€5 welcome voucher', { voucher_text: '€5 off your next purchase', voucher_description: 'Valid on everything in store.' }),
        voucher(502, '€2.50 thank-you', { voucher_status: 'claimed', voucher_amount: 2.5, voucher_text: 'Set aside for your next purchase' }),
        voucher(503, 'Free cinema ticket', {
          list: 'honour_vouchers',
          voucher_type: 'honour',
          voucher_honour_code: 'CINE-7781',
          voucher_amount: 0,
          voucher_description: 'Show the code at the Pathé box office.',
          campaign_id: 2030,
          campaign_type: 'birthday',
          campaign_title: 'Birthday treat',
        }),
        voucher(504, 'Free coffee', {
          voucher_status: 'claimed',
          voucher_locked: true,
          voucher_amount: 3,
          campaign_id: 2020,
          campaign_type: 'item_purchase_count',
          campaign_title: 'Coffee card',
        }),
        voucher(505, 'Used voucher', { voucher_status: 'redeemed' }),
        voucher(506, 'Expired voucher', { voucher_expiry_datetime_utc: utc(Date.now() - DAY) }),
      ],
    },
  );
  const empty = member(
    user({
      id: 4000003,
      user_id: 4000003,
      username: 'empty@example.com',
      first_name: 'Evan',
      last_name: 'Empty',
      birthday: null,
      phone_number: null,
      member_number: '4000003',
      entity_code: { code: '4000003', type: 'regular' },
      points_wallet_total: 0,
      referral_code: 'evan00',
      referred: false,
      loyalty_status: { ...SEED_USER.loyalty_status, points_balance_current: 0 },
    }),
    'A brand-new member: 0 points, no level, vouchers or ledger rows.',
  );
  return { members: new Map([seed, rich, empty].map((m) => [m.user_info.user_id, m])), sessions: new Map() };
}

/** The seeded Spaaza members' credentials, for tests and the demo (`GET /__sandbox/members?backend=spaaza`). */
export const SPAAZA_MEMBERS = Object.freeze(
  [...buildSpaaza().members.values()].map((m) =>
    Object.freeze({
      email: m.user_info.username,
      password: m.password,
      name: `${m.user_info.first_name} ${m.user_info.last_name}`,
      description: m.description,
    }),
  ),
);
