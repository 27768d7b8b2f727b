import type { LoyaltyBackend } from '../../backend.js';
import type { PointsMovement, Transaction } from '../../types.js';
import { arr, id, num, obj, optional, str, type Obj } from '../../validate.js';
import { currencyCode } from '../../currency.js';
import { date, type SpaazaApi } from './client.js';

/**
 * UNCERTAIN (reference §10.3): one ledger call answers for one wallet type, and what it answers
 * without `type` is not documented. We ask for the points wallet and the monetary (cashback)
 * wallet and merge them; this is the one place to change that.
 */
const LEDGER_TYPES = ['points', 'wallet'] as const;

/**
 * user-wallet-ledger answers (reference §10.3), one per `LEDGER_TYPES`, as the member's history,
 * newest first. Rows of one receipt are one purchase (its points and its cashback together);
 * other rows (a bonus, an exchange, a manual correction) stand alone. A positive amount is
 * earned, a negative one spent (INFERRED in the reference). The unit is the row's currency symbol.
 */
export function readLedger(answers: Obj[]): Transaction[] {
  const entries = new Map<string, Transaction>();
  answers.forEach((answer, n) =>
    arr(answer.ledger, 'ledger').forEach((v, i) => {
      const p = `ledger[${i}]`;
      const r = obj(v, p);
      const receipt = optional(r.receipt_id, id, `${p}.receipt_id`);
      const key = receipt ? `receipt:${receipt}` : `${LEDGER_TYPES[n] ?? n}:${i}`;
      let t = entries.get(key);
      if (!t) {
        const description = optional(r.contributing_campaign_title, str, `${p}.contributing_campaign_title`) || undefined;
        entries.set(key, (t = { id: key, date: date(r.date, `${p}.date`), points: [], rewardsUsed: [], description }));
      }
      const amount = num(r.amount, `${p}.amount`);
      const currency =
        optional(r.currency_symbol, str, `${p}.currency_symbol`) || optional(r.wallet_campaign_title, str, `${p}.wallet_campaign_title`) || 'Points';
      let m: PointsMovement | undefined = t.points.find((x) => x.currency === currency);
      if (!m) {
        // money (a cashback wallet, or a unit that is a currency): its ISO code, '' when the symbol names none
        const money = currencyCode(currency) ?? (LEDGER_TYPES[n] === 'wallet' ? '' : undefined);
        t.points.push((m = { currency, earned: 0, spent: 0, ...(money === undefined ? {} : { money }) }));
      }
      if (amount > 0) m.earned += amount;
      else m.spent -= amount;
    }),
  );
  return [...entries.values()].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/** The whole ledger in one page (Spaaza does not page it). */
export const historyMethods = (api: SpaazaApi): Pick<LoyaltyBackend, 'getHistory'> => ({
  async getHistory(_customerId, _cursor, signal) {
    const answers = await Promise.all(LEDGER_TYPES.map((type) => api.get('/user-wallet-ledger', { type }, signal)));
    return { items: readLedger(answers), page: { next: null } };
  },
});
