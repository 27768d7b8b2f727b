/**
 * The normalized domain model every element speaks. Adapters map a platform's wire format
 * onto these types; no element knows which backend it talks to.
 *
 * Conventions: money amounts are numbers in major units (15.5 = 15.50) with an ISO 4217
 * `currency`; dates are `Date` objects; ids are strings (platforms mix ints and strings).
 */

/** A money amount in a named ISO 4217 currency. */
export interface Money {
  amount: number;
  /** ISO 4217 code, e.g. `CAD`. Absent when the platform does not name one. */
  currency?: string;
}

/** A part of a loyalty balance that expires on a given date. */
export interface Expiration {
  amount: number;
  date: Date;
}

/** One loyalty currency (points, stamps, …) and what the member holds of it. */
export interface LoyaltyCurrencyBalance {
  id: string;
  /** Display name from the platform, e.g. "Points". */
  name: string;
  balance: number;
  /** Upcoming expirations, soonest first. */
  expiring: Expiration[];
  /** Set when the balance is money (a cashback wallet): its ISO 4217 code, or `''` when the platform names none. */
  money?: string;
}

/** Everything `<loyalty-balance>` shows. */
export interface Balances {
  /** Stored value (Spoonity "quick pay"), or `null` when the program has none. */
  storedValue: Money | null;
  /** Loyalty currencies (not money). */
  currencies: LoyaltyCurrencyBalance[];
}

export interface Profile {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  birthdate?: Date;
  /** BCP 47 language tag or platform language id, as the platform gives it. */
  language?: string;
  /** 0 none, 1 email, 2 SMS, 3 both (Spoonity's 2-bit mask). */
  contactConsent?: 0 | 1 | 2 | 3;
  /** Merchant-defined fields. */
  metadata: ProfileField[];
}

export interface ProfileField {
  id: string;
  fieldId?: string;
  label: string;
  value: string;
}

/** A profile update: only what changed. `phone: ''` clears the phone number. */
export interface ProfileChanges extends Partial<Omit<Profile, 'id' | 'metadata'>> {
  /** Merchant fields, addressed by `ProfileField.id`. */
  metadata?: Pick<ProfileField, 'id' | 'value'>[];
  /** Sent only when the merchant requires it (`<profile-form require-password>`); never kept. */
  currentPassword?: string;
}

export interface Reward {
  id: string;
  name: string;
  description: string;
  summary: string;
  /** Cost per redemption in `currencyName`. */
  cost: number;
  currencyName: string;
  /** Progress toward one redemption (0…cost). */
  progress: number;
  /** How many the member can redeem now. */
  available: number;
  expires?: Date;
  /** Set when the member already holds this reward: a voucher, used at the till. */
  voucher?: Voucher;
}

/** A reward issued to the member (Spaaza's vouchers). */
export interface Voucher {
  /** Set aside for the member's next purchase. */
  claimed: boolean;
  /** The member may claim or unclaim it here (`reward-claim`). */
  claimable: boolean;
  /** A code to show where it is redeemed (a partner's honour code). */
  code?: string;
}

export interface Tier {
  current: { id: string; name: string; since?: Date; description?: string };
  next?: { id: string; name: string; progress: number; amount: number };
  /** How many tiers the program has. */
  count: number;
}

export interface RewardList {
  rewards: Reward[];
  tier: Tier | null;
  page: PageInfo;
}

export type CardKind = 'first-party' | 'third-party';
export type CardStatus = 'active' | 'lost';

export interface Card {
  /** Link id used by lost/found/remove. */
  id: string;
  kind: CardKind;
  number: string;
  status: CardStatus;
  linked?: Date;
}

/** What the member types to link a card. The PIN is sent once and never kept. */
export interface LinkCardInput {
  kind: CardKind;
  /** Digits only. */
  number: string;
  /** Required for first-party cards, optional for third-party ones. */
  pin?: string;
}

export interface CheckinCode {
  token: string;
  created?: Date;
  expires?: Date;
  /** `true` for a static identifier (card or member number) rather than a rotating token. */
  static: boolean;
}

/** What one order moved in one loyalty currency (both figures positive). */
export interface PointsMovement {
  /** The currency's display name, e.g. "Points". */
  currency: string;
  earned: number;
  spent: number;
  /** Set when the movement is money (a cashback wallet): its ISO 4217 code, or `''` when the platform names none. */
  money?: string;
}

/** One order of the member. */
export interface Transaction {
  id: string;
  date: Date;
  /** Store (or location) name. */
  location?: string;
  total?: Money;
  /** Points earned and spent, per loyalty currency (a program may have several). */
  points: PointsMovement[];
  /** Names of the rewards redeemed with this order. */
  rewardsUsed: string[];
  /** What the entry is, when the platform says (a ledger row's campaign, e.g. "Welcome bonus"). */
  description?: string;
}

/** Where a page sits in a list the server pages through. */
export interface PageInfo {
  /** Opaque cursor to fetch the next page, or `null` at the end. */
  next: string | null;
  /** How many items there are over every page, when the server says so believably. */
  total?: number;
}

export interface Page<T> {
  items: T[];
  page: PageInfo;
}

/** Result of a successful sign-in. */
export interface SignInResult {
  sessionKey: string;
  /** The member's user id, for platforms whose session is a key plus the user (Spaaza). */
  userId?: string;
}
