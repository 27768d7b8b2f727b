import { expect } from '@open-wc/testing';
import { VERSION } from '../../src/internal/version.js';
import { MEMBERS, resetSandbox, signIn, until } from '../helpers/sandbox.js';

/**
 * Two copies of the kit on one page, each in a fresh page (an iframe: its own custom-element
 * registry): the npm build (dist/, what `import 'loyalty-elements'` gives a merchant's bundler,
 * built by `npm test` before the browser suite) beside the CDN bundle (dist/cdn/loyalty-elements.js),
 * and two CDN copies — of the same version, and of two versions (the same bundle served as
 * another version by test/helpers/cdn-version-middleware.js). Each page records its errors,
 * warnings and every `customElements.define` call.
 */
type Module = Record<string, unknown>;
type Page = Window &
  typeof globalThis & {
    problems: string[];
    warnings: string[];
    defined: string[];
    copies?: Record<string, Module>;
  };

const NPM = '/dist/index.js';
const CDN = '/dist/cdn/loyalty-elements.js';
/** The same bundle (and its chunks) claiming another version, at a path of its own. */
const cdnAs = (version: string) => `/__cdn-as/${version}/loyalty-elements.js`;
/** Absolute: a srcdoc page's `location` is `about:srcdoc`. */
const API_BASE = `${location.origin}/sandbox/spoonity`;

/** Every tag of the kit with its class name, from custom-elements.json. */
let TAGS: { tag: string; name: string }[] = [];

const frames: HTMLIFrameElement[] = [];

/**
 * A page whose module script imports `modules` in this order, each `[copy, url]`: the exports of
 * a copy's modules gathered in `window.copies[copy]`. Before it, a head script records errors,
 * warnings and every definition. Lit's development build, which the test server resolves `lit`
 * to for the npm copy, warns that it is in dev mode and, beside the CDN copy's Lit, that several
 * Lits are loaded: those two messages are Lit's own (its production build, which a merchant's
 * bundler picks, has neither) and are left out of `warnings`.
 */
async function open(modules: [copy: string, url: string][]): Promise<Page> {
  const imports = modules
    .map(([copy, url], i) => `import * as m${i} from '${url}'; copies[${JSON.stringify(copy)}] = { ...copies[${JSON.stringify(copy)}], ...m${i} };`)
    .join('\n');
  const frame = document.createElement('iframe');
  frames.push(frame);
  frame.srcdoc = `<script>
      window.problems = [];
      window.warnings = [];
      window.defined = [];
      addEventListener('error', (e) => problems.push('uncaught: ' + e.message));
      addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + e.reason));
      const error = console.error;
      console.error = (...args) => (problems.push('console.error: ' + args.join(' ')), error.apply(console, args));
      const warn = console.warn;
      const litDevMode = (message) => ['lit.dev/msg/dev-mode', 'lit.dev/msg/multiple-versions'].some((url) => message.includes(url));
      console.warn = (...args) => (litDevMode(args.join(' ')) || warnings.push(args.join(' ')), warn.apply(console, args));
      const define = customElements.define.bind(customElements);
      customElements.define = (tag, ...rest) => (defined.push(tag), define(tag, ...rest));
    </script>
    <script type="module">
      const copies = {};
      ${imports}
      window.copies = copies;
    </script>`;
  document.body.append(frame);
  const page = frame.contentWindow as Page;
  // the npm build is many small modules, each through the test server
  await until(() => page.copies || page.problems?.length, 15_000);
  expect(page.problems).to.deep.equal([]);
  return page;
}

/** The copy (by name in `page.copies`) whose class each tag is defined with. */
function definedBy(page: Page): Record<string, string> {
  return Object.fromEntries(
    TAGS.map(({ tag, name }) => {
      const ctor = page.customElements.get(tag);
      const owners = Object.entries(page.copies!).filter(([, m]) => ctor && m[name] === ctor);
      return [tag, owners.map(([copy]) => copy).join(' and ') || (ctor ? 'another module' : 'nobody')];
    }),
  );
}

const everyTag = (copy: string) => Object.fromEntries(TAGS.map(({ tag }) => [tag, copy]));
const shadowText = (el: Element | null) => el?.shadowRoot?.textContent ?? '';

