/** Dispatches a `CustomEvent` that bubbles and crosses shadow roots (every `loyalty-*` event). */
export function emit<T>(target: EventTarget, name: string, detail?: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, ...options }));
}
