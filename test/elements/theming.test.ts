import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto, type BackendFixture } from '../helpers/backends.js';
import { canEmulateColorScheme } from '../helpers/browser.js';
import { armFault, resetSandbox, until } from '../helpers/sandbox.js';

/** The default colours (src/internal/styles.ts): surface and text, light and dark. */
const LIGHT = { background: 'rgb(255, 255, 255)', color: 'rgb(29, 29, 31)', muted: 'rgb(95, 99, 104)' };
const DARK = { background: 'rgb(31, 32, 35)', color: 'rgb(232, 234, 237)', muted: 'rgb(168, 173, 180)' };

const scheme = (el: Element) => {
  const s = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
  return { background: s.backgroundColor, color: s.color };
};
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const style = (el: Element, name: string) => getComputedStyle(part(el, name));

/** The OS (or its emulation) prefers light: what the `theme` tests override. */
const osIsLight = () => !matchMedia('(prefers-color-scheme: dark)').matches;

describe('theming', () => {
  afterEach(async () => canEmulateColorScheme && emulateMedia({ colorScheme: 'light' }));

  it('uses the light defaults on a page that declares no scheme, even under prefers-color-scheme: dark; theme="auto" the dark ones', async function () {
    if (!canEmulateColorScheme) this.skip(); // Chromium-only: see canEmulateColorScheme
    const el = await fixture(html`<loyalty-balance></loyalty-balance>`);
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    // the default follows the page (test/embedding/color-scheme.test.ts), not the OS
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.setAttribute('theme', 'auto');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(31, 32, 35)');
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 237)');
  });

  it('follows the page-level --loyalty-* tokens', async () => {
    const wrapper = await fixture(html`<div style="--loyalty-color-surface: rgb(1, 2, 3); --loyalty-radius: 3px; --loyalty-font-family: monospace">
      <loyalty-balance></loyalty-balance>
    </div>`);
    const el = wrapper.querySelector('loyalty-balance')!;
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'base')).borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(el).fontFamily).to.equal('monospace');
  });

  describe('theme="light|dark"', () => {
    beforeEach(async function () {
      if (canEmulateColorScheme) await emulateMedia({ colorScheme: 'light' });
      if (!osIsLight()) this.skip(); // the overrides below are measured against a light OS
    });

    it('theme="dark" on an element gives the dark colours while the OS prefers light', async () => {
      const el = await fixture(html`<loyalty-balance theme="dark"></loyalty-balance>`);
      expect(scheme(el)).to.deep.equal({ background: DARK.background, color: DARK.color });
      // a piece inside follows too (the signed-out message is muted text)
      expect(style(el, 'state').color).to.equal(DARK.muted);
    });

    it('the theme property reflects to the attribute and switches the scheme', async () => {
      const el = await fixture<HTMLElement & { theme?: string; updateComplete: Promise<boolean> }>(html`<loyalty-balance></loyalty-balance>`);
      expect(scheme(el).background).to.equal(LIGHT.background);
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(scheme(el).background).to.equal(DARK.background);
      el.theme = 'light';
      await el.updateComplete;
      expect(scheme(el).background).to.equal(LIGHT.background);
    });

    it('theme="dark" on <loyalty-session> darkens every element inside, and an element’s own theme wins', async () => {
      const root = await fixture(html`<loyalty-session theme="dark">
        <loyalty-balance></loyalty-balance>
        <loyalty-sign-in></loyalty-sign-in>
        <loyalty-balance theme="light" id="light"></loyalty-balance>
      </loyalty-session>`);
      const [balance, signIn, light] = [...root.children];
      expect(scheme(balance)).to.deep.equal({ background: DARK.background, color: DARK.color });
      expect(scheme(signIn)).to.deep.equal({ background: DARK.background, color: DARK.color });
      // the accent of the Sign in button is the dark one, its text the dark on-accent
      expect(style(signIn, 'submit').backgroundColor).to.equal('rgb(138, 180, 248)');
      expect(style(signIn, 'submit').color).to.equal('rgb(11, 26, 51)');
      expect(scheme(light)).to.deep.equal({ background: LIGHT.background, color: LIGHT.color });
    });

    it('theme="auto" (or any other value) follows the OS, even inside a dark session', async () => {
      const root = await fixture(html`<loyalty-session theme="dark">
        <loyalty-balance theme="auto"></loyalty-balance>
        <loyalty-balance theme="sepia"></loyalty-balance>
      </loyalty-session>`);
      for (const el of root.children) expect(scheme(el).background).to.equal(LIGHT.background);
    });

    it('theme="auto" on <loyalty-session> overrides a page-level --loyalty-color-scheme; unset, the page’s applies', async () => {
      const page = await fixture(html`<div style="--loyalty-color-scheme: dark">
        <loyalty-session theme="auto"><loyalty-balance></loyalty-balance></loyalty-session>
        <loyalty-session><loyalty-balance></loyalty-balance></loyalty-session>
      </div>`);
      const [auto, unset] = page.querySelectorAll('loyalty-balance');
      expect(scheme(auto).background).to.equal(LIGHT.background);
      expect(scheme(unset).background).to.equal(DARK.background);
    });

    it('the page’s own light-dark() tokens follow the theme', async () => {
      const page = await fixture(html`<div style="--loyalty-color-accent: light-dark(rgb(1, 1, 1), rgb(2, 2, 2))">
        <loyalty-sign-in theme="light"></loyalty-sign-in>
        <loyalty-sign-in theme="dark"></loyalty-sign-in>
      </div>`);
      const [light, dark] = page.querySelectorAll('loyalty-sign-in');
      expect(style(light, 'submit').backgroundColor).to.equal('rgb(1, 1, 1)');
      expect(style(dark, 'submit').backgroundColor).to.equal('rgb(2, 2, 2)');
    });

    it('theme="light" on an element and on <loyalty-session> gives the light colours under prefers-color-scheme: dark', async function () {
      if (!canEmulateColorScheme) this.skip(); // needs the emulated dark OS: Chromium only
      const page = await fixture(html`<div>
        <loyalty-balance theme="light"></loyalty-balance>
        <loyalty-session theme="light"><loyalty-balance></loyalty-balance></loyalty-session>
        <loyalty-balance theme="auto"></loyalty-balance>
      </div>`);
      await emulateMedia({ colorScheme: 'dark' });
      const [own, session, auto] = page.querySelectorAll('loyalty-balance');
      expect(scheme(own)).to.deep.equal({ background: LIGHT.background, color: LIGHT.color });
      expect(scheme(session)).to.deep.equal({ background: LIGHT.background, color: LIGHT.color });
      expect(style(session, 'state').color).to.equal(LIGHT.muted);
      expect(scheme(auto).background).to.equal(DARK.background);
    });
  });
});

