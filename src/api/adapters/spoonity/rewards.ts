import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import type { Reward, RewardList, Tier } from '../../types.js';
import { arr, id, num, obj, optional, str, unixDate } from '../../validate.js';
import { pageNumber, readCollection } from './paging.js';

/** Rewards per request: most programs fit in one page; a long catalogue loads more on request. */
const REWARDS_PAGE_SIZE = 20;

const text = (v: unknown, path: string) => optional(v, str, path) ?? '';

/**
 * One reward of `data[]` (reference §5.1). `expiring` is `{data: []}` in every example; its items
 * are undocumented, so a Unix-seconds number or an object with a plausible date field is accepted
 * and the soonest one kept.
 */
export function readReward(v: unknown, path: string): Reward {
  const r = obj(v, path);
  const cost = num(r.cost, `${path}.cost`);
  const currency = optional(r.currency, obj, `${path}.currency`);
  const expiring = optional(r.expiring, obj, `${path}.expiring`);
  const dates = (optional(expiring?.data, arr, `${path}.expiring.data`) ?? []).map((e, i) => {
    const p = `${path}.expiring.data[${i}]`;
    const o = typeof e === 'object' ? obj(e, p) : { date: e };
    return unixDate(o.date ?? o.expiry ?? o.expires ?? o.expiration_date, `${p}.date`);
  });
  return {
    id: id(r.id, `${path}.id`),
    name: str(r.name, `${path}.name`),
    description: text(r.description, `${path}.description`),
    summary: text(r.summary, `${path}.summary`),
    cost,
    currencyName: optional(currency?.name, str, `${path}.currency.name`) || 'points',
    progress: Math.max(0, Math.min(cost, num(r.progress ?? 0, `${path}.progress`))),
    available: num(r.available ?? 0, `${path}.available`),
    expires: dates.sort((a, b) => a.getTime() - b.getTime())[0],
  };
}

/**
 * The `tier` object (reference §5.2). `next.id` is `""` when there is no next tier, so a next tier
 * needs a name; `count` (else the length of `all.data`) says how many tiers the program has.
 */
export function readTier(v: unknown, path = 'tier'): Tier {
  const t = obj(v, path);
  const current = obj(t.current, `${path}.current`);
  const next = optional(t.next, obj, `${path}.next`);
  const all = optional(t.all, obj, `${path}.all`);
  const since = optional(current.since, num, `${path}.current.since`) ? unixDate(current.since, `${path}.current.since`) : undefined;
  const nextName = next && optional(next.name, str, `${path}.next.name`);
  return {
    current: {
      id: id(current.id, `${path}.current.id`),
      name: str(current.name, `${path}.current.name`),
      since,
      description: text(current.description, `${path}.current.description`) || undefined,
    },
    next: nextName
      ? {
          id: id(next.id, `${path}.next.id`),
          name: nextName,
          progress: num(next.progress ?? 0, `${path}.next.progress`),
          amount: num(next.amount ?? 0, `${path}.next.amount`),
        }
      : undefined,
    count: optional(t.count, num, `${path}.count`) ?? (optional(all?.data, arr, `${path}.all.data`)?.length || 1),
  };
}

/** `GET /user/reward/list` (a collection with `tier` beside `data`). */
export function readRewardList(body: unknown, request = { page: 1, limit: REWARDS_PAGE_SIZE }): RewardList {
  const { items, page } = readCollection(body, 'rewards', readReward, request);
  const tier = (body as { tier?: unknown } | null)?.tier;
  return { rewards: items, tier: tier ? readTier(tier) : null, page };
}

/** Rewards and tier: `GET /user/reward/list?page=&limit=` (reference §5). */
export const rewardMethods = (client: HttpClient): Pick<LoyaltyBackend, 'getRewards'> => ({
  async getRewards(cursor, signal) {
    const request = { page: pageNumber(cursor), limit: REWARDS_PAGE_SIZE };
    return readRewardList(await client.request('GET', '/user/reward/list', { query: request, signal }), request);
  },
});
