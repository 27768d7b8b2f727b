/**
 * A demo page that loads the built CDN bundle (demo/trusted-types*.html, demo/classic-script*.html),
 * opened in an iframe as a merchant's page, with what its own first script (demo/csp.js) records:
 * every Content-Security-Policy violation (`cspViolations`) and uncaught error (`pageErrors`).
 */
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { signInto, type BackendFixture } from '../helpers/backends.js';
import { until } from '../helpers/sandbox.js';

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
export type FramedPage = Window & typeof globalThis & { cspViolations: Violation[]; pageErrors: string[] };

/** The kit's elements on those pages, in each session. */
export const TAGS = [
  'loyalty-sign-in',
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'card-wallet',
  'profile-form',
  'account-deletion',
] as const;

const frames: HTMLIFrameElement[] = [];

/** Opens `url` in a 1200 × 900 iframe and resolves once it has loaded. */
export async function openPage(url: string): Promise<FramedPage> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '900px';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as FramedPage;
}

export const closePages = () => frames.splice(0).forEach((frame) => frame.remove());

export const text = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;

let flushes = 0;

/**
 * Breaks the policy once more, in a way the kit never does (an image from another origin: not a
 * Trusted Types sink, so it works on those pages too), and waits until that violation is recorded:
 * violation events are dispatched in order, so every earlier one is recorded by then. Returns the others.
 */
export async function violations(page: FramedPage): Promise<Violation[]> {
  const isProbe = (v: Violation) => v.blocked.startsWith('https://csp-probe.invalid');
  const probes = page.cspViolations.filter(isProbe).length;
  const image = page.document.createElement('img');
  image.alt = '';
  image.src = `https://csp-probe.invalid/flush-${++flushes}.png`;
  page.document.body.append(image);
  await until(() => page.cspViolations.filter(isProbe).length > probes);
  image.remove();
  return page.cspViolations.filter((v) => !isProbe(v));
}

/** Signs the backend's seed member into the page's session of that name (`id`), as the merchant's login would. */
export async function signInSeed(page: FramedPage, b: BackendFixture): Promise<Element> {
  await until(() => page.customElements.get('loyalty-session'));
  const session = page.document.getElementById(b.name)!;
  await signInto(session as LoyaltySession, b, b.members.seed);
  return session;
}

/** Waits until every element of the session shows the seed member's data. */
export async function everyElementShowsData(session: Element, b: BackendFixture): Promise<void> {
  const el = (tag: string) => session.querySelector(tag)!;
  const last4 = b.seed.memberCard.replace(/\s/g, '').slice(-4);
  await until(() => text(el('loyalty-sign-in')).includes(b.seed.name));
  await until(() => text(el('loyalty-balance')).includes(b.seed.balanceRows[0].split(' ').at(-1)!));
  await until(() => text(el('reward-progress')).includes(b.seed.rewardNames[0]));
  await until(() => el('transaction-history').shadowRoot!.querySelectorAll('[part~=row]').length === b.seed.historyRows);
  await until(() => $(el('checkin-code'), 'svg[role=img]'));
  await until(() => text(el('card-wallet')).includes(last4));
  await until(() => $<HTMLInputElement>(el('profile-form'), '[name=first-name]')?.value === b.seed.firstName);
  await until(() => text(el('account-deletion')).includes('Delete my account'));
}
