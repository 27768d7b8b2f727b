import type { LoyaltyBackend } from '../../backend.js';
import { LoyaltyError } from '../../errors.js';
import type { Balances, Card, Profile, ProfileChanges, Tier } from '../../types.js';
import { currencyCode } from '../../currency.js';
import { arr, id, num, obj, optional, str, type Obj } from '../../validate.js';
import { date, type SpaazaApi } from './client.js';

const text = (v: unknown, path: string) => optional(v, str, path) || undefined;

/** The member's record: get-user's `user_info` (reference §6), with no parameters under user auth. */
export const getUser = async (api: SpaazaApi, signal?: AbortSignal): Promise<Obj> =>
  obj((await api.get('/internal/get-user', {}, signal)).user_info, 'user_info');

/** The points balance (reference §10.1): `points_wallet_total`, else the level programme's points. */
export const pointsOf = (u: Obj): number =>
  num(u.points_wallet_total ?? optional(u.loyalty_status, obj, 'user_info.loyalty_status')?.points_balance_current ?? 0, 'user_info.points_wallet_total');

/**
 * `user_info` → profile. Spaaza's e-mail is its `username`; contact consent is the e-mail
 * mailing list only (`mailing_list_subscribed`, which one sample sends as `"true"`); it has no
 * merchant fields.
 */
export function readProfile(u: Obj): Profile {
  const mailing = optional(u.mailing_list, obj, 'user_info.mailing_list');
  const subscribed = mailing?.mailing_list_subscribed;
  return {
    id: id(u.user_id ?? u.id, 'user_info.user_id'),
    firstName: text(u.first_name, 'user_info.first_name') ?? '',
    lastName: text(u.last_name, 'user_info.last_name') ?? '',
    email: text(u.username, 'user_info.username') ?? '',
    phone: text(u.phone_number, 'user_info.phone_number'),
    birthdate: u.birthday ? date(u.birthday, 'user_info.birthday') : undefined,
    language: text(u.language, 'user_info.language'),
    contactConsent: subscribed === undefined ? undefined : subscribed === true || subscribed === 'true' ? 1 : 0,
    metadata: [],
  };
}

/**
 * Points and cashback (reference §10.1). Spaaza has no stored value (quick pay) and no expiry
 * schedule. `monetary` is an RFM score, never a balance. Cashback is money in a currency the
 * record does not name; a program without cashback says 0, so it is listed once there is some.
 */
export function readBalances(u: Obj, money = ''): Balances {
  const cashback = num(u.total_cashback_balance ?? 0, 'user_info.total_cashback_balance');
  return {
    storedValue: null,
    currencies: [
      { id: 'points', name: 'Points', balance: pointsOf(u), expiring: [] },
      ...(cashback ? [{ id: 'cashback', name: 'Cashback', balance: cashback, expiring: [], money }] : []),
    ],
  };
}

/**
 * The program's money (reference §10.2): the ISO code of its monetary wallet campaign (`type`
 * `wallet`, `user_progress.currency.code`, else its `symbol`), or `''` when none names one.
 */
export function readWalletCurrency(results: Obj): string {
  for (const v of optional(results.campaigns, arr, 'campaigns') ?? []) {
    const c = optional(v, obj, 'campaigns[]');
    if (c?.type !== 'wallet') continue;
    const currency = optional(optional(c.user_progress, obj, 'user_progress')?.currency, obj, 'user_progress.currency');
    const code = currencyCode(currency?.code) ?? currencyCode(currency?.symbol) ?? currencyCode(c.currency);
    if (code) return code;
  }
  return '';
}

/** How the next level is named: Spaaza gives only the points it still needs (reference §14). */
const NEXT_LEVEL = 'the next level';

