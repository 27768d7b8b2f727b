/**
 * For the forced-colors and print suites: every element in one signed-in session, and colour
 * helpers that read what the user sees (computed colours, resolved through shadow roots).
 */
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { signInto, type BackendFixture } from '../helpers/backends.js';
import { until } from '../helpers/sandbox.js';

/** Every element, with a piece that shows once its data is there. */
export const READY: Record<string, string> = {
  'loyalty-balance': 'amount',
  'reward-progress': 'reward',
  'transaction-history': 'row',
  'checkin-code': 'token',
  'card-wallet': 'card',
  'loyalty-sign-in': 'sign-out',
  'profile-form': 'label',
  'account-deletion': 'delete',
};
export const TAGS = Object.keys(READY);

export interface Mounted {
  page: HTMLElement;
  session: LoyaltySession;
  get(tag: string): HTMLElement;
}

/** Every element in one session, signed in as `member`, once each shows its data. */
export async function mountAll(b: BackendFixture, member: string, opts: { theme?: string; historyLimit?: number } = {}): Promise<Mounted> {
  const page = await fixture<HTMLElement>(html`<div>
    <loyalty-session theme=${opts.theme ?? nothing} backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId}
      app-hostname=${b.appHostname} locale="en-CA" retries="0">
      <loyalty-balance></loyalty-balance>
      <reward-progress limit="3"></reward-progress>
      <transaction-history currency="CAD" limit=${opts.historyLimit ?? 0}></transaction-history>
      <checkin-code></checkin-code>
      <card-wallet></card-wallet>
      <loyalty-sign-in></loyalty-sign-in>
      <profile-form></profile-form>
      <account-deletion></account-deletion>
    </loyalty-session>
  </div>`);
  const session = page.querySelector('loyalty-session') as LoyaltySession;
  await signInto(session, b, member);
  const get = (tag: string) => session.querySelector<HTMLElement>(tag)!;
  await until(
    () =>
      TAGS.every((tag) => {
        const root = get(tag).shadowRoot;
        return root?.querySelector(`[part~="${READY[tag]}"]`) && !root.querySelector('[aria-busy="true"]');
      }),
    8000,
  );
  return { page, session, get };
}

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Laid out (takes a box): not `display: none`, itself or an ancestor. */
export const displayed = (el: Element) => el.getClientRects().length > 0;

/** `forced-colors: active` on or off (Chromium, through the DevTools Protocol); `false` where it cannot be emulated. */
export async function emulateForcedColors(active: boolean): Promise<boolean> {
  const { emulated } = await executeServerCommand<{ emulated: boolean }, { active: boolean }>('emulate-forced-colors', { active });
  return emulated;
}

type RGBA = [number, number, number, number];

/** `rgb(…)` / `rgba(…)` → [r, g, b, a]. */
export function rgba(color: string): RGBA {
  const n = color.match(/[\d.]+/g)?.map(Number) ?? [];
  return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1];
}

/** The parent in the flat tree: through a shadow root to its host. */
const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/** The first opaque-enough background at or above `el` (the page's white when there is none). */
export function backdrop(el: Element | null): RGBA {
  for (let e = el; e; e = parentOf(e)) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0.1) return c;
  }
  return [255, 255, 255, 1];
}

/** Two colours a user can tell apart (not the same, not transparent). */
export function distinct(a: RGBA, b: RGBA): boolean {
  if (a[3] < 0.1) return false;
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 60;
}

/**
 * The outline a user sees around a control: the widest border side that is drawn and whose colour
 * stands out against what is behind the control, or `undefined`.
 */
export function visibleBorder(el: HTMLElement): { width: number; color: string } | undefined {
  const s = getComputedStyle(el);
  const behind = backdrop(parentOf(el));
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
    const color = s.getPropertyValue(`border-${side.toLowerCase()}-color`);
    if (width > 0 && style !== 'none' && style !== 'hidden' && distinct(rgba(color), behind)) return { width, color };
  }
  return undefined;
}
