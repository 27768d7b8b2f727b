import type { BackendConfig, LoyaltyBackend } from '../../backend.js';
import type { Reward } from '../../types.js';
import { arr, id, num, obj, optional, str, type Obj } from '../../validate.js';
import { date, type SpaazaApi } from './client.js';
import { getUser, pointsOf, readTier } from './user.js';

/** The voucher lists of get-user-vouchers (reference §9.2). */
const VOUCHER_LISTS = ['basket_vouchers', 'honour_vouchers', 'var_price_vouchers'];

/**
 * One voucher (reference §9.2) as a reward the member holds, or `undefined` once it cannot be used
 * (redeemed, expired). Its campaign comes as flat `campaign_*` keys or, from 1.6.5, a `campaign`
 * object: both are read. The `voucher_key` is its id (what claim and unclaim name).
 *
 * UNCERTAIN (§9.1, §15 q4): whether a member may claim a voucher is its campaign's
 * `allows_end_user_to_claim_voucher`, which voucher objects do not document. It is read where
 * present (a nested `campaign`); otherwise the claim is offered while the voucher is not locked,
 * and a refusal from Spaaza is shown.
 */
export function readVoucher(v: unknown, path: string, now = Date.now()): Reward | undefined {
  const o = obj(v, path);
  const text = (key: string, value = o[key]) => optional(value, str, `${path}.${key}`) || undefined;
  const status = str(o.voucher_status, `${path}.voucher_status`);
  const expires = o.voucher_expiry_datetime_utc ? date(o.voucher_expiry_datetime_utc, `${path}.voucher_expiry_datetime_utc`) : undefined;
  if (status === 'redeemed' || (expires && expires.getTime() <= now)) return undefined;
  const campaign = optional(o.campaign, obj, `${path}.campaign`);
  return {
    id: str(o.voucher_key, `${path}.voucher_key`),
    name: text('voucher_title') ?? text('campaign_title', campaign?.title ?? o.campaign_title) ?? 'Voucher',
    description: text('voucher_description') ?? '',
    summary: text('voucher_text') ?? '',
    cost: 0,
    currencyName: '',
    progress: 0,
    available: 1,
    expires,
    voucher: {
      claimed: status === 'claimed',
      claimable: o.voucher_locked !== true && campaign?.allows_end_user_to_claim_voucher !== false,
      code: text('voucher_honour_code'),
    },
  };
}

/** Every usable voucher of get-user-vouchers' `results`. */
export function readVouchers(results: Obj, now = Date.now()): Reward[] {
  return VOUCHER_LISTS.flatMap((list) => (optional(results[list], arr, list) ?? []).map((v, i) => readVoucher(v, `${list}[${i}]`, now))).filter(
    (r): r is Reward => r !== undefined,
  );
}

/**
 * get-campaigns' `results` (reference §10.2) → what the member works toward: points-for-voucher
 * exchanges (`interaction` with a `point_cost`: progress is the points balance) and stamp cards
 * (`item_purchase_count`: `current_count` of `target_count`). Other campaigns are not rewards.
 */
export function readCampaignRewards(results: Obj, points: number): Reward[] {
  return arr(results.campaigns, 'campaigns').flatMap((v, i): Reward[] => {
    const p = `campaigns[${i}]`;
    const c = obj(v, p);
    const stamps = c.type === 'item_purchase_count';
    const cost = optional(stamps ? c.target_count : c.type === 'interaction' ? c.point_cost : undefined, num, `${p}.${stamps ? 'target_count' : 'point_cost'}`);
    if (!cost || cost < 0) return [];
    const progress = optional(c.user_progress, obj, `${p}.user_progress`);
    const have = stamps ? num(progress?.current_count ?? c.current_count ?? 0, `${p}.current_count`) : points;
    return [
      {
        id: `campaign:${id(c.id, `${p}.id`)}`,
        name: str(c.title, `${p}.title`),
        description: optional(c.description, str, `${p}.description`) ?? '',
        summary: '',
        cost,
        currencyName: stamps ? 'stamps' : 'Points',
        progress: Math.max(0, Math.min(have, cost)),
        // a full stamp card turns into a voucher by itself: only exchanges are "available"
        available: stamps ? 0 : Math.min(Math.floor(have / cost), Number.MAX_SAFE_INTEGER),
      },
    ];
  });
}

/**
 * Rewards: the member's vouchers, then campaign progress (get-campaigns needs the chain id, the
 * session's `vendor-id`; without it only vouchers), with the level from get-user. One page.
 * Claim and unclaim name the voucher by its key (reference §9.3, §9.4).
 */
export const rewardMethods = (api: SpaazaApi, config: BackendConfig): Pick<LoyaltyBackend, 'getRewards' | 'getVouchers' | 'claimReward'> => {
  const vouchers = async (signal?: AbortSignal) => readVouchers(await api.get('/get-user-vouchers', {}, signal));
  return {
    async getRewards(_page, signal) {
      const chain = config.vendorId;
      const [user, held, campaigns] = await Promise.all([
        getUser(api, signal),
        vouchers(signal),
        chain ? api.get('/get-campaigns', { chain_id: chain }, signal) : undefined,
      ]);
      return {
        rewards: [...held, ...(campaigns ? readCampaignRewards(campaigns, pointsOf(user)) : [])],
        tier: readTier(user),
        page: { next: null },
      };
    },
    getVouchers: vouchers,
    async claimReward(reward, claim, signal) {
      await api.send('PUT', claim ? '/claim-voucher' : '/unclaim-voucher', { voucher_key: reward.id }, signal);
    },
  };
};