/** Every element, with a piece that shows once its data is there. */
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

/** Every element in one session, signed in as `member`, once each shows its data. */
async function mountAll(b: BackendFixture, member: string, opts: { theme?: string; style?: string } = {}) {
  const page = await fixture<HTMLElement>(html`<div style=${opts.style ?? ''}>
    <loyalty-session theme=${opts.theme ?? nothing} backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId}
      app-hostname=${b.appHostname} locale="en-CA" retries="0">
      <loyalty-balance></loyalty-balance>
      <reward-progress limit="3"></reward-progress>
      <transaction-history currency="CAD" limit="5"></transaction-history>
      <checkin-code></checkin-code>
      <card-wallet></card-wallet>
      <loyalty-sign-in></loyalty-sign-in>
      <profile-form></profile-form>
      <account-deletion></account-deletion>
    </loyalty-session>
  </div>`);
  const session = page.querySelector('loyalty-session') as LoyaltySession;
  await signInto(session, b, member);
  const get = (tag: string) => session.querySelector(tag)!;
  await until(
    () =>
      Object.entries(READY).every(([tag, ready]) => {
        const root = get(tag).shadowRoot;
        return root?.querySelector(`[part~="${ready}"]`) && !root.querySelector('[aria-busy="true"]');
      }),
    8000,
  );
  return { page, session, get };
}

/** Page-level tokens, each set to a value no default has. */
const TOKENS = {
  '--loyalty-color-text': 'rgb(10, 20, 30)',
  '--loyalty-color-muted': 'rgb(40, 50, 60)',
  '--loyalty-color-border': 'rgb(11, 12, 13)',
  '--loyalty-color-accent': 'rgb(70, 80, 90)',
  '--loyalty-color-on-accent': 'rgb(250, 240, 230)',
  '--loyalty-color-danger-strong': 'rgb(100, 0, 0)',
  '--loyalty-color-on-danger': 'rgb(255, 250, 240)',
  '--loyalty-color-backdrop': 'rgba(1, 2, 3, 0.5)',
  '--loyalty-font-family': 'monospace',
  '--loyalty-font-size': '12px',
  '--loyalty-radius': '9px',
  '--loyalty-space-s': '3px',
  '--loyalty-space-m': '13px',
  '--loyalty-space-l': '21px',
};
const T = TOKENS;

