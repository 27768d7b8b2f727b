import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { BACKENDS, type BackendFixture } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';

/**
 * The build minifies Lit's templates and drops `msg()`'s `desc` (scripts/minify-templates.js):
 * that must change no byte a member sees. Every element, on both backends, is rendered once from
 * the source (this page) and once from the CDN bundle (dist/cdn/loyalty-elements.js, built by
 * `npm test` before the browser suite, in a same-origin iframe: its own custom-element registry),
 * both signed in with the same credentials in boxes of the same width and font, and compared:
 * the text of each shadow root (whitespace runs counted, not their length: a space the minifier
 * removed, "p.m.· Crème", fails), the text as laid out (`innerText`), and the computed style and
 * size of every element in the shadow tree (a CSS rule the minifier broke fails; custom properties
 * aside, whose computed value keeps the whitespace they are written with).
 */
const CDN = '/dist/cdn/loyalty-elements.js';
const TAGS = [
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'card-wallet',
  'loyalty-sign-in',
  'profile-form',
  'account-deletion',
];
/** The part each element shows once its data is in (as test/elements/theming.test.ts). */
const READY: Record<string, string> = {
  'loyalty-balance': 'amount',
  'reward-progress': 'reward',
  'transaction-history': 'row',
  'checkin-code': 'token',
  'card-wallet': 'card',
  'loyalty-sign-in': 'sign-out',
  'profile-form': 'label',
  'account-deletion': 'delete',
};
const BOX = 'width: 420px; font: 16px/1.4 sans-serif; color: rgb(0, 0, 0); background: rgb(255, 255, 255)';

const frames: HTMLIFrameElement[] = [];

/** A same-origin page of the same width running the CDN bundle. */
async function cdnPage(): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  frame.style.cssText = 'width: 440px; height: 600px; border: 0';
  frame.srcdoc = `<body style="margin: 0"><script type="module" src="${CDN}"></script></body>`;
  document.body.append(frame);
  const page = frame.contentWindow as Window & typeof globalThis;
  await until(() => page.customElements?.get('loyalty-session') && page.customElements.get('profile-form'), 15_000);
  return page;
}

function mount(doc: Document, b: BackendFixture, locale: string): HTMLElement {
  const host = doc.createElement('div');
  host.style.cssText = BOX;
  // absolute: a srcdoc page's location is about:srcdoc
  host.innerHTML = `
    <loyalty-session backend="${b.backend}" api-base="${new URL(b.apiBase, location.href).href}" vendor-id="${b.vendorId}"
      app-hostname="${b.appHostname}" locale="${locale}" retries="0">
      <loyalty-balance></loyalty-balance>
      <reward-progress limit="3"></reward-progress>
      <transaction-history currency="CAD" limit="5"></transaction-history>
      <checkin-code></checkin-code>
      <card-wallet></card-wallet>
      <loyalty-sign-in></loyalty-sign-in>
      <profile-form></profile-form>
      <account-deletion></account-deletion>
    </loyalty-session>`;
  doc.body.append(host);
  return host;
}

const ready = (host: HTMLElement) =>
  TAGS.every((tag) => {
    const root = host.querySelector(tag)?.shadowRoot;
    return root?.querySelector(`[part~="${READY[tag]}"]`) && !root.querySelector('[aria-busy="true"]');
  });

/** Text with each run of whitespace counted as one space (the source's indentation is gone from the build's). */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What differs between two renders of the same data: the check-in code (one per request) and its countdown. */
const steady = (text: string) => text.replace(/\b\d{1,2}:\d\d\b/g, 'm:ss').replace(/\b\d{4}( \d{4}){2}\b/g, 'code');

/** Every element of a shadow tree (its nested shadow roots included), in document order. */
function* descendants(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* descendants(el.shadowRoot);
  }
}

/** What a member sees of one element: text as written, text as laid out, and every node's box and style. */
function seen(el: Element) {
  const root = el.shadowRoot!;
  const view = el.ownerDocument.defaultView!;
  const rect = el.getBoundingClientRect();
  return {
    text: steady(words(root.textContent ?? '')),
    laidOut: steady(
      [...root.children]
        .filter((child): child is HTMLElement => child instanceof view.HTMLElement)
        .map((child) => child.innerText)
        .join('|'),
    ),
    size: `${rect.width}×${rect.height}`,
    nodes: [...descendants(root)].map((node) => {
      const style = view.getComputedStyle(node);
      const box = node.getBoundingClientRect();
      // custom properties compute to their tokens as written (`a, b` or `a,b`): what they resolve to is in the others
      // the offsets of a positioned box depend on where the page put the element, and `d` is the
      // check-in code's QR pattern (one code per request)
      const props = [...style].filter((name) => !name.startsWith('--') && !/^(top|right|bottom|left|inset-.*|d)$/.test(name));
      return `${node.localName}.${node.getAttribute('part') ?? ''} ${box.width}×${box.height} ${props.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';')}`;
    }),
  };
}

describe('the minified build renders what the source renders', () => {
  let page: Window & typeof globalThis;
  before(async () => {
    await resetSandbox();
    page = await cdnPage();
  });
  after(() => frames.forEach((frame) => frame.remove()));

  for (const b of BACKENDS) {
    for (const [member, locale] of [
      ['seed', 'en-CA'],
      ['rich', 'en-CA'],
      ['rich', 'fr-CA'],
    ] as const) {
      it(`${b.name}, the ${member} member in ${locale}: every element's text, layout and styles`, async () => {
        const source = mount(document, b, locale);
        const built = mount(page.document, b, locale);
        try {
          // signed out, in the language asked for (fetched on a page not in English) before the data
          // comes in: a language that lands after the data re-announces it, at a moment of its own
          const signedOut = (host: HTMLElement) => words(host.querySelector('loyalty-sign-in')?.shadowRoot?.textContent ?? '');
          const signIn = locale === 'en-CA' ? 'Sign in' : 'Se connecter';
          await until(() => signedOut(source).includes(signIn) && signedOut(built).includes(signIn), 10_000);
          const credentials = await b.signIn(b.members[member]);
          for (const host of [source, built]) {
            const session = host.querySelector('loyalty-session') as HTMLElement & { sessionKey: string; userId: string };
            session.userId = credentials.userId ?? '';
            session.sessionKey = credentials.sessionKey;
          }
          await until(() => ready(source) && ready(built), 10_000);
          for (const tag of TAGS) {
            const [want, got] = [seen(source.querySelector(tag)!), seen(built.querySelector(tag)!)];
            expect(want.text, `<${tag}> renders its data`).to.have.length.above(2);
            expect(got.text, `<${tag}> text`).to.equal(want.text);
            expect(got.laidOut, `<${tag}> laid-out text`).to.equal(want.laidOut);
            expect(got.size, `<${tag}> size`).to.equal(want.size);
            expect(got.nodes.length, `<${tag}> elements`).to.equal(want.nodes.length);
            got.nodes.forEach((node, i) => {
              const [mine, theirs] = [node.split(';'), want.nodes[i].split(';')];
              expect(
                mine.filter((d, j) => d !== theirs[j]),
                `<${tag}> element ${i} (${theirs[0].split(' ').slice(0, 2).join(' ')}): what differs from ${theirs.filter((d, j) => d !== mine[j]).join(';')}`,
              ).to.deep.equal([]);
            });
          }
        } finally {
          source.remove();
          built.remove();
        }
      }).timeout(30_000);
    }
  }
});
