/**
 * Seeing everything a page shows, through shadow roots: the text (and optionally attribute values)
 * under a node, and every DOM mutation in the light DOM and in every shadow root from the moment
 * it is created (for the hardening suites: hostile data, session races).
 */

type Listener = (records: MutationRecord[]) => void;
const listeners = new Set<Listener>();

// installed when this module loads (import it before the elements under test are created):
// `attachShadow` is patched so that every shadow root is observed from the moment it exists
const observer = new MutationObserver((records) => listeners.forEach((l) => l(records)));
const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  observe(root);
  return root;
};
observe(document.body);

/**
 * Calls `listener` with every batch of mutations (child lists, attributes, text) in the document
 * and in every shadow root attached since this module loaded. Returns the function that stops it.
 */
export function observeDeep(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text under `root` through shadow roots, with the values of inputs (and, if asked, every attribute value). */
export function deepText(root: Node, { attributes = false } = {}): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      else if (child instanceof Element) {
        if (attributes) for (const a of child.attributes) parts.push(a.value);
        if (child instanceof HTMLInputElement || child instanceof HTMLTextAreaElement) parts.push(child.value);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    }
  };
  walk(root);
  return parts.join('\n');
}