/** Per element: a real piece (`''` = the host), a computed property, and the token's value it must show. */
const HONOURED: Record<string, [string, keyof CSSStyleDeclaration, string][]> = {
  'loyalty-balance': [
    ['base', 'paddingTop', T['--loyalty-space-m']],
    ['label', 'color', T['--loyalty-color-muted']],
    ['amount', 'fontFamily', 'monospace'],
  ],
  'reward-progress': [
    ['bar', 'backgroundColor', T['--loyalty-color-accent']],
    ['reward', 'borderTopLeftRadius', '6px'],
    ['list', 'rowGap', T['--loyalty-space-s']],
  ],
  'transaction-history': [
    ['row', 'columnGap', T['--loyalty-space-m']],
    ['row', 'borderBottomColor', T['--loyalty-color-border']],
    ['', 'fontSize', T['--loyalty-font-size']],
  ],
  'checkin-code': [
    ['label', 'color', T['--loyalty-color-muted']],
    ['content', 'rowGap', T['--loyalty-space-s']],
    ['base', 'borderTopLeftRadius', T['--loyalty-radius']],
  ],
  'card-wallet': [
    ['action', 'color', T['--loyalty-color-accent']],
    ['action', 'borderTopColor', T['--loyalty-color-border']],
    ['number', 'color', T['--loyalty-color-text']],
  ],
  'loyalty-sign-in': [
    ['sign-out', 'color', T['--loyalty-color-accent']],
    ['greeting', 'color', T['--loyalty-color-text']],
    ['sign-out', 'fontFamily', 'monospace'],
  ],
  'profile-form': [
    ['label', 'color', T['--loyalty-color-text']],
    ['base', 'paddingLeft', T['--loyalty-space-m']],
    ['label', 'fontSize', T['--loyalty-font-size']],
  ],
  'account-deletion': [
    ['delete', 'backgroundColor', T['--loyalty-color-danger-strong']],
    ['delete', 'color', T['--loyalty-color-on-danger']],
    ['actions', 'columnGap', T['--loyalty-space-s']],
  ],
};

for (const b of BACKENDS) {
  describe(`theming every element · ${b.name}`, () => {
    beforeEach(resetSandbox);
    afterEach(async () => canEmulateColorScheme && emulateMedia({ colorScheme: 'light' }));

    it('every element honours the page-level tokens in a real piece of it', async () => {
      const tokens = Object.entries(TOKENS)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      const { get } = await mountAll(b, b.members.seed, { style: tokens });
      for (const [tag, checks] of Object.entries(HONOURED)) {
        const el = get(tag);
        for (const [name, property, value] of checks) {
          const target = name ? part(el, name) : el;
          expect(target, `${tag} ${name}`).to.exist;
          expect(getComputedStyle(target)[property], `<${tag}> ${name || 'host'} ${String(property)}`).to.equal(value);
        }
      }
    }).timeout(20_000);

    it('a confirmation dialog takes --loyalty-space-l, the surface and the backdrop token', async () => {
      const { get } = await mountAll(b, b.members.seed, {
        style: `--loyalty-space-l: 21px; --loyalty-color-surface: rgb(5, 6, 7); --loyalty-color-backdrop: rgba(1, 2, 3, 0.5)`,
      });
      const deletion = get('account-deletion');
      part(deletion, 'delete').click();
      await until(() => part(deletion, 'dialog')?.matches(':modal'));
      const dialog = part(deletion, 'dialog');
      expect(getComputedStyle(dialog).paddingTop).to.equal('21px');
      expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(5, 6, 7)');
      expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.equal('rgba(1, 2, 3, 0.5)');
      part(deletion, 'dialog-cancel').click();
      await until(() => !part(deletion, 'dialog'));
    }).timeout(20_000);

    it('every element is axe-clean in dark (theme="dark" on the session), with its data', async () => {
      const { session, get } = await mountAll(b, b.members.rich, { theme: 'dark' });
      expect(scheme(get('loyalty-balance')).background).to.equal(DARK.background);
      for (const tag of Object.keys(READY)) await expect(get(tag), tag).to.be.accessible();
      // and the error state's danger text and Retry button
      await armFault({ match: { path: b.paths.balances }, fault: 'status=500', times: 1 });
      session.reload();
      await until(() => get('loyalty-balance').shadowRoot!.querySelector('[role="alert"]'));
      await expect(get('loyalty-balance')).to.be.accessible();
    }).timeout(30_000);
  });
}

describe('the demo’s merchant themes (demo/themes/*.css)', () => {
  let sheet: HTMLStyleElement | undefined;
  beforeEach(resetSandbox);
  afterEach(() => sheet?.remove());

  for (const theme of ['coffee', 'fashion', 'grocery']) {
    it(`${theme}: every element is axe-clean in light and in dark, and takes the theme’s colours`, async () => {
      const res = await fetch(`/demo/themes/${theme}.css`);
      expect(res.ok, `demo/themes/${theme}.css`).to.equal(true);
      sheet = document.createElement('style');
      sheet.textContent = await res.text();
      document.head.append(sheet);
      const b = BACKENDS[0];
      const { page, session, get } = await mountAll(b, b.members.rich, { theme: 'light' });
      // the theme's accent (a secondary button's text), not the kit's default, on both sides
      const accent = () => style(get('loyalty-sign-in'), 'sign-out').color;
      const kitAccent = { light: 'rgb(26, 86, 219)', dark: 'rgb(138, 180, 248)' };
      for (const scheme of ['light', 'dark'] as const) {
        session.theme = scheme;
        await session.updateComplete;
        expect(accent(), `${theme} ${scheme} accent`).to.not.equal(kitAccent[scheme]);
        expect(getComputedStyle(get('loyalty-balance')).colorScheme).to.equal(scheme);
        await expect(page, `${theme} ${scheme}`).to.be.accessible(); // every element at once
      }
    }).timeout(30_000);
  }
});
