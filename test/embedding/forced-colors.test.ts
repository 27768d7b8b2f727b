/**
 * Windows High Contrast (`forced-colors: active`): the browser replaces every colour with the
 * user's system palette and drops backgrounds, so whatever was told apart by a background alone
 * (a filled button, a progress fill, a pressed toggle, a skeleton) must keep an outline or a system
 * colour. Chromium's forced-colors emulation (DevTools Protocol, test/helpers/media-emulation-plugin.js);
 * Firefox, driven over WebDriver BiDi, cannot emulate it, so this suite is Chromium-only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { isFirefox } from '../helpers/browser.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { armFault, resetSandbox, until } from '../helpers/sandbox.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { TAGS, all, backdrop, displayed, distinct, emulateForcedColors, mountAll, part, parts, rgba, visibleBorder } from './media-mount.js';

/** Every control a user operates, laid out. Radio buttons are native widgets the browser draws in system colours itself. */
const controls = (el: Element) =>
  all(el, 'button, input, select, textarea').filter((c) => displayed(c) && !(c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')));

const describeControl = (tag: string, c: HTMLElement) =>
  `<${tag}> ${c.localName}[part="${c.getAttribute('part') ?? ''}"] "${(c.textContent ?? '').trim().slice(0, 30)}"`;

/** Every control of `el` has a border that stands out against what is behind it. */
function expectOutlinedControls(tag: string, el: Element): number {
  const found = controls(el);
  for (const c of found) expect(visibleBorder(c), `${describeControl(tag, c)} has a visible border`).to.exist;
  return found.length;
}

/** Every progress bar of `el`: its track is outlined and its fill (where there is one) stands out against the track. */
function expectVisibleBars(tag: string, el: Element): number {
  const bars = all(el, '[role="progressbar"]');
  for (const track of bars) {
    const name = `<${tag}> progress bar "${track.getAttribute('aria-label')}"`;
    expect(visibleBorder(track), `${name}: its track is outlined`).to.exist;
    const fill = track.querySelector<HTMLElement>('[part~="bar"]')!;
    if (fill.getBoundingClientRect().width < 1) continue; // nothing filled: the outline is the bar
    expect(distinct(rgba(getComputedStyle(fill).backgroundColor), backdrop(track)), `${name}: its fill stands out against the track`).to.equal(true);
  }
  return bars.length;
}

describe('forced colors (Windows High Contrast)', () => {
  before(function () {
    if (isFirefox) this.skip(); // WebDriver BiDi has no forced-colors emulation (see the file's comment)
  });
  beforeEach(async () => {
    await resetSandbox();
    expect(await emulateForcedColors(true), 'forced colours emulated').to.equal(true);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });
  afterEach(async () => {
    if (!isFirefox) await emulateForcedColors(false);
  });

  for (const b of BACKENDS) {
    describe(b.name, () => {
      it('every button and input of every element keeps a visible border, and every progress bar its fill', async () => {
        const { get } = await mountAll(b, b.members.rich);
        let count = 0;
        let bars = 0;
        for (const tag of TAGS) {
          count += expectOutlinedControls(tag, get(tag));
          bars += expectVisibleBars(tag, get(tag));
        }
        expect(count, 'controls checked').to.be.greaterThan(6);
        expect(bars, 'progress bars checked').to.be.greaterThan(0);
        // the filled buttons in particular (they had `border: 0`): Retry-like primary, danger, the reward name
        expect(visibleBorder(part(get('account-deletion'), 'delete')!)).to.exist;
        expect(visibleBorder(part(get('checkin-code'), 'refresh') ?? part(get('loyalty-sign-in'), 'sign-out')!)).to.exist;
        expect(visibleBorder(part(get('reward-progress'), 'name')!)).to.exist;
      }).timeout(30_000);

      it('the history’s scroll box shows its focus ring', async () => {
        const { get } = await mountAll(b, b.members.rich);
        const box = part(get('transaction-history'), 'content')!;
        box.focus();
        expect(box.matches(':focus-visible'), 'focused from script, as from the keyboard').to.equal(true);
        const s = getComputedStyle(box);
        expect(s.outlineStyle).to.not.equal('none');
        expect(parseFloat(s.outlineWidth)).to.be.greaterThan(1);
        expect(distinct(rgba(s.outlineColor), backdrop(box)), 'the ring stands out').to.equal(true);
      }).timeout(30_000);

      it('the link-card form and the editable profile keep their inputs and buttons outlined', async () => {
        const { get } = await mountAll(b, b.members.rich);
        const wallet = get('card-wallet');
        const link = part(wallet, 'link-button');
        if (link) {
          link.click();
          await until(() => part(wallet, 'form'));
        }
        if (part(wallet, 'form')) expect(expectOutlinedControls('card-wallet', wallet)).to.be.greaterThan(1);
        const profile = get('profile-form');
        if (part(profile, 'form')) expect(expectOutlinedControls('profile-form', profile)).to.be.greaterThan(1);
      }).timeout(30_000);

      it('a pressed toggle differs from an unpressed one, and the disabled state is GrayText', async () => {
        const { get } = await mountAll(b, b.members.rich);
        const wallet = get('card-wallet');
        const [first, second] = parts(wallet, 'reveal');
        first.click();
        await until(() => first.getAttribute('aria-pressed') === 'true');
        const pressed = rgba(getComputedStyle(first).backgroundColor);
        if (second) expect(second.getAttribute('aria-pressed')).to.equal('false');
        expect(distinct(pressed, backdrop(first.parentElement)), 'a pressed toggle is filled with a system colour').to.equal(true);
        // a disabled button: GrayText (the system's colour for it), still outlined
        const probe = document.createElement('span');
        probe.style.color = 'GrayText';
        document.body.append(probe);
        const grayText = getComputedStyle(probe).color;
        probe.remove();
        const save = part(get('profile-form'), 'save');
        if (save?.matches(':disabled')) {
          expect(getComputedStyle(save).color).to.equal(grayText);
          expect(visibleBorder(save)).to.exist;
        }
      }).timeout(30_000);

      it('the confirmation dialogs are framed and their buttons outlined', async () => {
        const { get } = await mountAll(b, b.members.rich);
        const checks: [string, string][] = [['account-deletion', 'delete']];
        if (part(get('card-wallet'), 'remove')) checks.push(['card-wallet', 'remove']);
        for (const [tag, opener] of checks) {
          const el = get(tag);
          part(el, opener)!.click();
          await until(() => part(el, 'dialog')?.matches(':modal'));
          const dialog = part(el, 'dialog')!;
          expect(visibleBorder(dialog), `<${tag}> dialog is framed`).to.exist;
          for (const c of [part(el, 'dialog-cancel')!, part(el, 'dialog-confirm')!]) expect(visibleBorder(c), describeControl(tag, c)).to.exist;
          part(el, 'dialog-cancel')!.click();
          await until(() => !part(el, 'dialog'));
        }
      }).timeout(30_000);

      it('the error state’s Retry is outlined', async () => {
        const { session, get } = await mountAll(b, b.members.rich);
        await armFault({ match: { path: b.paths.balances }, fault: 'status=500', times: 1 });
        session.reload();
        const balance = get('loyalty-balance');
        await until(() => part(balance, 'retry'));
        expect(visibleBorder(part(balance, 'retry')!)).to.exist;
      }).timeout(30_000);
    });
  }

  it('skeleton placeholders stay visible (not blank space)', async () => {
    const b = BACKENDS[0];
    await armFault({ match: { path: b.paths.balances }, fault: 'latency=1500', times: 1 });
    const page = await fixture<HTMLElement>(html`<loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId}
      app-hostname=${b.appHostname} locale="en-CA" retries="0"><loyalty-balance></loyalty-balance></loyalty-session>`);
    await signInto(page as LoyaltySession, b, b.members.rich);
    const el = page.querySelector('loyalty-balance')!;
    await until(() => all(el, '.bone').length);
    for (const bone of all(el, '.bone').filter(displayed)) {
      const fill = rgba(getComputedStyle(bone).backgroundColor);
      expect(distinct(fill, backdrop(bone.parentElement)) || !!visibleBorder(bone), 'a bone is visible').to.equal(true);
    }
  });
});
