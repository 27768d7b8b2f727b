/// <reference types="vite/client" />
/**
 * `dist/cdn/autoloader.js`: one small script that defines each element of the kit the moment its
 * tag appears in the page, loading only that element (and the Lit and kit code it shares with the
 * others, once) from `dist/cdn/elements/<tag>.js` beside it:
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/loyalty-elements/dist/cdn/autoloader.js"></script>
 * ```
 *
 * It looks at the page once it has been parsed, then watches it for tags added later, including
 * inside the open shadow roots of other components that it can see (those present when their host
 * is added). Tags that are already defined — by `dist/cdn/loyalty-elements.js`, an npm copy, or
 * a copy of this — are left alone. Nothing of Lit or of the elements is in this file.
 */

// `./elements/loyalty-balance/define.ts` → `() => import('./elements/loyalty-balance.js')`: Vite
// turns each into a chunk of its own (named in vite.config.ts, mode `autoload`).
const modules = import.meta.glob(['./session/define.ts', './elements/*/define.ts']);
const loaders = new Map(Object.entries(modules).map(([path, load]) => [path === './session/define.ts' ? 'loyalty-session' : path.split('/')[2], load]));

const requested = new Set<string>();
const watched = new WeakSet<Node>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loaders.get(tag)!().catch((error: unknown) => {
    requested.delete(tag); // a later appearance of the tag tries again
    console.error(`loyalty-elements: could not load <${tag}>`, error);
  });
  if (requested.size === loaders.size) observer.disconnect(); // every element is on its way
}

/** Loads the kit's tags under `root` (itself included) and watches the open shadow roots there. */
function scan(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const { localName, shadowRoot } = node as Element;
    if (loaders.has(localName)) load(localName);
    else if (shadowRoot) discover(shadowRoot); // the kit's own shadow roots hold none of its tags
  }
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node);
});

/**
 * Looks for the kit's tags in `root` now and whenever nodes are added to it. The document is
 * watched already; call it for an open shadow root that was attached after its host was added
 * (`import { discover } from '…/autoloader.js'`).
 */
export function discover(root: Document | ShadowRoot | Element): void {
  if (requested.size === loaders.size) return;
  if (!watched.has(root)) {
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  scan(root);
}

discover(document);
