import type { BackendConfig, Capability, LoyaltyBackend } from '../../backend.js';
import { createClient } from '../../client.js';
import { accountMethods } from './account.js';
import { authMethods } from './auth.js';
import { balanceMethods } from './balances.js';
import { cardMethods } from './cards.js';
import { checkinMethods } from './checkin.js';
import { historyMethods } from './history.js';
import { profileMethods } from './profile.js';
import { rewardMethods } from './rewards.js';
import { unsupported } from '../unsupported.js';

export const SPOONITY_API_BASE = 'https://api.spoonity.com';

/** Spoonity's language ids (`language` of the profile) and their names. */
const SPOONITY_LANGUAGES: Readonly<Record<string, string>> = { 1: 'English', 3: 'Español' };

/** What the Spoonity consumer API can do for a member. */
export const SPOONITY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balances',
  'stored-value',
  'expiring-balances',
  'sign-in',
  'profile',
  'profile-update',
  'account-deletion',
  'account-deletion-code',
  'cards',
  'checkin-token',
  'card-status',
  'rewards',
  'tiers',
  'history',
]);

/**
 * The Spoonity consumer API: the end-customer `session_key` goes in the query string of every
 * call (never a header). One file per feature in this folder maps its calls (see the reference
 * section named in each); this one assembles them.
 */
export function createSpoonityBackend(config: BackendConfig): LoyaltyBackend {
  const client = createClient({
    baseUrl: config.apiBase || SPOONITY_API_BASE,
    authorize: (url, _headers, anonymous) => {
      const key = config.getSessionKey();
      if (key && !anonymous) url.searchParams.set('session_key', key);
    },
    secrets: () => [config.getSessionKey()],
    timeout: config.timeout,
    retries: config.retries,
    fetch: config.fetch,
  });
  return {
    name: 'spoonity',
    capabilities: SPOONITY_CAPABILITIES,
    languages: SPOONITY_LANGUAGES,
    ...balanceMethods(client),
    ...authMethods(client, config),
    ...profileMethods(client),
    ...accountMethods(client, config),
    ...cardMethods(client),
    ...checkinMethods(client),
    ...rewardMethods(client),
    ...historyMethods(client, config),
    getVouchers: unsupported('Vouchers'),
    claimReward: unsupported('Claiming a voucher'),
    deleteAccount: unsupported('Deleting an account without an emailed code'),
  };
}

export { readCurrencyBalances, readQuickPay } from './balances.js';
export { readAuthenticate } from './auth.js';
export { readProfile } from './profile.js';
export { phoneOnWire, profileBody } from './profile.js';
export { readCard } from './cards.js';
export { CHECKIN_TOKEN_REQUEST, readCheckinToken } from './checkin.js';
export { readCollection } from './paging.js';
export { readReward, readRewardList, readTier } from './rewards.js';
export { readHistory, readTransaction } from './history.js';
