import { expect } from '@open-wc/testing';
import { resetSandbox, until } from '../helpers/sandbox.js';

/**
 * dist/cdn/autoloader.js (built by `npm test` before the browser suite) in pages of its own, as
 * a merchant uses it: test/frameworks/html/index.html (the README's plain-HTML snippet) and pages
 * that also load the all-in-one bundle.
 */
type Page = Window & typeof globalThis & { problems: string[] };

const frames: HTMLIFrameElement[] = [];

/** Opens a page (a URL, or the HTML of a page on this origin) in an iframe and waits for its load event. */
async function open(page: { src: string } | { srcdoc: string }): Promise<Page> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  Object.assign(frame, page);
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Page;
}

/** The element chunks the page has fetched: `['loyalty-balance', …]`. */
function chunks(page: Page): string[] {
  const prefix = '/dist/cdn/elements/';
  return page.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length, -'.js'.length))
    .sort();
}

const shadowText = (el: Element | null | undefined) => el?.shadowRoot?.textContent ?? '';

/** A page's head: collects its errors and warnings in `window.problems`. */
const WATCH = `<script>
  window.problems = [];
  addEventListener('error', (e) => problems.push('uncaught: ' + e.message));
  for (const level of ['error', 'warn']) {
    const log = console[level];
    console[level] = (...args) => (problems.push('console.' + level + ': ' + args.join(' ')), log.apply(console, args));
  }
</script>`;

/** Absolute: the kit resolves a relative `api-base` against `location`, which in a srcdoc page is `about:srcdoc`. */
const API_BASE = `${location.origin}/sandbox/spoonity`;

const SIGN_IN = `
  const res = await fetch('/sandbox/spoonity/user/authenticate', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email_address: 'seed@example.com', password: 'Password1', vendor: 1234 }),
  });
  document.getElementById('member').sessionKey = (await res.json()).session_identifier;`;

describe('CDN autoloader', () => {
  before(resetSandbox);
  after(() => frames.forEach((frame) => frame.remove()));

  describe('in the plain-HTML page', () => {
    let page: Page;
    before(async () => {
      page = await open({ src: '/test/frameworks/html/index.html?member=seed@example.com' });
    });
    afterEach(() => expect(page.problems).to.deep.equal([]));

    it('defines the tags that are on the page, fetching only their chunks', async () => {
      const doc = page.document;
      await until(() => shadowText(doc.querySelector('loyalty-balance')).includes('$15.00'));
      await until(() => shadowText(doc.querySelector('reward-progress')).includes('Free Item'));
      expect(chunks(page)).to.deep.equal(['loyalty-balance', 'loyalty-session', 'reward-progress']);
      expect(page.customElements.get('card-wallet')).to.equal(undefined);
    });

    it('defines a tag added later', async () => {
      const history = page.document.createElement('transaction-history');
      history.setAttribute('session', 'member');
      history.setAttribute('limit', '2');
      page.document.body.append(history);
      await until(() => page.customElements.get('transaction-history'));
      await until(() => history.shadowRoot?.querySelector('[part~="row"]'));
      expect(chunks(page)).to.include('transaction-history');
    });

    it('defines tags inside open shadow roots: there when the host is added, and added later', async () => {
      const host = page.document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<card-wallet></card-wallet>';
      page.document.body.append(host);
      await until(() => page.customElements.get('card-wallet'));
      expect(root.querySelector('card-wallet')!.shadowRoot).to.exist;
      root.append(page.document.createElement('loyalty-sign-in'));
      await until(() => page.customElements.get('loyalty-sign-in'));
      expect(root.querySelector('loyalty-sign-in')!.shadowRoot).to.exist;
    });

    it('fetches nothing for the tags the page never uses', () => {
      expect(chunks(page)).to.deep.equal(['card-wallet', 'loyalty-balance', 'loyalty-session', 'loyalty-sign-in', 'reward-progress', 'transaction-history']);
      for (const tag of ['checkin-code', 'profile-form', 'account-deletion']) expect(page.customElements.get(tag), tag).to.equal(undefined);
    });
  });

  it('leaves alone the tags the all-in-one bundle defined before it', async () => {
    const page = await open({
      srcdoc: `${WATCH}
        <script type="module" src="/dist/cdn/loyalty-elements.js"></script>
        <script type="module" src="/dist/cdn/autoloader.js"></script>
        <loyalty-session id="member" api-base="${API_BASE}" vendor-id="1234"><loyalty-balance></loyalty-balance></loyalty-session>
        <script type="module">${SIGN_IN}</script>`,
    });
    await until(() => shadowText(page.document.querySelector('loyalty-balance')).includes('$15.00'));
    expect(chunks(page)).to.deep.equal([]);
    expect(page.problems).to.deep.equal([]);
  });

  it('works beside the all-in-one bundle loaded after it: elements of both copies share the session', async () => {
    const page = await open({
      srcdoc: `${WATCH}
        <script type="module" src="/dist/cdn/autoloader.js"></script>
        <loyalty-session id="member" api-base="${API_BASE}" vendor-id="1234"><loyalty-balance></loyalty-balance></loyalty-session>
        <script type="module">${SIGN_IN}</script>`,
    });
    const doc = page.document;
    await until(() => shadowText(doc.querySelector('loyalty-balance')).includes('$15.00'));
    expect(chunks(page)).to.deep.equal(['loyalty-balance', 'loyalty-session']);
    // the bundle now defines every other tag (the two defined already are left as they are)
    const bundle = doc.createElement('script');
    bundle.type = 'module';
    bundle.src = '/dist/cdn/loyalty-elements.js';
    doc.head.append(bundle);
    await until(() => page.customElements.get('card-wallet'));
    const wallet = doc.createElement('card-wallet');
    doc.querySelector('loyalty-session')!.append(wallet); // the bundle's element in the autoloader's session
    await until(() => shadowText(wallet).includes('5493'));
    expect(chunks(page)).to.deep.equal(['loyalty-balance', 'loyalty-session']);
    expect(page.problems).to.deep.equal([]);
  });
});
