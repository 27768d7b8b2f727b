import type { Balances, Card, Profile, SignInResult } from './types.js';
import type { CheckinCode } from './types.js';
import type { ProfileChanges } from './types.js';
import type { LinkCardInput } from './types.js';
import type { Page, RewardList, Transaction } from './types.js';

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
  | 'checkin-token'
  | 'profile'
  | 'profile-update'
  | 'account-deletion'
  | 'sign-in';

export type BackendName = 'spoonity' | 'spaaza';

/** What every adapter is built from. Secrets come through getters so nothing copies them. */
export interface BackendConfig {
  apiBase: string;
  vendorId?: string;
  /** The member's session key, read at request time. */
  getSessionKey: () => string | undefined;
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
  getBalances(signal?: AbortSignal): Promise<Balances>;
  getProfile(signal?: AbortSignal): Promise<Profile>;
  /** Every linked card, of every kind the platform has. */
  getCards(signal?: AbortSignal): Promise<Card[]>;
  /** One page of the member's rewards, with the tier (`rewards`, `tiers`). `page` is a cursor from a previous page. */
  getRewards(page?: string, signal?: AbortSignal): Promise<RewardList>;
  /**
   * One page of the member's orders, newest first (`history`). `customerId` is the profile's `id`
   * (Spoonity's current route names the member); `page` is a cursor from a previous page.
   */
  getHistory(customerId: string, page?: string, signal?: AbortSignal): Promise<Page<Transaction>>;
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
  /** Ends `sessionKey` on the server (passed explicitly: the session has already forgotten it). */
  signOut(sessionKey: string, signal?: AbortSignal): Promise<void>;
  /** Saves only the given changes (`profile-update`). */
  updateProfile(changes: ProfileChanges, signal?: AbortSignal): Promise<void>;
  /** Account deletion step 1 (`account-deletion`): the platform emails the member a one-time code. */
  requestAccountDeletion(profileId: string, signal?: AbortSignal): Promise<void>;
  /** Account deletion step 2: deletes the account for good with the emailed code. */
  confirmAccountDeletion(code: string, profileId: string, signal?: AbortSignal): Promise<void>;
}

export type BackendFactory = (config: BackendConfig) => LoyaltyBackend;
