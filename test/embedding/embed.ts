/**
 * Mounting every element inside a merchant's page: one `<loyalty-session>` signed in on a backend,
 * each element wrapped as the page wants it (plain, in a sidebar, in a shrink-to-fit dropdown),
 * and the page's own stylesheet. Shared by the suites of test/embedding/.
 */
import { fixtureCleanup } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { signInto, type BackendFixture } from '../helpers/backends.js';
import { until } from '../helpers/sandbox.js';

/** Every element, with a piece that shows once its data is there, and its markup. */
export const ELEMENTS: Record<string, { ready: string; markup: string }> = {
  'loyalty-balance': { ready: 'amount', markup: '<loyalty-balance></loyalty-balance>' },
  'reward-progress': { ready: 'reward', markup: '<reward-progress limit="3"></reward-progress>' },
  'transaction-history': { ready: 'row', markup: '<transaction-history currency="CAD" limit="5"></transaction-history>' },
  'checkin-code': { ready: 'token', markup: '<checkin-code></checkin-code>' },
  'card-wallet': { ready: 'card', markup: '<card-wallet></card-wallet>' },
  'loyalty-sign-in': { ready: 'sign-out', markup: '<loyalty-sign-in></loyalty-sign-in>' },
  'profile-form': { ready: 'label', markup: '<profile-form></profile-form>' },
  'account-deletion': { ready: 'delete', markup: '<account-deletion></account-deletion>' },
};
export const TAGS = Object.keys(ELEMENTS);

/** Adds a page stylesheet (removed by `removePageStyles`). */
const sheets: HTMLStyleElement[] = [];
export function addPageStyle(css: string): HTMLStyleElement {
  const sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
  sheets.push(sheet);
  return sheet;
}
export function removePageStyles(): void {
  for (const s of sheets.splice(0)) s.remove();
}

export interface Mounted {
  page: HTMLElement;
  session: LoyaltySession;
  get(tag: string): HTMLElement;
}

/**
 * Every element in one session, signed in as `member`, once each shows its data. `wrap` turns an
 * element's markup into what the page puts around it (static markup of the test, never API text).
 */
export async function mountEvery(
  b: BackendFixture,
  member: string,
  opts: { wrap?: (markup: string, tag: string) => string; tags?: string[]; pageStyle?: string; sessionAttrs?: string } = {},
): Promise<Mounted> {
  const wrap = opts.wrap ?? ((m: string) => m);
  const tags = opts.tags ?? TAGS;
  const page = document.createElement('div');
  page.className = 'embed-page';
  if (opts.pageStyle) page.setAttribute('style', opts.pageStyle);
  page.innerHTML = `<loyalty-session backend="${b.backend}" api-base="${b.apiBase}" vendor-id="${b.vendorId}"
      app-hostname="${b.appHostname}" locale="en-CA" retries="0" ${opts.sessionAttrs ?? ''}>
    ${tags.map((tag) => wrap(ELEMENTS[tag].markup, tag)).join('\n')}
  </loyalty-session>`;
  document.body.append(page);
  mounted.push(page);
  const session = page.querySelector('loyalty-session') as LoyaltySession;
  await signInto(session, b, member);
  const get = (tag: string) => session.querySelector<HTMLElement>(tag)!;
  await until(
    () =>
      tags.every((tag) => {
        const root = get(tag).shadowRoot;
        return root?.querySelector(`[part~="${ELEMENTS[tag].ready}"]`) && !root.querySelector('[aria-busy="true"]');
      }),
    8000,
  );
  // fonts and the last layout
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return { page, session, get };
}

const mounted: HTMLElement[] = [];
/** Removes what `mountEvery` mounted and the page styles. */
export function unmountAll(): void {
  for (const p of mounted.splice(0)) p.remove();
  removePageStyles();
  fixtureCleanup();
}

/** Every element of a shadow root, through nested shadow roots. */
export function shadowElements(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return out;
}

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Whether `el` is rendered (has a box) and not inside the kit's visually-hidden text. */
export function shown(el: Element): boolean {
  if (el.closest('.visually-hidden, [hidden], dialog:not([open])')) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}
