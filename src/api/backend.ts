import type { Balances, Card, Profile, SignInResult } from './types.js';
import type { CheckinCode } from './types.js';
import type { ProfileChanges } from './types.js';
import type { LinkCardInput } from './types.js';
import type { Page, Reward, RewardList, Transaction } from './types.js';

/**
 * What a backend can do. Elements ask the session before they show a feature, so a platform
 * that lacks one hides it instead of failing.
 */
export type Capability =
  | 'balances'
  | 'stored-value'
  | 'expiring-balances'
  | 'rewards'
  | 'tiers'
  | 'history'
  | 'cards'
  | 'card-status'
  /** `getCards()` lists the member's one card (a member number), read-only: no link, lost, found or remove. */
  | 'member-card'
  /** `getVouchers()`: the rewards issued to the member (`Reward.voucher` set); they also come with `getRewards()`. */
  | 'vouchers'
  /** `claimReward()`: set a voucher aside for the next purchase, or take it back. */
  | 'reward-claim'
  | 'checkin-token'
  | 'profile'
  | 'profile-update'
  /** Deletion in one step (`deleteAccount`), or in two with `account-deletion-code`. */
  | 'account-deletion'
  /** Deletion is requested first and confirmed with a code the platform emails (`requestAccountDeletion`, `confirmAccountDeletion`). */
  | 'account-deletion-code'
  | 'sign-in';

export type BackendName = 'spoonity' | 'spaaza';

/**
 * What the platform accepts in a member's data, so a form refuses before sending what the platform
 * would reject. Absent: the kit's general checks only.
 */
export interface BackendRules {
  /** `e164`: phone numbers in international format, `+` then 7 to 15 digits (spaces and dashes allowed between). */
  phone?: 'e164';
}

/** What every adapter is built from. Secrets come through getters so nothing copies them. */
export interface BackendConfig {
  apiBase: string;
  /** The merchant's program: Spoonity's vendor id, Spaaza's chain id. */
  vendorId?: string;
  /** The hostname of the retailer's app (Spaaza's MyPrice app, e.g. `acme.spaaza.com`). */
  appHostname?: string;
  /** The member's session key, read at request time. */
  getSessionKey: () => string | undefined;
  /** The member's user id (Spaaza sends it beside the key), read at request time. */
  getUserId?: () => string | undefined;
  /** Passed to the HTTP client (timeouts, retries, a custom `fetch`). */
  timeout?: number;
  retries?: number;
  fetch?: typeof fetch;
}

export interface SignInCredentials {
  email: string;
  password: string;
}

/**
 * One backend platform, mapped onto the normalized model. Every read validates what it gets
 * and throws a `LoyaltyError` of kind `validation` naming the field when the shape is wrong.
 */
export interface LoyaltyBackend {
  readonly name: BackendName;
  readonly capabilities: ReadonlySet<Capability>;
  /** The platform's language choices for a profile (value as the platform stores it → name). */
  readonly languages?: Readonly<Record<string, string>>;
  /** What the platform accepts in a member's data (see `BackendRules`). */
  readonly rules?: BackendRules;
  getBalances(signal?: AbortSignal): Promise<Balances>;
  getProfile(signal?: AbortSignal): Promise<Profile>;
  /** Every linked card, of every kind the platform has (`cards`), or the member's one card (`member-card`). */
  getCards(signal?: AbortSignal): Promise<Card[]>;
  /** One page of the member's rewards, with the tier (`rewards`, `tiers`). `page` is a cursor from a previous page. */
  getRewards(page?: string, signal?: AbortSignal): Promise<RewardList>;
  /**
   * One page of the member's orders, newest first (`history`). `customerId` is the profile's `id`
   * (Spoonity's current route names the member); `page` is a cursor from a previous page.
   */
  getHistory(customerId: string, page?: string, signal?: AbortSignal): Promise<Page<Transaction>>;
  /** The rewards issued to the member, usable now (`vouchers`): each has `voucher` set. */
  getVouchers(signal?: AbortSignal): Promise<Reward[]>;
  /** Sets a voucher aside for the next purchase (`claim` true) or takes it back (`reward-claim`). */
  claimReward(reward: Reward, claim: boolean, signal?: AbortSignal): Promise<void>;
  /** Links a card to the member (`cards`). The answer may lack the link id (`''` then). */
  linkCard(input: LinkCardInput, signal?: AbortSignal): Promise<Card>;
  /** Marks a linked card lost (`card-status`); resolves to the card with its new status. */
  reportCardLost(card: Card, signal?: AbortSignal): Promise<Card>;
  /** Marks a lost card found again (`card-status`). */
  reportCardFound(card: Card, signal?: AbortSignal): Promise<Card>;
  /** Unlinks a card from the member (`card-status`). */
  removeCard(card: Card, signal?: AbortSignal): Promise<void>;
  /**
   * A fresh, short-lived token for the cashier to scan (`checkin-token`). A write: never retried,
   * never cached (every call issues a new token).
   */
  requestCheckinToken(signal?: AbortSignal): Promise<CheckinCode>;
  signIn(credentials: SignInCredentials, signal?: AbortSignal): Promise<SignInResult>;
  /** Ends the session on the server (its credentials passed explicitly: the session has already forgotten them). */
  signOut(session: SignInResult, signal?: AbortSignal): Promise<void>;
  /** Saves only the given changes (`profile-update`). */
  updateProfile(changes: ProfileChanges, signal?: AbortSignal): Promise<void>;
  /** Account deletion step 1 (`account-deletion-code`): the platform emails the member a one-time code. */
  requestAccountDeletion(profileId: string, signal?: AbortSignal): Promise<void>;
  /** Account deletion step 2: deletes the account for good with the emailed code. */
  confirmAccountDeletion(code: string, profileId: string, signal?: AbortSignal): Promise<void>;
  /** Deletes the account for good in one step (`account-deletion` without `account-deletion-code`). */
  deleteAccount(profileId: string, signal?: AbortSignal): Promise<void>;
}

export type BackendFactory = (config: BackendConfig) => LoyaltyBackend;