/** A session and elements in the page's body; signs the seed member in through the `sessionKey` property. */
async function mountMember(page: Page, outside = '<reward-progress session="member"></reward-progress>') {
  const host = page.document.createElement('div');
  host.innerHTML = `
    <loyalty-session id="member" api-base="${API_BASE}" vendor-id="1234" locale="en-CA">
      <loyalty-balance></loyalty-balance>
      <card-wallet></card-wallet>
    </loyalty-session>
    ${outside}`;
  page.document.body.append(host);
  (page.document.getElementById('member') as HTMLElement & { sessionKey: string }).sessionKey = await signIn(MEMBERS.seed);
  const $ = (tag: string) => page.document.querySelector(tag);
  await until(() => shadowText($('loyalty-balance')).includes('$15.00'));
  await until(() => shadowText($('card-wallet')).includes('5493'));
  await until(() => shadowText($('reward-progress')).includes('Free Item'));
}

describe('two copies of the kit on one page', () => {
  before(async () => {
    await resetSandbox();
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { name: string; tagName?: string }[] }[] };
    TAGS = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [{ tag: d.tagName, name: d.name }] : []));
    expect(TAGS.map((t) => t.tag)).to.include.members(['loyalty-session', 'loyalty-balance', 'card-wallet', 'checkin-code']);
  });
  after(() => frames.forEach((frame) => frame.remove()));

  it('the npm build, then the CDN bundle: no error or warning, each tag defined once, by the npm copy', async () => {
    const page = await open([
      ['npm', NPM],
      ['cdn', CDN],
    ]);
    expect(page.copies!.npm.LoyaltyBalance).not.to.equal(page.copies!.cdn.LoyaltyBalance); // two real copies
    expect(definedBy(page)).to.deep.equal(everyTag('npm'));
    expect([...page.defined].sort()).to.deep.equal(TAGS.map((t) => t.tag).sort());
    await mountMember(page);
    expect(page.problems).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([]);
  });

  it('the CDN bundle, then the npm build: no error or warning, each tag defined once, by the CDN copy', async () => {
    const page = await open([
      ['cdn', CDN],
      ['npm', NPM],
    ]);
    expect(definedBy(page)).to.deep.equal(everyTag('cdn'));
    expect([...page.defined].sort()).to.deep.equal(TAGS.map((t) => t.tag).sort());
    await mountMember(page);
    expect(page.problems).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([]);
  });

  it('elements of the CDN copy find the session of the npm copy, inside it and by id', async () => {
    // a merchant's bundle imports only the session and the balance; a widget brings the CDN bundle for the rest
    const page = await open([
      ['npm', '/dist/session/define.js'],
      ['npm', '/dist/elements/loyalty-balance/define.js'],
      ['cdn', CDN],
      ['npm', '/dist/classes.js'],
    ]);
    const owners = definedBy(page);
    expect([owners['loyalty-session'], owners['loyalty-balance'], owners['card-wallet'], owners['reward-progress']]).to.deep.equal([
      'npm',
      'npm',
      'cdn',
      'cdn',
    ]);
    await mountMember(page);
    expect(page.problems).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([]);
  });

  it('two CDN copies of one version: no error or warning, each tag defined once, by the first', async () => {
    const page = await open([
      ['first', CDN],
      ['second', `${CDN}?copy=2`],
    ]);
    expect(page.copies!.first.LoyaltyBalance).not.to.equal(page.copies!.second.LoyaltyBalance);
    expect(definedBy(page)).to.deep.equal(everyTag('first'));
    expect([...page.defined].sort()).to.deep.equal(TAGS.map((t) => t.tag).sort());
    await mountMember(page);
    expect(page.problems).to.deep.equal([]);
    expect(page.warnings).to.deep.equal([]);
  });

  it('two CDN copies of different versions: one warning naming both, no error, the first copy’s elements in use', async () => {
    const page = await open([
      ['older', cdnAs('0.0.9-older')],
      ['current', CDN],
      ['another', cdnAs('0.0.8-another')],
    ]);
    expect(page.copies!.older.VERSION).to.equal('0.0.9-older');
    expect(page.copies!.current.VERSION).to.equal(VERSION);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings[0]).to.contain(VERSION).and.to.contain('0.0.9-older');
    expect(definedBy(page)).to.deep.equal(everyTag('older'));
    expect([...page.defined].sort()).to.deep.equal(TAGS.map((t) => t.tag).sort());
    await mountMember(page);
    expect(page.problems).to.deep.equal([]);
    expect(page.warnings).to.have.length(1);
  });
});
