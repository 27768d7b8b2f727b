import type { PropertyDeclaration, ReactiveElement } from 'lit';

/** Each element's property defaults: the value a property declared `useDefault: true` was initialized with. */
const defaults = new WeakMap<ReactiveElement, Map<PropertyKey, unknown>>();

/** The property being put back to its default, and the value it had before the `null`. */
let restoring: { el: ReactiveElement; name: PropertyKey; oldValue: unknown } | undefined;

/**
 * Makes `null` and `undefined` mean "the default" for every property declared with
 * `useDefault: true` (a property with an initializer): Lit itself restores the default only when
 * the attribute is removed; a framework passing `undefined`, or a script setting `null`, gets the
 * same. Call it first in `requestUpdate`, with that call's arguments:
 * - the first call for a property (its initializer) records the default;
 * - a later `null`/`undefined` sets the default instead, and the call then returns
 *   `{ handled: true }` (the caller stops: the reset made its own, correct, update request);
 * - otherwise it returns the old value to pass on (during a reset, the value before the `null`).
 */
export function nullMeansDefault(
  el: ReactiveElement,
  name: PropertyKey | undefined,
  oldValue: unknown,
  options: PropertyDeclaration | undefined,
): { handled: boolean; oldValue: unknown } {
  if (name === undefined) return { handled: false, oldValue };
  if (restoring?.el === el && restoring.name === name) return { handled: false, oldValue: restoring.oldValue };
  const declared = options ?? (el.constructor as typeof ReactiveElement).getPropertyOptions(name);
  if (!declared.useDefault) return { handled: false, oldValue };
  const props = el as unknown as Record<PropertyKey, unknown>;
  const value = props[name];
  let known = defaults.get(el);
  if (!known) defaults.set(el, (known = new Map<PropertyKey, unknown>()));
  if (!known.has(name)) {
    known.set(name, value);
    return { handled: false, oldValue };
  }
  const fallback = known.get(name);
  if (value !== null && value !== undefined) return { handled: false, oldValue };
  if (fallback === null || fallback === undefined) return { handled: false, oldValue };
  restoring = { el, name, oldValue };
  try {
    props[name] = fallback;
  } finally {
    restoring = undefined;
  }
  return { handled: true, oldValue };
}
