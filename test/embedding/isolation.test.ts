/**
 * Isolation: a merchant page's own CSS does not reach inside the elements. The page below sets
 * every inherited text property a theme might put on `body`, `* { box-sizing: content-box }`, a
 * Tailwind-like preflight, the 62.5 % root font size (with `body { font-size: 1.6rem }`) and
 * custom properties with generic names. Every element, on both backends, must compute the same
 * styles inside its shadow root as on a plain page, keep its frame, keep its inputs inside its
 * border, and keep 24-px targets and readable text.
 */
import { expect } from '@open-wc/testing';
import { BACKENDS } from '../helpers/backends.js';
import { resetSandbox } from '../helpers/sandbox.js';
import { TAGS, addPageStyle, mountEvery, part, removePageStyles, shadowElements, shown, unmountAll } from './embed.js';

/** A hostile theme: what WordPress, Bootstrap and Tailwind pages put on body and on every node. */
export const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  body {
    font-size: 1.6rem;
    text-transform: uppercase;
    letter-spacing: 5px;
    word-spacing: 9px;
    font-style: italic;
    font-weight: 300;
    font-variant: small-caps;
    text-align: center;
    text-indent: 50px;
    text-shadow: 2px 2px 2px rgb(255, 0, 0);
    white-space: nowrap;
    cursor: wait;
    line-height: 3;
    word-break: break-all;
    hyphens: auto;
    -webkit-text-fill-color: rgb(0, 128, 0);
    --w: 1px;
    --_text: rgb(255, 0, 0);
    --_loyalty-bone-width: 1px;
  }
  * { box-sizing: content-box; }
  *, ::before, ::after { margin: 0; padding: 0; border: 0 solid; }
`;

/** What is compared, node by node, between the plain page and the hostile one. */
const PROPS = [
  'textTransform',
  'letterSpacing',
  'wordSpacing',
  'fontStyle',
  'fontWeight',
  'fontVariantCaps',
  'fontSize',
  'lineHeight',
  'textAlign',
  'textIndent',
  'textShadow',
  'whiteSpace',
  'wordBreak',
  'hyphens',
  'cursor',
  'boxSizing',
  'color',
  'webkitTextFillColor',
  'paddingTop',
  'paddingInlineStart',
  'borderTopWidth',
  'rowGap',
  'columnGap',
] as const;

type Snapshot = Map<Element, Record<string, string>>;

function snapshot(hosts: Element[]): Snapshot {
  const out: Snapshot = new Map();
  for (const host of hosts) {
    for (const el of [host, ...shadowElements(host)]) {
      const s = getComputedStyle(el);
      const values: Record<string, string> = {};
      for (const p of PROPS) values[p] = String(s[p as keyof CSSStyleDeclaration] ?? '');
      values['--_loyalty-bone-width'] = s.getPropertyValue('--_loyalty-bone-width').trim();
      out.set(el, values);
    }
  }
  return out;
}

const describeNode = (el: Element) => {
  const host = (el.getRootNode() as ShadowRoot).host;
  return `<${host?.localName ?? el.localName}> ${el.localName}${el.getAttribute('part') ? `[part="${el.getAttribute('part')}"]` : el.className ? `.${el.className}` : ''}`;
};

for (const b of BACKENDS) {
  describe(`isolation from the page's CSS · ${b.name}`, () => {
    beforeEach(resetSandbox);
    afterEach(unmountAll);

    it('every node inside every element computes the same text and box styles on a hostile page as on a plain one', async () => {
      const { get } = await mountEvery(b, b.members.rich);
      const hosts = TAGS.map(get);
      const plain = snapshot(hosts);
      addPageStyle(HOSTILE_CSS);
      const hostile = snapshot(hosts);
      const differences: string[] = [];
      for (const [el, values] of plain) {
        if ((hosts as Element[]).includes(el)) continue; // the host itself is the page's to style
        const now = hostile.get(el);
        if (!now) continue;
        for (const [p, v] of Object.entries(values)) if (now[p] !== v) differences.push(`${describeNode(el)} ${p}: ${v} → ${now[p]}`);
      }
      expect(differences.slice(0, 25), `${differences.length} differences`).to.deep.equal([]);
    }).timeout(30_000);

    it('on the hostile page: the frame is intact, inputs stay inside the border, targets ≥ 24 px and text ≥ 14 px', async () => {
      addPageStyle(HOSTILE_CSS);
      const { get } = await mountEvery(b, b.members.rich);
      for (const tag of TAGS) {
        const el = get(tag);
        const base = part(el, 'base')!;
        const s = getComputedStyle(base);
        expect(s.borderTopWidth, `${tag} frame border`).to.equal('1px');
        expect(s.paddingTop, `${tag} frame padding`).to.equal('16px');
        expect(s.borderTopLeftRadius, `${tag} frame radius`).to.equal('12px');
        expect(getComputedStyle(el).fontSize, `${tag} base size`).to.equal('16px');
        const frame = base.getBoundingClientRect();
        for (const node of shadowElements(el)) {
          if (!shown(node)) continue;
          const r = node.getBoundingClientRect();
          if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement) {
            if (node.type === 'radio' || node.type === 'checkbox') continue;
            expect(r.right, `${tag} ${describeNode(node)} right edge`).to.be.at.most(frame.right - 1 + 0.5);
            expect(r.left, `${tag} ${describeNode(node)} left edge`).to.be.at.least(frame.left + 1 - 0.5);
            expect(getComputedStyle(node).boxSizing, `${tag} ${describeNode(node)}`).to.equal('border-box');
          }
          if (node instanceof HTMLButtonElement && !node.closest('li[part~="reward"]')) {
            expect(r.height, `${tag} ${describeNode(node)} height`).to.be.at.least(24);
          }
          if ([...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) {
            expect(parseFloat(getComputedStyle(node).fontSize), `${tag} ${describeNode(node)} font size`).to.be.at.least(14);
          }
        }
      }
    }).timeout(30_000);
  });
}

