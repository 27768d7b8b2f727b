import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { backends, createSpoonityBackend } from '../../src/api/index.js';
import type { CheckinCodeElement } from '../../src/elements/checkin-code/checkin-code.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { MEMBERS, SPOONITY, armFault, delay, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';
import { canEmulateColorScheme, restoreVisibility, setVisibility } from '../helpers/browser.js';
import { scan } from '../helpers/scan.js';

const TOKEN_PATH = '/user/token/request';

/** What the test changes about the token route: a lifetime (the sandbox's `_ttl`), or the answer itself. */
interface TokenControl {
  /** Seconds the sandbox gives the next tokens. */
  ttl?: number;
  /** Replaces the token in the answer (a long one, say). */
  token?: string;
  /** Drops `expiry` from the answer. */
  noExpiry?: boolean;
  /** Holds the next token request this many ms before sending it (a slow network). */
  slowNext?: number;
  /** The JSON bodies the element sent. */
  sent: unknown[];
  /** Token requests fail as a lost connection does (no request leaves). */
  offline?: boolean;
}

/** A `fetch` for the session that passes everything through, adjusting only the token route. */
function tokenFetch(control: TokenControl): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.endsWith(TOKEN_PATH)) return fetch(input, init);
    control.sent.push(JSON.parse(String(init?.body)));
    if (control.offline) throw new TypeError('Failed to fetch');
    if (control.slowNext) await delay(control.slowNext);
    control.slowNext = undefined;
    if (control.ttl !== undefined) url.searchParams.set('_ttl', String(control.ttl));
    const response = await fetch(url, init);
    if (!response.ok || (control.token === undefined && !control.noExpiry)) return response;
    const body = await response.json();
    if (control.token !== undefined) body.token = control.token;
    if (control.noExpiry) delete body.expiry;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

interface MountOptions {
  format?: 'qr' | 'code128';
  backend?: string;
  wakeLock?: boolean;
  control?: Partial<TokenControl>;
}

