import { ContextRoot } from '@lit/context';
import { VERSION } from './version.js';

interface KitRegistry {
  version: string;
  warned?: boolean;
  contextRoot?: boolean;
}

const GLOBAL_KEY = Symbol.for('loyalty-elements');
const registry = (): KitRegistry => {
  const g = globalThis as unknown as Record<symbol, KitRegistry | undefined>;
  return (g[GLOBAL_KEY] ??= { version: VERSION });
};

/**
 * Lets a provider that upgrades after its children still reach them: unanswered context
 * requests are kept at the document root and replayed when a provider appears. Once per page,
 * whichever copy of the kit loads first.
 */
export function ensureContextRoot(): void {
  const reg = registry();
  if (reg.contextRoot || typeof document === 'undefined') return;
  reg.contextRoot = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Registers a tag once. Loading the kit twice (two script tags, CDN + npm) never throws; a
 * different version already on the page gets one console warning naming both versions.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  ensureContextRoot();
  const reg = registry();
  if (reg.version !== VERSION && !reg.warned) {
    reg.warned = true;
    console.warn(
      `loyalty-elements ${VERSION} was loaded on a page that already has loyalty-elements ${reg.version}; the elements of ${reg.version} stay in use.`,
    );
  }
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
