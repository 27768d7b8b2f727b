/**
 * The name of every event the kit fires: the `loyalty-*` keys of `HTMLElementEventMap`. Each is
 * declared there (with its `detail`) next to the code that fires it.
 */
export type LoyaltyEventName = {
  [K in keyof HTMLElementEventMap]: K extends `loyalty-${string}` ? K : never;
}[keyof HTMLElementEventMap];

/** The `detail` of the kit's event `K`, as its `HTMLElementEventMap` declaration says. */
export type LoyaltyEventDetail<K extends LoyaltyEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

interface EmitOptions {
  /** The listener may `preventDefault()` (then `emit` returns `false`). */
  cancelable?: boolean;
}

/**
 * `emit`'s arguments after the name: the detail its declaration asks for, which may be left out
 * only when it is `undefined`.
 */
export type EmitArgs<K extends LoyaltyEventName> =
  undefined extends LoyaltyEventDetail<K> ? [detail?: LoyaltyEventDetail<K>, options?: EmitOptions] : [detail: LoyaltyEventDetail<K>, options?: EmitOptions];

/**
 * Dispatches the kit's event `name`, a `CustomEvent` that bubbles and crosses shadow roots. The
 * name and `detail` are checked against `HTMLElementEventMap`: a misspelled name, an undeclared
 * event or a wrong payload does not compile. Returns `false` when a listener cancelled it.
 */
export function emit<K extends LoyaltyEventName>(target: EventTarget, name: K, ...[detail, options]: EmitArgs<K>): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, ...options }));
}