/** A session with one `<checkin-code>`, signed in as `member` (or signed out when null). */
async function mount(member: string | null, o: MountOptions = {}) {
  const control: TokenControl = { sent: [], ...o.control };
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${o.backend ?? 'spoonity'} api-base=${SPOONITY} locale="en-CA" retries="0" .fetch=${tokenFetch(control)}>
      <checkin-code format=${o.format ?? 'qr'} ?wake-lock=${o.wakeLock}></checkin-code>
    </loyalty-session>`);
  const el = root.querySelector('checkin-code') as CheckinCodeElement;
  if (member) root.sessionKey = await signIn(member);
  return { root, el, control };
}

const $ = (el: CheckinCodeElement, selector: string) => el.shadowRoot!.querySelector(selector);
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
/** The token written under the code, as shown (grouped). */
const shownToken = (el: CheckinCodeElement) => $(el, '[part~="token"]')?.textContent?.trim() ?? '';
const symbol = (el: CheckinCodeElement) => $(el, 'svg[part~="code"]') as SVGSVGElement;
const tokenRequests = async () => (await requestLog({ method: 'POST', path: TOKEN_PATH })).length;
const refreshButton = (el: CheckinCodeElement) => $(el, 'button[part="refresh"]') as HTMLButtonElement;
/** Waits until no token request of the element is in flight. */
const settled = (el: CheckinCodeElement) => until(() => refreshButton(el) && !refreshButton(el).disabled);

for (const b of BACKENDS) {
  /** A session of backend `b` with one `<checkin-code>`, signed in as `member` (or signed out when null). */
  const mountOn = async (member: string | null, format = 'qr') => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend=${b.backend} api-base=${b.apiBase} app-hostname=${b.appHostname} locale="en-CA" retries="0">
        <checkin-code format=${format}></checkin-code>
      </loyalty-session>`);
    const el = root.querySelector('checkin-code') as CheckinCodeElement;
    if (member) await signInto(root, b, member);
    return { root, el };
  };

  describe(`<checkin-code> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('is accessible signed out, and requests nothing', async () => {
      const { el } = await mountOn(null);
      await el.updateComplete;
      expect(text(el)).to.contain('Sign in to see your loyalty details.');
      expect(await requestLog()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    if (b.supports('checkin-token')) return;

    it('shows the member number as a static code, without countdown or refresh, in both formats', async () => {
      const { el } = await mountOn(b.members.seed);
      await until(() => shownToken(el) === b.seed.memberCard);
      const number = b.seed.memberCard.replace(/ /g, '');
      expect(text(el)).to.contain('Member card number (static code)');
      expect(symbol(el).getAttribute('part')).to.equal('code static');
      expect(await scan(symbol(el))).to.deep.equal([number, number]);
      expect($(el, '[part~="countdown"], button, [role="alert"]')).to.equal(null);
      await expect(el).to.be.accessible();
      el.format = 'code128';
      await el.updateComplete;
      expect(await scan(symbol(el), 'code128')).to.deep.equal([number]);
      expect(
        (await requestLog()).filter((r) => r.method !== 'GET' && r.path !== b.paths.signIn),
        'no token is asked for',
      ).to.deep.equal([]);
    });

    it('shows the signed-out state, not an error, when the session is rejected', async () => {
      await armFault({ match: { path: b.paths.cards }, fault: 'status=401', times: 1 });
      const { root, el } = await mountOn(b.members.seed);
      await until(() => !root.signedIn && text(el).includes('Sign in to see your loyalty details.'));
      expect(symbol(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<checkin-code> · spoonity: rotating tokens', () => {
  beforeEach(resetSandbox);
  afterEach(() => {
    restoreVisibility();
  });

  it('shows a fresh token as a QR code that decodes back to it, grouped below, with a countdown', async () => {
    const { el, control } = await mount(MEMBERS.seed);
    await until(() => /^\d{4} \d{4} \d{4}$/.test(shownToken(el)));
    const token = shownToken(el).replace(/ /g, '');
    expect(await scan(symbol(el))).to.deep.equal([token, token]);
    expect(symbol(el).getAttribute('aria-label')).to.equal(`Check-in code: ${shownToken(el)}`);
    expect($(el, '[part~="countdown"]')!.textContent).to.match(/Expires in [45]:\d\d/);
    // what the server received: one POST with the body the reference recommends
    expect(await tokenRequests()).to.equal(1);
    expect(control.sent).to.deep.equal([{ token_type: 2, style: 'QR CODE' }]);
    await expect(el).to.be.accessible();
  });

  it('draws the code locally as one crisp inline SVG path: no image, nothing from the network', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => shownToken(el));
    const svg = symbol(el);
    expect(svg.getAttribute('shape-rendering')).to.equal('crispEdges');
    expect(svg.querySelectorAll('path')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('img, image, foreignObject, [style]')).to.have.length(0);
    const fetched = performance.getEntriesByType('resource').filter((r) => /\.(png|gif|jpe?g|svg|webp)(\?|$)/.test(r.name));
    expect(fetched).to.deep.equal([]);
  });

  it('renders Code 128 with format="code128", decoding back to the token', async () => {
    const { el } = await mount(MEMBERS.seed, { format: 'code128' });
    await until(() => shownToken(el));
    expect(await scan(symbol(el), 'code128')).to.deep.equal([shownToken(el).replace(/ /g, '')]);
    await expect(el).to.be.accessible();
  });

  it('encodes a long token in both formats so that it decodes back', async () => {
    const token = 'SBX-7Q2K9-44821-ZP0LM-88123-QWERTY-20240917-000042';
    const qr = await mount(MEMBERS.seed, { control: { token } });
    await until(() => shownToken(qr.el));
    expect(await scan(symbol(qr.el))).to.deep.equal([token, token]);
    const bars = await mount(MEMBERS.seed, { format: 'code128', control: { token } });
    await until(() => shownToken(bars.el));
    expect(shownToken(bars.el).replace(/ /g, '')).to.equal(token);
    expect(await scan(symbol(bars.el), 'code128')).to.deep.equal([token]);
  });

  it('requests a new token when the current one expires', async () => {
    const { el } = await mount(MEMBERS.seed, { control: { ttl: 1 } });
    await until(() => shownToken(el));
    const first = shownToken(el);
    await until(() => shownToken(el) && shownToken(el) !== first);
    expect(await tokenRequests()).to.be.at.least(2);
    const token = shownToken(el).replace(/ /g, '');
    expect(await scan(symbol(el))).to.deep.equal([token, token]);
  });

  it('greys out an expired code with "Code expired — refresh", never showing it as valid', async () => {
    const { el, control } = await mount(MEMBERS.seed, { control: { ttl: 1 } });
    await until(() => shownToken(el));
    // the early refresh is slow: the token on screen runs out before the next one arrives
    control.slowNext = 2500;
    await until(() => text(el).includes('Code expired — refresh'));
    control.ttl = 300;
    expect($(el, '[part~="token"]')).to.equal(null);
    expect(symbol(el).getAttribute('part')).to.equal('code expired');
    expect(symbol(el).getAttribute('aria-label')).to.match(/^Expired check-in code/);
    expect($(el, '[role="status"]')!.textContent).to.contain('Check-in code expired.');
    await expect(el).to.be.accessible();
    await until(() => shownToken(el), 6000);
    expect(symbol(el).getAttribute('part')).to.equal('code');
    // the expiry did not send a second request while the early refresh was on its way
    expect(await tokenRequests()).to.equal(2);
  });

  it('sends one token request when Refresh code is double-clicked', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => shownToken(el));
    const first = shownToken(el);
    await armFault({ match: { path: TOKEN_PATH }, fault: 'latency=400', times: 1 });
    refreshButton(el).click();
    refreshButton(el).click();
    await el.updateComplete;
    expect(refreshButton(el).disabled).to.equal(true);
    await settled(el);
    expect(shownToken(el)).not.to.equal(first);
    expect(await tokenRequests()).to.equal(2);
  });

  it('refreshes from the keyboard', async () => {
    const { el } = await mount(MEMBERS.seed);
    await until(() => shownToken(el));
    const first = shownToken(el);
    refreshButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shownToken(el) !== first && !refreshButton(el).disabled);
    expect(await tokenRequests()).to.equal(2);
  });

  it('requests nothing while the tab is hidden, and a new token once it is visible again', async () => {
    const { el, control } = await mount(MEMBERS.seed, { control: { ttl: 1 } });
    await until(() => shownToken(el));
    setVisibility('hidden');
    await settled(el);
    const before = await tokenRequests();
    const hiddenToken = shownToken(el);
    await delay(1500); // the token's life, twice over: a visible tab would have refreshed it
    expect(await tokenRequests()).to.equal(before);
    control.ttl = 300;
    setVisibility('visible');
    await until(() => shownToken(el) && shownToken(el) !== hiddenToken);
    expect(await tokenRequests()).to.equal(before + 1);
  });

  it('waits for the tab to be visible before the first request', async () => {
    setVisibility('hidden');
    const { el } = await mount(MEMBERS.seed);
    await delay(300);
    expect(await tokenRequests()).to.equal(0);
    expect($(el, '[aria-busy="true"]')).not.to.equal(null);
    setVisibility('visible');
    await until(() => shownToken(el));
    expect(await tokenRequests()).to.equal(1);
  });

  it('shows no countdown and does not refresh by itself when the token has no expiry', async () => {
    const { el } = await mount(MEMBERS.seed, { control: { noExpiry: true } });
    await until(() => shownToken(el));
    expect($(el, '[part~="countdown"]')).to.equal(null);
    expect($(el, '[role="timer"]')).to.equal(null);
    await delay(1200);
    expect(await tokenRequests()).to.equal(1);
  });

  it('announces the countdown at set marks, not every second', async () => {
    const { el } = await mount(MEMBERS.seed, { control: { ttl: 11 } });
    await until(() => shownToken(el));
    const live = $(el, '[role="status"]')!;
    const countdown = () => $(el, '[part~="countdown"] time')?.textContent ?? '';
    const heard: string[] = [];
    const seen = new Set<string>([countdown()]);
    const observer = new MutationObserver(() => {
      const said = live.textContent.trim();
      if (said && heard.at(-1) !== said) heard.push(said);
      seen.add(countdown());
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await until(() => seen.has('0:08'), 6000);
    observer.disconnect();
    expect(heard).to.deep.equal(['Check-in code expires in 10 seconds.']);
    expect(seen.size).to.be.at.least(3);
  });

  it('falls back to the primary active card when the token call fails, and reports the error', async () => {
    await armFault({ match: { path: TOKEN_PATH }, fault: 'status=500', times: 1 });
    const errors: CustomEvent[] = [];
    const onError = (e: Event) => errors.push(e as CustomEvent);
    document.addEventListener('loyalty-error', onError);
    try {
      const { el } = await mount(MEMBERS.seed);
      await until(() => shownToken(el) === '9999 0161 3438 5493');
      expect(text(el)).to.contain('Member card number (static code)');
      expect(symbol(el).getAttribute('part')).to.equal('code static');
      expect(await scan(symbol(el))).to.deep.equal(['9999016134385493', '9999016134385493']);
      expect(errors).to.have.length(1);
      expect(errors[0].detail).to.include({ kind: 'http', status: 500 });
      await expect(el).to.be.accessible();
      // Try again gets a rotating token after all
      refreshButton(el).click();
      await until(() => /^\d{4} \d{4} \d{4}$/.test(shownToken(el)));
      expect(text(el)).not.to.contain('Member card number');
    } finally {
      document.removeEventListener('loyalty-error', onError);
    }
  });

  it('skips lost cards when choosing the card to fall back on', async () => {
    const key = await signIn(MEMBERS.rich);
    await fetch(`${SPOONITY}/user/card/lost?session_key=${key}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_card: '2100001' }),
    });
    await armFault({ match: { path: TOKEN_PATH }, fault: 'status=503', times: 1 });
    const { root, el } = await mount(null);
    root.sessionKey = key;
    await until(() => shownToken(el) === '9999 0161 3438 5517');
  });

  /** A platform without check-in tokens: Spoonity minus the capability. */
  const withoutTokens = () => {
    backends['no-checkin'] = (config) => {
      const b = createSpoonityBackend(config);
      return { ...b, capabilities: new Set([...b.capabilities].filter((c) => c !== 'checkin-token')) };
    };
    return 'no-checkin';
  };

  it('shows the card without asking for a token when the backend has no check-in tokens', async () => {
    const { el } = await mount(MEMBERS.seed, { backend: withoutTokens() });
    await until(() => shownToken(el) === '9999 0161 3438 5493');
    expect(text(el)).to.contain('Member card number (static code)');
    expect($(el, 'button')).to.equal(null);
    expect(await tokenRequests()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says so, without an error, when the backend has no check-in tokens and the member no card', async () => {
    const { el } = await mount(MEMBERS.empty, { backend: withoutTokens() });
    await until(() => text(el).includes('No check-in code is available for this account.'));
    expect($(el, '[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when there is neither a token nor an active card', async () => {
    await armFault({ match: { path: TOKEN_PATH }, fault: 'status=500', times: 1 });
    const { el } = await mount(MEMBERS.empty);
    await until(() => $(el, '[role="alert"]'));
    expect(text(el)).to.contain('Sandbox fault: HTTP 500');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await until(() => /^\d{4} \d{4} \d{4}$/.test(shownToken(el)));
  });

  it('shows the signed-out state when the token call answers 401', async () => {
    await armFault({ match: { path: TOKEN_PATH }, fault: 'status=401', times: 1 });
    const { el } = await mount(MEMBERS.seed);
    await until(() => text(el).includes('Sign in to see your loyalty details.'));
    expect(symbol(el)).to.equal(null);
    expect(await requestLog({ path: '/user/card/list' })).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton of the same outline while the first token loads, and is accessible', async () => {
    await armFault({ match: { path: TOKEN_PATH }, fault: 'latency=400', times: 1 });
    const { el } = await mount(MEMBERS.seed);
    await until(() => $(el, '[aria-busy="true"]'));
    const loading = ($(el, '.bone.square') as HTMLElement).getBoundingClientRect();
    await expect(el).to.be.accessible();
    await until(() => shownToken(el));
    const frame = ($(el, '[part="frame"]') as HTMLElement).getBoundingClientRect();
    expect([frame.width, frame.height]).to.deep.equal([loading.width, loading.height]);
  });

  it('requests a token for the next member and never shows the previous one', async () => {
    const { root, el } = await mount(MEMBERS.seed);
    await until(() => shownToken(el));
    const seedToken = shownToken(el);
    root.sessionKey = await signIn(MEMBERS.rich);
    await el.updateComplete;
    expect(shownToken(el)).not.to.equal(seedToken);
    await until(() => shownToken(el));
    const log = await requestLog({ method: 'POST', path: TOKEN_PATH });
    expect(log.map((r) => r.member)).to.deep.equal([MEMBERS.seed, MEMBERS.rich]);
  });

  it('stops every timer once removed from the page', async () => {
    const { el } = await mount(MEMBERS.seed, { control: { ttl: 1 } });
    await until(() => shownToken(el));
    el.remove();
    await delay(100);
    const before = await tokenRequests();
    await delay(1500);
    expect(await tokenRequests()).to.equal(before);
  });

  describe('wake-lock', () => {
    let requested: string[];
    let released: number;

    beforeEach(() => {
      requested = [];
      released = 0;
      const wakeLock = {
        request: async (type: string) => {
          requested.push(type);
          const sentinel = new EventTarget() as EventTarget & { release(): Promise<void> };
          sentinel.release = async () => void released++;
          return sentinel;
        },
      };
      Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: wakeLock });
    });
    afterEach(() => {
      delete (navigator as unknown as Record<string, unknown>).wakeLock;
    });

    it('keeps the screen on while visible, and lets go when hidden or removed', async () => {
      const { el } = await mount(MEMBERS.seed, { wakeLock: true });
      await until(() => requested.length === 1);
      expect(requested).to.deep.equal(['screen']);
      setVisibility('hidden');
      await until(() => released === 1);
      setVisibility('visible');
      await until(() => requested.length === 2);
      el.remove();
      await until(() => released === 2);
    });

    it('asks for nothing without the attribute', async () => {
      const { el } = await mount(MEMBERS.seed);
      await until(() => shownToken(el));
      expect(requested).to.deep.equal([]);
    });

    it('degrades silently where the API is missing or refuses', async () => {
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: { request: () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')) },
      });
      const refused = await mount(MEMBERS.seed, { wakeLock: true });
      await until(() => shownToken(refused.el));
      Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: undefined });
      const missing = await mount(MEMBERS.seed, { wakeLock: true });
      await until(() => shownToken(missing.el));
    });
  });

  describe('theming', () => {
    afterEach(async () => canEmulateColorScheme && emulateMedia({ colorScheme: 'light' }));

    const fill = (el: CheckinCodeElement, selector: string) => getComputedStyle($(el, selector)!).fill;

    it('keeps dark modules on a light quiet zone in dark mode', async function () {
      if (!canEmulateColorScheme) this.skip(); // Chromium-only: see canEmulateColorScheme
      await emulateMedia({ colorScheme: 'dark' });
      const { el } = await mount(MEMBERS.seed);
      await until(() => shownToken(el));
      // the OS's scheme (the default follows the page, which declares none here)
      el.setAttribute('theme', 'auto');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(31, 32, 35)');
      expect(fill(el, 'rect.light')).to.equal('rgb(255, 255, 255)');
      expect(fill(el, 'path.dark')).to.equal('rgb(0, 0, 0)');
      await expect(el).to.be.accessible();
    });

    it('takes themed code colours, and pure black on white with high-contrast', async () => {
      const { el } = await mount(MEMBERS.seed);
      await until(() => shownToken(el));
      el.style.setProperty('--loyalty-checkin-code-color', '#102a43');
      el.style.setProperty('--loyalty-checkin-code-background', '#fffbe6');
      expect(fill(el, 'path.dark')).to.equal('rgb(16, 42, 67)');
      expect(fill(el, 'rect.light')).to.equal('rgb(255, 251, 230)');
      el.highContrast = true;
      await el.updateComplete;
      expect(el.hasAttribute('high-contrast')).to.equal(true);
      expect(fill(el, 'path.dark')).to.equal('rgb(0, 0, 0)');
      expect(fill(el, 'rect.light')).to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
    });
  });
});