describe('isolation: the kit’s own stylesheets', () => {
  afterEach(unmountAll);

  it('name only --loyalty-* tokens and --_loyalty-* private properties (a page’s --w or --_text cannot reach in)', async () => {
    addPageStyle(HOSTILE_CSS);
    const { get } = await mountEvery(BACKENDS[0], BACKENDS[0].members.seed);
    const hosts = TAGS.map(get);
    const foreign = new Set<string>();
    for (const el of hosts) {
      const sheets = [...(el.shadowRoot?.adoptedStyleSheets ?? []), ...[...(el.shadowRoot?.querySelectorAll('style') ?? [])].map((s) => s.sheet!)];
      for (const sheet of sheets) {
        const text = [...sheet.cssRules].map((r) => r.cssText).join('\n');
        for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g)) if (!/^--_?loyalty-/.test(m[1])) foreign.add(`${el.localName}: ${m[1]}`);
        for (const m of text.matchAll(/(?:^|[;{\s])(--[\w-]+)\s*:/g)) if (!/^--_?loyalty-/.test(m[1])) foreign.add(`${el.localName}: ${m[1]} declared`);
        if (/\d(\.\d+)?rem\b/.test(text)) foreign.add(`${el.localName}: rem (follows the page's root size, not the element's)`);
      }
    }
    expect([...foreign]).to.deep.equal([]);
  }).timeout(20_000);

  it('<loyalty-session hidden> hides the elements inside', async () => {
    const { session, get } = await mountEvery(BACKENDS[0], BACKENDS[0].members.seed, { tags: ['loyalty-balance'] });
    expect(get('loyalty-balance').getBoundingClientRect().height).to.be.greaterThan(0);
    session.hidden = true;
    expect(getComputedStyle(session).display).to.equal('none');
    expect(get('loyalty-balance').getBoundingClientRect().height).to.equal(0);
    session.hidden = false;
    expect(get('loyalty-balance').getBoundingClientRect().height).to.be.greaterThan(0);
    removePageStyles();
  }).timeout(20_000);
});
