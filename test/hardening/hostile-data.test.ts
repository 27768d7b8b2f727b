/**
 * Hostile data: every string the API returns for display (names, email, phone, reward and voucher
 * texts, tier, currency and store names, merchant fields, campaign titles) and the error messages
 * it sends are XSS payloads (`POST /__sandbox/hostile`, fault `message=`), for every element and
 * both backends. Nothing executes (the page-level trap `__xss` is never called), no element is
 * injected (a MutationObserver on every shadow root, attached as the root is created, sees only
 * nodes the kit also renders with benign data, none of them script-capable), and the payloads
 * show as literal text. Over-long, RTL, emoji and zalgo text and huge numbers render without
 * overflowing a narrow container and without "NaN", "Infinity" or exponent notation.
 */
import { expect, fixture, html } from '@open-wc/testing';
// first: every shadow root the kit creates is observed from its start
import { deepText, observeDeep } from '../helpers/deep-dom.js';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, type BackendFixture, type Credentials } from '../helpers/backends.js';
import { LAYOUT_STRINGS, XSS_PAYLOADS, installXssTrap, xssCalls } from '../helpers/xss-corpus.js';
import { SANDBOX, armFault, clearFaults, delay, resetSandbox, until } from '../helpers/sandbox.js';

const ELEMENTS = [
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'profile-form',
  'card-wallet',
  'account-deletion',
  'loyalty-sign-in',
];

// --- the watch: installed before any element exists --------------------------------------------

installXssTrap();

/** Where a node sits and what it is: `<host tag or document> > <tag>`. */
const placeOf = (el: Element) => `${(el.getRootNode() as ShadowRoot).host?.localName ?? 'document'} > ${el.localName}`;

/** Tags no element of the kit renders, whatever the data: each could run script or load something. */
const SCRIPT_CAPABLE = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'img',
  'image',
  'video',
  'audio',
  'source',
  'math',
  'mglyph',
  'mtext',
  'foreignobject',
  'animate',
  'set',
  'noscript',
  'body',
  'html',
  'template',
  'style',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster']);

interface Watch {
  /** Every place (`placeOf`) a node was added to. */
  places: Set<string>;
  /** What must never happen, described. */
  violations: string[];
}
let watch: Watch = { places: new Set(), violations: [] };

function inspect(el: Element) {
  watch.places.add(placeOf(el));
  if (SCRIPT_CAPABLE.has(el.localName)) watch.violations.push(`<${el.localName}> added in ${placeOf(el)}`);
  for (const a of el.attributes) inspectAttribute(el, a.name);
}

function inspectAttribute(el: Element, name: string) {
  const value = el.getAttribute(name) ?? '';
  if (/^on/i.test(name)) watch.violations.push(`${placeOf(el)} got an event-handler attribute ${name}="${value.slice(0, 60)}"`);
  // eslint-disable-next-line no-control-regex -- strips the control characters a browser's URL parser ignores in a scheme
  if (URL_ATTRIBUTES.has(name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\s\u0000-\u001f]/g, '')))
    watch.violations.push(`${placeOf(el)} got ${name}="${value.slice(0, 60)}"`);
}

// every shadow root is watched from the moment it is created
observeDeep((records) => {
  for (const r of records) {
    if (r.type === 'attributes' && r.target instanceof Element) inspectAttribute(r.target, r.attributeName!);
    for (const n of r.addedNodes) {
      if (!(n instanceof Element)) continue;
      inspect(n);
      for (const d of n.querySelectorAll('*')) inspect(d);
    }
  }
});

const encode = (message: string) => encodeURIComponent(message);

