import { ContextRoot } from '@lit/context';
import { VERSION } from './version.js';

interface KitRegistry {
  version: string;
  warned?: boolean;
  contextRoot?: boolean;
  /** The tags a copy of the kit registered (any version): a tag defined but not here is someone else's. */
  tags?: Set<string>;
  /** The taken tags already warned about. */
  collisions?: Set<string>;
}

/** The class `loyalty-elements/classes` exports for a tag (`profile-form` → `ProfileForm`). */
const exportName = (tag: string) =>
  tag === 'checkin-code' ? 'CheckinCodeElement' : tag.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

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
 *
 * A tag the page already defines with a class of its own (`profile-form` is a generic name) is
 * left to it, with one console warning naming the tag and how to register the kit's element
 * under another name:
 * `import { ProfileForm } from 'loyalty-elements/classes'; customElements.define('acme-profile-form', ProfileForm);`
 * The renamed element finds its `<loyalty-session>` and works like the original.
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
  const taken = customElements.get(tag);
  if (!taken) {
    customElements.define(tag, ctor);
    (reg.tags ??= new Set()).add(tag);
  } else if (taken !== ctor && !(reg.tags?.has(tag) ?? reg.version !== VERSION) && !(reg.collisions ??= new Set()).has(tag)) {
    // (a copy of another version that keeps no list of tags is taken for the kit)
    reg.collisions.add(tag);
    const name = exportName(tag);
    console.warn(
      `loyalty-elements: <${tag}> is already defined on this page by another script, so the kit's element is not registered under that name. ` +
        `Register it under a name of your own: import { ${name} } from 'loyalty-elements/classes'; customElements.define('acme-${tag}', ${name});`,
    );
  }
}
