import type { Balances, Card, Profile, SignInResult } from './types.js';

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
  signIn(credentials: SignInCredentials, signal?: AbortSignal): Promise<SignInResult>;
  /** Ends `sessionKey` on the server (passed explicitly: the session has already forgotten it). */
  signOut(sessionKey: string, signal?: AbortSignal): Promise<void>;
}

export type BackendFactory = (config: BackendConfig) => LoyaltyBackend;
