import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import type { Expiration, LoyaltyCurrencyBalance, Money } from '../../types.js';
import { arr, id, num, obj, optional, str, unixDate } from '../../validate.js';

/** Spoonity's currency type id for stored value ("Quick Pay"); loyalty currencies are 2. */
const QUICK_PAY_TYPE = 1;

/** `/user/quick-pay/balance` → stored value. */
export function readQuickPay(body: unknown): Money {
  const b = obj(body, 'quick-pay balance');
  const currency = optional(b.currency, obj, 'currency');
  return {
    amount: num(b.amount, 'amount'),
    currency: optional(currency?.code, str, 'currency.code') || undefined,
  };
}

/**
 * An upcoming expiration. Spoonity documents the array (`expiring`, misspelled `expirying` in
 * its attribute list) but not its items' fields, so accept the plausible names.
 */
function readExpiration(v: unknown, path: string): Expiration {
  const e = obj(v, path);
  const date = e.date ?? e.expiry ?? e.expires ?? e.expiration_date ?? e.expiry_date;
  const amount = e.amount ?? e.quantity ?? e.balance;
  return { date: unixDate(date, `${path}.date`), amount: num(amount, `${path}.amount`) };
}

/** `/user/currency/balance` (a bare array) → loyalty currencies, stored value left out. */
export function readCurrencyBalances(body: unknown): LoyaltyCurrencyBalance[] {
  const out: LoyaltyCurrencyBalance[] = [];
  arr(body, 'currency balance').forEach((item, i) => {
    const p = `currency balance[${i}]`;
    const entry = obj(item, p);
    const currency = obj(entry.currency, `${p}.currency`);
    const type = optional(currency.currencyType, obj, `${p}.currency.currencyType`);
    const status = optional(currency.status, obj, `${p}.currency.status`);
    const typeId = type && optional(type.currencyType_id, num, `${p}.currency.currencyType.currencyType_id`);
    if (typeId === QUICK_PAY_TYPE || (typeId === undefined && typeof type?.name === 'string' && /quick ?pay/i.test(type.name))) return;
    const statusId = status && optional(status.status_id, num, `${p}.currency.status.status_id`);
    if (statusId !== undefined && statusId !== 1) return; // inactive currency
    const expiring = (entry.expiring ?? entry.expirying ?? []) as unknown;
    out.push({
      id: id(currency.currency_id ?? currency.id, `${p}.currency.currency_id`),
      name: str(currency.name, `${p}.currency.name`),
      balance: num(entry.balance, `${p}.balance`),
      expiring: arr(expiring, `${p}.expiring`)
        .map((e, j) => readExpiration(e, `${p}.expiring[${j}]`))
        .sort((a, b) => a.date.getTime() - b.date.getTime()),
    });
  });
  return out;
}

/** Balances: `GET /user/quick-pay/balance` + `GET /user/currency/balance` (reference §4). */
export const balanceMethods = (client: HttpClient): Pick<LoyaltyBackend, 'getBalances'> => ({
  async getBalances(signal) {
    const [quickPay, currencies] = await Promise.all([
      client.request('GET', '/user/quick-pay/balance', { signal }),
      client.request('GET', '/user/currency/balance', { signal }),
    ]);
    return { storedValue: readQuickPay(quickPay), currencies: readCurrencyBalances(currencies) };
  },
});
