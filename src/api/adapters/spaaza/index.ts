import type { BackendConfig, Capability, LoyaltyBackend } from '../../backend.js';
import { unsupported } from '../unsupported.js';
import { authMethods } from './auth.js';
import { spaazaApi } from './client.js';
import { historyMethods } from './history.js';
import { rewardMethods } from './rewards.js';
import { userMethods } from './user.js';

export { SPAAZA_API_BASE, SPAAZA_API_VERSION, date, results } from './client.js';

/**
 * What Spaaza can do for a member under user authentication. Absent: stored value, expiring
 * balances, linked cards with lost/found/remove (one static member number instead), rotating
 * check-in tokens, two-step deletion.
 */
export const SPAAZA_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balances',
  'rewards',
  'tiers',
  'vouchers',
  'reward-claim',
  'history',
  'member-card',
  'profile',
  'profile-update',
  'account-deletion',
  'sign-in',
]);

/** Language tags for the profile (Spaaza stores BCP 47 tags); a merchant sets its own with `<profile-form languages>`. */
const SPAAZA_LANGUAGES: Readonly<Record<string, string>> = { en: 'English', nl: 'Nederlands' };

/**
 * The Spaaza API (reference `spaaza-api.md`) as an end user: the session key and user id as
 * headers, with the retailer's app hostname and a pinned API version. One file per feature in
 * this folder maps its calls; what Spaaza has no call for rejects with `unsupported`.
 */
export function createSpaazaBackend(config: BackendConfig): LoyaltyBackend {
  const api = spaazaApi(config);
  const twoStep = unsupported('Deleting an account with an emailed code');
  return {
    name: 'spaaza',
    capabilities: SPAAZA_CAPABILITIES,
    languages: SPAAZA_LANGUAGES,
    // alter-user refuses a phone number without its country code ("must be in international format")
    rules: { phone: 'e164' },
    ...userMethods(api, config.vendorId),
    ...rewardMethods(api, config),
    ...historyMethods(api),
    ...authMethods(api),
    linkCard: unsupported('Linking a card'),
    reportCardLost: unsupported('Reporting a card lost'),
    reportCardFound: unsupported('Marking a card found'),
    removeCard: unsupported('Removing a card'),
    requestCheckinToken: unsupported('A rotating check-in code'),
    requestAccountDeletion: twoStep,
    confirmAccountDeletion: twoStep,
  };
}

export { readLogin } from './auth.js';
export { readLedger } from './history.js';
export { readCampaignRewards, readVoucher, readVouchers } from './rewards.js';
export { alterUserBody, readBalances, readMemberCard, readProfile, readTier } from './user.js';
