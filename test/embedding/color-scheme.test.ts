/**
 * Colour scheme: by default an element follows the page's own `color-scheme` (inherited from
 * `:root` or a wrapper such as Bootstrap's `[data-bs-theme="dark"]`, or `<meta name="color-scheme">`),
 * not the OS: a page that declares nothing gets light, even on a dark OS. `theme="auto"` means the
 * OS's; `theme="light"`/`"dark"` force. The OS is emulated in Chromium only (see
 * `canEmulateColorScheme`); the page-declared cases run in Firefox too.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { BACKENDS } from '../helpers/backends.js';
import { canEmulateColorScheme } from '../helpers/browser.js';
import { resetSandbox } from '../helpers/sandbox.js';
import { TAGS, addPageStyle, mountEvery, part, unmountAll } from './embed.js';

const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(31, 32, 35)';
const surface = (el: Element) => getComputedStyle(part(el, 'base')!).backgroundColor;

/** Every element's surface is `expected`. */
function allAre(get: (tag: string) => Element, expected: string, why: string) {
  const wrong = TAGS.filter((tag) => surface(get(tag)) !== expected).map((tag) => `${tag}: ${surface(get(tag))}`);
  expect(wrong, `${why}: every element ${expected === LIGHT ? 'light' : 'dark'}`).to.deep.equal([]);
}

let meta: HTMLMetaElement | undefined;
function setMeta(content: string) {
  meta = document.createElement('meta');
  meta.name = 'color-scheme';
  meta.content = content;
  document.head.append(meta);
}

const b = BACKENDS[0];

describe('colour scheme follows the page', () => {
  beforeEach(resetSandbox);
  afterEach(async () => {
    unmountAll();
    meta?.remove();
    meta = undefined;
    document.documentElement.style.removeProperty('color-scheme');
    if (canEmulateColorScheme) await emulateMedia({ colorScheme: 'light' });
  });

  it('a page that declares nothing gets light, even on a dark OS', async function () {
    if (!canEmulateColorScheme) this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    const { get } = await mountEvery(b, b.members.seed);
    allAre(get, LIGHT, 'dark OS, silent page');
  }).timeout(20_000);

  it('a dark page (:root { color-scheme: dark }) gets dark, also on a light OS', async () => {
    if (canEmulateColorScheme) await emulateMedia({ colorScheme: 'light' });
    addPageStyle(':root { color-scheme: dark; }');
    const { get } = await mountEvery(b, b.members.seed);
    allAre(get, DARK, ':root dark');
  }).timeout(20_000);

  it('a Bootstrap wrapper [data-bs-theme="dark"] gets dark, the light page around it stays light', async () => {
    addPageStyle('[data-bs-theme=dark] { color-scheme: dark; }');
    const { get, page } = await mountEvery(b, b.members.seed, { wrap: (m) => `<div data-bs-theme="dark">${m}</div>` });
    allAre(get, DARK, 'Bootstrap dark');
    // the same page, one element outside the wrapper
    const light = document.createElement('loyalty-balance');
    page.querySelector('loyalty-session')!.append(light);
    await (light as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(surface(light)).to.equal(LIGHT);
  }).timeout(20_000);

  it('a light page (:root { color-scheme: light }) stays light on a dark OS', async function () {
    if (!canEmulateColorScheme) this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    addPageStyle(':root { color-scheme: light; }');
    const { get } = await mountEvery(b, b.members.seed);
    allAre(get, LIGHT, 'light page, dark OS');
  }).timeout(20_000);

  it('<meta name="color-scheme" content="dark"> gets dark', async () => {
    setMeta('dark');
    const { get } = await mountEvery(b, b.members.seed);
    allAre(get, DARK, 'meta dark');
  }).timeout(20_000);

  it('<meta name="color-scheme" content="light dark"> follows the OS', async function () {
    if (!canEmulateColorScheme) this.skip();
    setMeta('light dark');
    await emulateMedia({ colorScheme: 'dark' });
    const { get } = await mountEvery(b, b.members.seed);
    allAre(get, DARK, 'meta light dark, dark OS');
    await emulateMedia({ colorScheme: 'light' });
    allAre(get, LIGHT, 'meta light dark, light OS');
  }).timeout(20_000);

  it('theme="light" and theme="dark" force the scheme on any page', async () => {
    addPageStyle(':root { color-scheme: dark; }');
    const dark = await mountEvery(b, b.members.seed, { sessionAttrs: 'theme="light"' });
    allAre(dark.get, LIGHT, 'theme=light on a dark page');
    unmountAll();
    const light = await mountEvery(b, b.members.seed, { sessionAttrs: 'theme="dark"' });
    allAre(light.get, DARK, 'theme=dark on a light page');
  }).timeout(30_000);

  it('theme="auto" follows the OS, not the page, on the session and on an element', async function () {
    if (!canEmulateColorScheme) this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    const { get } = await mountEvery(b, b.members.seed, { sessionAttrs: 'theme="auto"' });
    allAre(get, DARK, 'theme=auto, dark OS, silent page');
    const el = get('loyalty-balance');
    el.setAttribute('theme', 'auto');
    await emulateMedia({ colorScheme: 'light' });
    addPageStyle(':root { color-scheme: dark; }');
    expect(surface(el), 'theme=auto, light OS, dark page').to.equal(LIGHT);
  }).timeout(20_000);
});