describe('<checkin-code> · spoonity: recovery, one shared token, nothing while not shown', () => {
  beforeEach(resetSandbox);
  afterEach(() => restoreVisibility());

  it('asks for a fresh token as soon as the connection is back, leaving the fallback card', async () => {
    const { el, control } = await mount(MEMBERS.seed, { control: { offline: true } });
    await until(() => shownToken(el) === '9999 0161 3438 5493');
    expect(text(el)).to.contain('Member card number (static code)');
    const before = await tokenRequests();
    control.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => /^\d{4} \d{4} \d{4}$/.test(shownToken(el)));
    expect(text(el)).not.to.contain('Member card number');
    expect(await tokenRequests()).to.equal(before + 1);
  });

  it('asks again when the tab becomes visible after a failure', async () => {
    const { el, control } = await mount(MEMBERS.seed, { control: { offline: true } });
    await until(() => shownToken(el) === '9999 0161 3438 5493');
    control.offline = false;
    setVisibility('hidden');
    setVisibility('visible');
    await until(() => /^\d{4} \d{4} \d{4}$/.test(shownToken(el)));
  });

  it('shares one token among the codes of one session: one request, the same code everywhere, Refresh included', async () => {
    const control: TokenControl = { sent: [] };
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spoonity" api-base=${SPOONITY} locale="en-CA" retries="0" .fetch=${tokenFetch(control)}>
        <checkin-code></checkin-code><checkin-code format="code128"></checkin-code><checkin-code></checkin-code>
      </loyalty-session>`);
    const codes = [...root.querySelectorAll('checkin-code')];
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => codes.every((c) => shownToken(c)));
    expect(await tokenRequests()).to.equal(1);
    expect(new Set(codes.map(shownToken)).size).to.equal(1);
    const first = shownToken(codes[0]);
    refreshButton(codes[1]).click();
    await until(() => codes.every((c) => shownToken(c) && shownToken(c) !== first));
    expect(new Set(codes.map(shownToken)).size).to.equal(1);
    expect(await tokenRequests()).to.equal(2);
  });

  for (const [name, wrap] of [
    ['a closed <details>', (inner: ReturnType<typeof html>) => html`<details><summary>Check in</summary>${inner}</details>`],
    ['a closed <dialog>', (inner: ReturnType<typeof html>) => html`<dialog>${inner}</dialog>`],
    ['display: none', (inner: ReturnType<typeof html>) => html`<div hidden>${inner}</div>`],
  ] as const) {
    it(`requests nothing inside ${name} until it is shown`, async () => {
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend="spoonity" api-base=${SPOONITY} locale="en-CA" retries="0">
          ${wrap(html`<checkin-code></checkin-code>`)}
        </loyalty-session>`);
      const el = root.querySelector('checkin-code') as CheckinCodeElement;
      root.sessionKey = await signIn(MEMBERS.seed);
      await el.updateComplete;
      await delay(300);
      expect(await tokenRequests()).to.equal(0);
      const box = el.parentElement!;
      if (box instanceof HTMLDetailsElement) box.open = true;
      else if (box instanceof HTMLDialogElement) box.show();
      else box.hidden = false;
      await until(() => shownToken(el));
      expect(await tokenRequests()).to.equal(1);
    });
  }
});