async function control(path: string, body: unknown, method = 'POST') {
  const res = await fetch(`${SANDBOX}/__sandbox/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

// --- the page -------------------------------------------------------------------------------------

async function mountPage(b: BackendFixture, credentials: Credentials) {
  const page = await fixture<HTMLElement>(html`<div style="width: 360px">
    <loyalty-session id="member" backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" timeout="8000" locale="en-CA">
      <loyalty-balance></loyalty-balance>
      <reward-progress></reward-progress>
      <transaction-history></transaction-history>
      <checkin-code></checkin-code>
      <profile-form></profile-form>
      <card-wallet></card-wallet>
      <account-deletion></account-deletion>
      <loyalty-sign-in></loyalty-sign-in>
    </loyalty-session>
    <loyalty-session id="visitor" backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
      <loyalty-sign-in></loyalty-sign-in>
    </loyalty-session>
  </div>`);
  const session = page.querySelector<LoyaltySession>('#member')!;
  session.userId = credentials.userId ?? '';
  session.sessionKey = credentials.sessionKey;
  const elements = ELEMENTS.map((tag) => session.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(tag)!);
  await Promise.all(elements.map((el) => el.updateComplete));
  await until(() => elements.every((el) => !el.shadowRoot!.querySelector('[aria-busy="true"]')), 8000);
  return { page, session, elements };
}

/** Opens what is folded: every list whole ("Show all"), and two more pages of history. */
async function showEverything(elements: (HTMLElement & { updateComplete: Promise<unknown> })[]) {
  for (const el of elements) el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=show-all]')?.click();
  for (let i = 0; i < 2; i++) {
    const more = elements.map((el) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]:not([disabled])')).filter((m) => m !== null);
    for (const button of more) button.click();
    await Promise.all(elements.map((el) => el.updateComplete));
    await until(() => elements.every((el) => !el.shadowRoot!.querySelector('[part~=more][disabled], [aria-busy="true"]')), 8000);
  }
}

/** The kit's flows that show the API's error messages: sign-in, profile save, card link, and failed reads. */
async function showErrors(b: BackendFixture, page: HTMLElement, session: LoyaltySession, messages: string[]) {
  const shadow = (selector: string) => page.querySelector(selector)!.shadowRoot!;
  // sign-in refused
  const signIn = shadow('#visitor loyalty-sign-in');
  await armFault({ match: { method: 'POST', path: b.paths.signIn }, fault: `status=400;message=${encode(messages[0])}` });
  signIn.querySelector<HTMLInputElement>('input[name=email]')!.value = 'someone@example.com';
  signIn.querySelector<HTMLInputElement>('input[name=password]')!.value = 'Password1';
  signIn.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await until(() => signIn.querySelector('[role=alert]')?.textContent?.includes(messages[0]));

  // profile save refused
  const form = shadow('#member profile-form');
  const first = form.querySelector<HTMLInputElement>('input[name=first-name]')!;
  first.value = 'Changed';
  first.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (page.querySelector('#member profile-form') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault: `status=400;message=${encode(messages[1])}` });
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await until(() => deepText(form).includes(messages[1]));

  // card link refused (where members link cards)
  if (b.supports('cards')) {
    const wallet = shadow('#member card-wallet');
    wallet.querySelector<HTMLButtonElement>('[part~=link-button]')?.click();
    await until(() => wallet.querySelector('form'));
    await (page.querySelector('#member card-wallet') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const inputs = [...wallet.querySelectorAll<HTMLInputElement>('form input:not([type=radio])')];
    for (const [input, value] of inputs.map((input, i) => [input, i ? '1234' : '9999016100000001'] as const)) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await armFault({ match: { method: 'POST', path: '/card/add' }, fault: `status=400;message=${encode(messages[2])}` });
    wallet.querySelector<HTMLButtonElement>('form [part~=submit]')!.click();
    await until(() => deepText(wallet).includes(messages[2]));
  }

  // every read refused: each element shows the message in its error state
  await armFault({ match: { method: 'GET' }, fault: `status=400;message=${encode(messages[3])}`, times: 0 });
  session.reload();
  const readers = ['loyalty-balance', 'reward-progress', 'transaction-history'].map((tag) => shadow(`#member ${tag}`));
  await until(() => readers.every((root) => deepText(root).includes(messages[3])), 8000);
  await clearFaults();
}

for (const b of BACKENDS) {
  describe(`Hostile data (${b.name})`, function () {
    this.timeout(60_000);
    let benign: Set<string>;

    before(async () => {
      // what the kit renders with benign data, through the same flows: the reference for "its own nodes"
      await resetSandbox();
      watch = { places: new Set(), violations: [] };
      const { page, session } = await mountPage(b, await b.signIn(b.members.rich));
      await showErrors(b, page, session, ['Refused one', 'Refused two', 'Refused three', 'Refused four']);
      benign = watch.places;
      page.remove();
      expect(watch.violations, 'benign data').to.deep.equal([]);
    });

    afterEach(() => clearFaults());

    it('runs no payload and injects no node, showing every payload as text', async () => {
      await resetSandbox();
      const credentials = await b.signIn(b.members.rich);
      const { replaced } = await control('hostile', { email: b.members.rich, backend: b.name, strings: XSS_PAYLOADS });
      expect(replaced).to.be.greaterThan(XSS_PAYLOADS.length);
      watch = { places: new Set(), violations: [] };
      xssCalls.length = 0;

      const { page, session, elements } = await mountPage(b, credentials);
      await showEverything(elements);
      const shown = deepText(page);
      // the member's names are the first two payloads (the sandbox fills fields in order): verbatim in the form
      const form = page.querySelector('#member profile-form')!.shadowRoot!;
      expect(form.querySelector<HTMLInputElement>('input[name=first-name]')!.value).to.equal(XSS_PAYLOADS[0]);
      expect(form.querySelector<HTMLInputElement>('input[name=last-name]')!.value).to.equal(XSS_PAYLOADS[1]);
      // and (nearly) every payload is on screen as literal text: a few may fall on fields no element shows
      const missing = XSS_PAYLOADS.filter((p) => !shown.includes(p));
      expect(missing.length, `payloads not shown as literal text: ${missing.join(' | ')}`).to.be.at.most(3);

      await showErrors(b, page, session, [XSS_PAYLOADS[0], XSS_PAYLOADS[1], XSS_PAYLOADS[6], XSS_PAYLOADS[13]]);
      await delay(300); // let an injected image fail to load, or a handler fire, if anything got through

      expect(xssCalls, 'payloads that ran').to.deep.equal([]);
      expect(watch.violations).to.deep.equal([]);
      const foreign = [...watch.places].filter((p) => !benign.has(p));
      expect(foreign, 'nodes the kit does not render with benign data').to.deep.equal([]);
      page.remove();
    });

    it('lays out over-long, RTL, emoji and combining text and huge numbers inside a narrow container', async () => {
      await resetSandbox();
      const credentials = await b.signIn(b.members.rich);
      const numbers = b.name === 'spoonity' ? { quickPay: Number.MAX_SAFE_INTEGER, points: 1e21 } : { points: 1e21, cashback: -Number.MAX_SAFE_INTEGER };
      await control(`members/${encodeURIComponent(b.members.rich)}${b.name === 'spaaza' ? '?backend=spaaza' : ''}`, numbers, 'PATCH');
      await control('hostile', { email: b.members.rich, backend: b.name, strings: LAYOUT_STRINGS });
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      try {
        const { page, elements } = await mountPage(b, credentials);
        await showEverything(elements);

        for (const el of elements) {
          expect(el.scrollWidth, `${el.localName} overflows`).to.be.at.most(el.clientWidth + 1);
          expect(el.getBoundingClientRect().width, `${el.localName} is wider than its container`).to.be.at.most(361);
        }
        expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(document.documentElement.clientWidth);
        const text = deepText(page);
        expect(text).to.include(LAYOUT_STRINGS[1]);
        expect(text).to.include(LAYOUT_STRINGS[3]);
        expect(text).not.to.match(/NaN|Infinity|\de[+-]\d|undefined|\[object /);
        // the huge figure is written out in full, grouped
        expect(text).to.include('1,000,000,000,000,000,000,000');
        expect(
          elements.filter((el) => el.shadowRoot!.querySelector('[part~=error]')).map((el) => el.localName),
          'elements in an error state',
        ).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
        page.remove();
      } finally {
        window.removeEventListener('error', onError);
      }
    });
  });
}
