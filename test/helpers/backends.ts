/**
 * The backends every element suite runs against, each a fixture: how to point a
 * `<loyalty-session>` at it in the sandbox, how to sign its members in, which calls each read
 * makes (to arm faults and read the request log), and what its seed and rich members show.
 * A suite loops over `BACKENDS`; a test of a feature a platform lacks is defined only where
 * `supports()` says so (or checks that the feature is absent).
 */
import { SPAAZA_CAPABILITIES } from '../../src/api/adapters/spaaza/index.js';
import { SPOONITY_CAPABILITIES } from '../../src/api/adapters/spoonity/index.js';
import type { Capability } from '../../src/api/backend.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, PASSWORD, SANDBOX, SPOONITY, VENDOR, signIn as spoonitySignIn } from './sandbox.js';

export const SPAAZA = `${SANDBOX}/spaaza`;
export const SPAAZA_APP = 'acme.spaaza.com';
/** Josephine Bloggs, seed 004's member. */
export const SPAAZA_SEED = 'somedude0.11073246009398896@spaaza.com';

export interface Credentials {
  sessionKey: string;
  userId?: string;
}

/** Signs a Spaaza member in over HTTP (`POST /auth/login`, form body, app-hostname header). */
export async function spaazaSignIn(username: string, password = PASSWORD): Promise<Credentials> {
  const res = await fetch(`${SPAAZA}/auth/login`, {
    method: 'POST',
    headers: { 'X-Spaaza-MyPrice-App-Hostname': SPAAZA_APP },
    body: new URLSearchParams({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
  const { session_key, session_user_id } = ((await res.json()) as { results: { session_info: { session_key: string; session_user_id: number } } }).results
    .session_info;
  return { sessionKey: session_key, userId: String(session_user_id) };
}

export interface BackendFixture {
  name: 'spoonity' | 'spaaza';
  /** `<loyalty-session>` attributes: `backend`, `api-base`, `vendor-id`, `app-hostname`. */
  backend: string;
  apiBase: string;
  vendorId: string;
  appHostname: string;
  members: { seed: string; rich: string; empty: string };
  signIn(email: string, password?: string): Promise<Credentials>;
  supports(capability: Capability): boolean;
  /** Changes a member's points server-side, as a till would. */
  setPoints(email: string, points: number): Promise<void>;
  /** The paths (after `/spoonity` or `/spaaza`) each read or write calls: for faults and the request log. */
  paths: {
    balances: string;
    profile: string;
    profileUpdate: string;
    rewards: string;
    history: string;
    cards: string;
    signIn: string;
    signOut: string;
  };
  /** Where a `body=wrong-shape` answer on `paths.rewards` / `paths.history` fails. */
  wrongShape: { rewards: string; history: string };
  seed: {
    name: string;
    firstName: string;
    lastName: string;
    phone: string;
    birthdate: string;
    /** The balance rows as shown in en-CA. */
    balanceRows: string[];
    /** The rewards' names as shown (sorted), and the first one as the model has it. */
    rewardNames: string[];
    firstReward: { id: string; name: string; cost: number; available: number; progress: number; currencyName: string };
    /** The first reward's progress bar: `aria-valuenow`, `-min`, `-max`, `-text`. */
    firstBar: string[];
    tierName: string | null;
    /** History rows, and what the newest one's details say. */
    historyRows: number;
    historyDetails: RegExp;
    /** The check-in code shown when the platform has no tokens (grouped as shown). */
    memberCard: string;
  };
  rich: {
    /** A figure of the rich member's balances, in en-CA. */
    balanceText: string;
    /** Rewards in the first page (what `limit` counts "Show all" from). */
    rewardCount: number;
    /** A reward with its progress bar: text and width. */
    bar: { name: string; now: string; max: string; text: string; width: RegExp };
    /** Two rewards that are not available: the first is closer to being so. */
    closer: [string, string];
    /** With `available-only`: one that is shown, one that is not. */
    available: [string, string];
    nextTier: string;
    /** What a history row with points spent looks like. */
    spent: RegExp;
  };
  /** The request body a sign-in sends (password masked by the sandbox). */
  signInBody(email: string): Record<string, unknown>;
  /** How a phone number typed as "+1 555 555 0199" is sent. */
  phoneOnWire: unknown;
  /**
   * A change the platform refuses, its message (named field, in the `loyalty-error` event and the
   * hidden `error-detail`), and the kit's sentence members read next to that field. `fault`: the
   * refusal is armed (a value the kit's own checks let through that the platform still refuses).
   */
  rejection: { field: string; value: string; message: string; shown: string; fault?: string };
  /** The contact choices: the seed member's, the one an ArrowUp picks, and what saving it sends. */
  consent: { checked: string; afterUp: string; body: Record<string, unknown> };
  /** Rows of `<profile-form readonly>` for the seed member, as "Label: value". */
  readonlyRows: string[];
}

const patch = (email: string, body: unknown, backend = '') =>
  fetch(`${SANDBOX}/__sandbox/members/${encodeURIComponent(email)}${backend && `?backend=${backend}`}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then(() => undefined);

export const SPOONITY_FIXTURE: BackendFixture = {
  name: 'spoonity',
  backend: 'spoonity',
  apiBase: SPOONITY,
  vendorId: VENDOR,
  appHostname: '',
  members: { seed: MEMBERS.seed, rich: MEMBERS.rich, empty: MEMBERS.empty },
  signIn: async (email, password) => ({ sessionKey: await spoonitySignIn(email, password) }),
  supports: (c) => SPOONITY_CAPABILITIES.has(c),
  setPoints: (email, points) => patch(email, { points }),
  paths: {
    balances: '/user/currency/balance',
    profile: '/user/profile',
    profileUpdate: '/user/profile',
    rewards: '/user/reward/list',
    history: '/history',
    cards: '/user/card/list',
    signIn: '/user/authenticate',
    signOut: '/user/logout',
  },
  wrongShape: { rewards: 'rewards.data', history: 'history.data' },
  seed: {
    name: 'Sam Seed',
    firstName: 'Sam',
    lastName: 'Seed',
    phone: '15555550100',
    birthdate: '1990-01-01',
    balanceRows: ['Quick Pay balance $15.00', 'Points 0'],
    rewardNames: ['Free Item'],
    firstReward: { id: '642', name: 'Free Item', cost: 50, available: 0, progress: 0, currencyName: 'Points' },
    firstBar: ['0', '0', '50', '0 of 50 Points'],
    tierName: 'Default',
    historyRows: 5,
    historyDetails: /^\+\d+ Points$/,
    memberCard: '9999 0161 3438 5493',
  },
  rich: {
    balanceText: '$182.35',
    rewardCount: 20,
    bar: { name: 'Crème brûlée', now: '1240', max: '1500', text: '1,240 of 1,500 Points', width: /^82\.6/ },
    closer: ['Extra shot', 'Jalapeño bagel'],
    available: ['Croissant', 'Crème brûlée'],
    nextTier: 'Gold',
    spent: /-\d+ (Points|Stars)/,
  },
  signInBody: (email) => ({ email_address: email, password: '***', vendor: 1234 }),
  phoneOnWire: { code: '1', number: '5555550199' },
  rejection: {
    field: 'email',
    value: MEMBERS.rich,
    message: 'Email address is already registered',
    shown: 'The loyalty service did not accept this value. Check it and try again.',
  },
  consent: { checked: 'Email and text messages', afterUp: 'Text messages (SMS) only', body: { contact_consent: 2 } },
  readonlyRows: ['First name: Sam', 'Birthdate: January 1, 1990', 'Language: English', 'How may we contact you?: Email and text messages', 'Gender: Not set'],
};

export const SPAAZA_FIXTURE: BackendFixture = {
  name: 'spaaza',
  backend: 'spaaza',
  apiBase: SPAAZA,
  vendorId: VENDOR,
  appHostname: SPAAZA_APP,
  members: { seed: SPAAZA_SEED, rich: 'rich@example.com', empty: 'empty@example.com' },
  signIn: spaazaSignIn,
  supports: (c) => SPAAZA_CAPABILITIES.has(c),
  setPoints: (email, points) => patch(email, { points }, 'spaaza'),
  paths: {
    balances: '/internal/get-user',
    profile: '/internal/get-user',
    profileUpdate: '/internal/alter-user',
    rewards: '/get-user-vouchers',
    history: '/user-wallet-ledger',
    cards: '/internal/get-user',
    signIn: '/auth/login',
    signOut: '/auth/logout',
  },
  wrongShape: { rewards: 'results', history: 'results' },
  seed: {
    name: 'Josephine Bloggs',
    firstName: 'Josephine',
    lastName: 'Bloggs',
    phone: '+31655222555',
    birthdate: '1981-07-21',
    balanceRows: ['Points 5'],
    rewardNames: ['€15 voucher for 450 points', 'Tote bag for 2000 points', 'Coffee card: every 10th coffee free'],
    firstReward: { id: 'campaign:2013', name: '€15 voucher for 450 points', cost: 450, available: 0, progress: 5, currencyName: 'Points' },
    firstBar: ['5', '0', '450', '5 of 450 Points'],
    tierName: null,
    historyRows: 1,
    historyDetails: /^Welcome bonus · \+5 pts$/,
    memberCard: '3935 159',
  },
  rich: {
    balanceText: 'Points 1,240',
    rewardCount: 7,
    bar: { name: 'Tote bag for 2000 points', now: '1240', max: '2000', text: '1,240 of 2,000 Points', width: /^62/ },
    closer: ['Coffee card: every 10th coffee free', 'Tote bag for 2000 points'],
    available: ['€15 voucher for 450 points', 'Tote bag for 2000 points'],
    nextTier: 'the next level',
    spent: /-450 pts/,
  },
  signInBody: (email) => ({ username: email, password: '***' }),
  phoneOnWire: '+1 555 555 0199',
  rejection: {
    field: 'phone',
    value: '+31 6 1234 5678',
    message: 'Invalid phone_number: must be in international format, such as +31612345678',
    shown: 'Enter the phone number in international format, starting with + and the country code, like +31 6 12345678.',
    fault: `status=500;message=${encodeURIComponent('Invalid phone_number: must be in international format, such as +31612345678')}`,
  },
  consent: { checked: 'Email only', afterUp: 'Do not contact me', body: { mailing_list_subscribed: 'false' } },
  readonlyRows: ['First name: Josephine', 'Birthdate: July 21, 1981', 'Language: Not set', 'How may we contact you?: Email only'],
};

export const BACKENDS: readonly BackendFixture[] = [SPOONITY_FIXTURE, SPAAZA_FIXTURE];

/** Signs `email` in and hands the session its credentials, as a merchant's own login would. */
export async function signInto(root: LoyaltySession, b: BackendFixture, email: string): Promise<Credentials> {
  const credentials = await b.signIn(email);
  root.userId = credentials.userId ?? '';
  root.sessionKey = credentials.sessionKey;
  return credentials;
}