/** `loyalty_status` → the tier, or none when the member has no level (`loyalty_level_id: null`). */
export function readTier(u: Obj): Tier | null {
  const p = 'user_info.loyalty_status';
  const s = optional(u.loyalty_status, obj, p);
  const level = s && optional(s.loyalty_level_id, id, `${p}.loyalty_level_id`);
  if (!s || !level) return null;
  const toNext = optional(s.points_to_proceed_next_level, num, `${p}.points_to_proceed_next_level`);
  const points = num(s.points_balance_current ?? 0, `${p}.points_balance_current`);
  return {
    current: {
      id: level,
      name: text(s.name, `${p}.name`) ?? `Level ${level}`,
      since: s.date_reached ? date(s.date_reached, `${p}.date_reached`) : undefined,
      description: text(s.description, `${p}.description`),
    },
    next: toNext ? { id: '', name: NEXT_LEVEL, progress: points, amount: points + toNext } : undefined,
    count: toNext ? 2 : 1,
  };
}

/** The member's one card (reference §11): `member_number`, else `entity_code.code`; static, read-only. */
export function readMemberCard(u: Obj): Card[] {
  const entity = optional(u.entity_code, obj, 'user_info.entity_code');
  const value = [u.member_number, entity?.code].find((v) => v !== undefined && v !== null && v !== '');
  const number = optional(value, id, u.member_number ? 'user_info.member_number' : 'user_info.entity_code.code');
  return number ? [{ id: number, kind: 'first-party', number, status: 'active' }] : [];
}

/**
 * The alter-user form body (reference §7): only the changed fields, under Spaaza's names, and only
 * those of the reference's whitelist for end users.
 *
 * UNCERTAIN (§7, §15 q10): the e-mail is the account's `username`, which the reference says to
 * leave to its own flow, so a change is refused here (naming the field). Spaaza has no consent
 * for text messages: the e-mail bit of `contactConsent` is `mailing_list_subscribed`, and a choice
 * with SMS is refused rather than silently dropped. Merchant fields and `currentPassword` have no
 * Spaaza counterpart and are not sent.
 */
export function alterUserBody(c: ProfileChanges): Obj {
  if (c.email !== undefined) throw new LoyaltyError('validation', 'Your email address cannot be changed here.', { field: 'email' });
  if (c.contactConsent !== undefined && c.contactConsent & 2)
    throw new LoyaltyError('validation', 'Text messages (SMS) are not offered: choose another contact consent.', { field: 'contactConsent' });
  const body: Obj = {
    first_name: c.firstName,
    last_name: c.lastName,
    phone_number: c.phone,
    birthday: c.birthdate && c.birthdate.toISOString().slice(0, 10),
    language: c.language,
    mailing_list_subscribed: c.contactConsent === undefined ? undefined : String(c.contactConsent === 1),
  };
  for (const k in body) if (body[k] === undefined) delete body[k];
  return body;
}

/** Profile, balances and the member card from one get-user; the profile saved with `PUT /internal/alter-user`. */
export const userMethods = (api: SpaazaApi, chainId?: string): Pick<LoyaltyBackend, 'getProfile' | 'getBalances' | 'getCards' | 'updateProfile'> => ({
  getProfile: async (signal) => readProfile(await getUser(api, signal)),
  async getBalances(signal) {
    const user = await getUser(api, signal);
    // cashback is money in the chain's currency, which only its wallet campaign names: asked for
    // only when there is cashback to show, and best effort (else the element's `currency`)
    if (!chainId || !num(user.total_cashback_balance ?? 0, 'user_info.total_cashback_balance')) return readBalances(user);
    let money = '';
    try {
      money = readWalletCurrency(await api.get('/get-campaigns', { chain_id: chainId }, signal));
    } catch (e) {
      if (signal?.aborted) throw e;
    }
    return readBalances(user, money);
  },
  getCards: async (signal) => readMemberCard(await getUser(api, signal)),
  async updateProfile(changes, signal) {
    await api.send('PUT', '/internal/alter-user', alterUserBody(changes), signal);
  },
});
