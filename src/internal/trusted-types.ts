/**
 * Trusted Types. Lit parses each template once with `innerHTML`, through a Trusted Types policy
 * it creates when it loads: `trustedTypes.createPolicy('lit-html', …)`. A page whose
 * Content-Security-Policy has a `trusted-types` allowlist must name `lit-html`, and allow
 * duplicates when it runs its own Lit as well (two copies of Lit, two policies of that name):
 *
 *   require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'
 *
 * When the page refuses the policy, `createPolicy` throws, and a throw while Lit loads would stop
 * the whole kit: every element blank, nothing said. So, while Lit loads, the kit stands in front
 * of `createPolicy` for that one name: a refusal is recorded and Lit gets a pass-through policy.
 * Where the page also requires Trusted Types (`require-trusted-types-for 'script'`, probed once),
 * the elements then render a message naming the directive to add, with DOM calls and
 * `textContent` only (no HTML parsing), instead of their templates. Where it does not, Lit works
 * with plain strings as it would without Trusted Types.
 */

import { msg, str } from '@lit/localize';

/** What an element shows when Trusted Types keep it from rendering (at render time: the page's language). */
export const trustedTypesMessage = (): string =>
  msg(
    str`This page’s Content-Security-Policy stops these loyalty elements from rendering. Add ${"lit-html 'allow-duplicates'"} to its ${'trusted-types'} directive.`,
    {
      desc: 'Shown to a merchant whose page blocks the kit. The placeholders are code: "lit-html \'allow-duplicates\'" and "trusted-types".',
    },
  );

interface TrustedTypesPolicyLike {
  createHTML(input: string): unknown;
}
interface TrustedTypesFactoryLike {
  createPolicy(name: string, rules: { createHTML?: (input: string) => string }, ...rest: unknown[]): TrustedTypesPolicyLike;
}
interface TrustedTypesState {
  /** The page refused the `lit-html` policy of a copy of Lit loaded under the guard. */
  refused?: boolean;
  /** Whether the page requires Trusted Types for HTML sinks (probed once, after a refusal). */
  enforced?: boolean;
  /** Undoes the guard. */
  release?: () => void;
}

// one record per page, shared by every copy of the kit (the CDN file, an npm copy, …)
const KEY = Symbol.for('loyalty-elements.trusted-types');
const state = (): TrustedTypesState => {
  const g = globalThis as unknown as Record<symbol, TrustedTypesState | undefined>;
  return (g[KEY] ??= {});
};

const factory = () => (globalThis as unknown as { trustedTypes?: TrustedTypesFactoryLike }).trustedTypes;

/**
 * Stands in front of `trustedTypes.createPolicy` for the name `lit-html` until Lit has asked for
 * it once (or `releaseLitPolicyGuard()` runs): must run before Lit's module is evaluated. Other
 * names, and the page's own calls after that, go straight to the browser.
 */
export function guardLitPolicy(): void {
  const tt = factory();
  const s = state();
  if (!tt || s.release || typeof tt.createPolicy !== 'function') return;
  const own = Object.prototype.hasOwnProperty.call(tt, 'createPolicy');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as is, and only ever called with .call(this, …)
  const original = tt.createPolicy;
  const release = () => {
    if (s.release !== release) return;
    s.release = undefined;
    if (own) tt.createPolicy = original;
    else delete (tt as Partial<TrustedTypesFactoryLike>).createPolicy;
  };
  s.release = release;
  tt.createPolicy = function (this: TrustedTypesFactoryLike, name, rules, ...rest) {
    if (name !== 'lit-html') return original.call(this, name, rules, ...rest);
    release();
    try {
      return original.call(this, name, rules, ...rest);
    } catch {
      // refused (not in the allowlist, or a duplicate): the browser has reported the violation
      s.refused = true;
      return { createHTML: (input: string) => input };
    }
  };
}

/** Ends the guard if Lit never asked (it was loaded before, say by the page). */
export function releaseLitPolicyGuard(): void {
  state().release?.();
}

/**
 * True when Lit cannot parse templates on this page: its policy was refused and the page requires
 * Trusted Types for HTML. The requirement is probed once, with an empty string into a detached
 * template (one `require-trusted-types-for` report, only on a page that refused the policy).
 */
export function litBlockedByTrustedTypes(): boolean {
  const s = state();
  if (!s.refused || typeof document === 'undefined') return false;
  if (s.enforced === undefined) {
    try {
      document.createElement('template').innerHTML = '';
      s.enforced = false;
    } catch {
      s.enforced = true;
    }
  }
  return s.enforced;
}

/**
 * Renders `message` into `root` as an error (the element's frame, `part="state error"`, an
 * alert), built with DOM calls and `textContent`: no HTML is parsed. Once per root; a second call
 * updates the text (a new page language).
 */
export function showTrustedTypesError(root: HTMLElement | DocumentFragment, message: string): void {
  let text = root.querySelector<HTMLElement>('[data-trusted-types-error] [part~=error-message]');
  if (!text) {
    const doc = root.ownerDocument;
    const base = doc.createElement('div');
    base.setAttribute('part', 'base');
    base.className = 'base';
    base.dataset.trustedTypesError = '';
    const state = doc.createElement('div');
    state.setAttribute('part', 'state error');
    state.className = 'state error';
    state.setAttribute('role', 'alert');
    text = doc.createElement('p');
    text.setAttribute('part', 'error-message');
    state.append(text);
    base.append(state);
    root.append(base);
  }
  if (text.textContent !== message) text.textContent = message;
}
