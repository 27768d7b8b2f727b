import type { BackendConfig, LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import { LoyaltyError } from '../../errors.js';
import type { Money, Page, PointsMovement, Transaction } from '../../types.js';
import { arr, id, num, obj, optional, str, unixDate, type Obj } from '../../validate.js';
import { pageNumber, readCollection } from './paging.js';

/** Orders per request. */
const HISTORY_PAGE_SIZE = 50;

const list = (v: unknown, path: string) => (optional(v, arr, path) ?? []).map((x, i) => obj(x, `${path}[${i}]`));
const name = (v: unknown, path: string) => (v && typeof v === 'object' ? optional((v as Obj).name, str, `${path}.name`) : undefined);

/** `total` is a number in every example; `{amount, currency}` and an item-level `currency` are accepted too. */
function readTotal(t: Obj, path: string): Money | undefined {
  if (t.total === undefined || t.total === null) return undefined;
  const o = typeof t.total === 'object' ? obj(t.total, `${path}.total`) : { amount: t.total };
  const c = o.currency ?? t.currency;
  const code = c && typeof c === 'object' ? (c as Obj).code : c;
  const total: Money = { amount: num(o.amount, `${path}.total`) };
  const currency = optional(code, str, `${path}.currency`);
  if (currency) total.currency = currency;
  return total;
}

/**
 * One order, in either shape (reference §6). The current route's items carry `receipt_date` and
 * `loyalty[]` (signed amounts typed Earn/Spend/Adjustment) and list the rewards used in
 * `rewards[]`; the deprecated route's carry `date`, a store `name`, and `rewards[]` (or `reward[]`)
 * as per-currency `{name, earned, spent}` totals.
 */
export function readTransaction(v: unknown, path: string): Transaction {
  const t = obj(v, path);
  const current = Array.isArray(t.loyalty) || t.receipt_date !== undefined;
  const points = new Map<string, PointsMovement>();
  const add = (currency: string, earned: number, spent: number) => {
    const m = points.get(currency) ?? { currency, earned: 0, spent: 0 };
    points.set(currency, { currency, earned: m.earned + earned, spent: m.spent + spent });
  };
  const rewardsUsed: string[] = [];
  if (current) {
    list(t.loyalty, `${path}.loyalty`).forEach((l, i) => {
      const p = `${path}.loyalty[${i}]`;
      const amount = num(l.amount, `${p}.amount`);
      const type = optional(l.type, str, `${p}.type`);
      const earn = type === 'Earn' || (type !== 'Spend' && amount > 0);
      add(name(l.currency, `${p}.currency`) ?? 'Points', earn ? Math.abs(amount) : 0, earn ? 0 : Math.abs(amount));
    });
    list(t.rewards, `${path}.rewards`).forEach((r, i) => rewardsUsed.push(str(r.name, `${path}.rewards[${i}].name`)));
  } else {
    list(t.rewards ?? t.reward, `${path}.rewards`).forEach((r, i) => {
      const p = `${path}.rewards[${i}]`;
      add(str(r.name, `${p}.name`), num(r.earned ?? 0, `${p}.earned`), num(r.spent ?? 0, `${p}.spent`));
    });
  }
  return {
    id: id(t.id, `${path}.id`),
    date: unixDate(t.receipt_date ?? t.date_created ?? t.date, `${path}.date`),
    location:
      name(t.location, `${path}.location`) ?? name(t.store, `${path}.store`) ?? optional(t.name, str, `${path}.name`) ?? name(t.vendor, `${path}.vendor`),
    total: readTotal(t, path),
    points: [...points.values()].filter((m) => m.earned || m.spent),
    rewardsUsed,
  };
}

/** One page of either history route, newest first. */
export function readHistory(body: unknown, request = { page: 1, limit: HISTORY_PAGE_SIZE }): Page<Transaction> {
  const page = readCollection(body, 'history', readTransaction, request);
  page.items.sort((a, b) => b.date.getTime() - a.date.getTime());
  return page;
}

/**
 * History (reference §6): the current `GET /vendor/{vendor_id}/customers/{customer_id}/history`
 * when the vendor id is known, else — or when that route answers 404/405, remembered for this
 * backend — the deprecated `GET /user/transaction/list?order=dateCreated(desc)`.
 */
export const historyMethods = (client: HttpClient, config: BackendConfig): Pick<LoyaltyBackend, 'getHistory'> => {
  let deprecatedOnly = false;
  return {
    async getHistory(customerId, cursor, signal) {
      const request = { page: pageNumber(cursor), limit: HISTORY_PAGE_SIZE };
      if (config.vendorId && customerId && !deprecatedOnly) {
        const route = `/vendor/${encodeURIComponent(config.vendorId)}/customers/${encodeURIComponent(customerId)}/history`;
        try {
          return readHistory(await client.request('GET', route, { query: request, signal }), request);
        } catch (e) {
          if (!(e instanceof LoyaltyError && (e.status === 404 || e.status === 405))) throw e;
          deprecatedOnly = true;
        }
      }
      const query = { ...request, order: 'dateCreated(desc)' };
      return readHistory(await client.request('GET', '/user/transaction/list', { query, signal }), request);
    },
  };
};
