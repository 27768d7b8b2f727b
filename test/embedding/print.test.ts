/**
 * Print: paper has no use for controls, drops backgrounds (so bars need `print-color-adjust:
 * exact` and an outline), splits boxes across pages, cannot scroll, and outlives a check-in code
 * that is valid for minutes. Print media is emulated through the DevTools Protocol, which
 * Firefox (driven over WebDriver BiDi) lacks: the CSS checks are Chromium-only; the history's
 * `beforeprint` handling runs in both browsers.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { isFirefox } from '../helpers/browser.js';
import { BACKENDS } from '../helpers/backends.js';
import { requestLog, resetSandbox, until } from '../helpers/sandbox.js';
import { TAGS, all, displayed, mountAll, part, parts } from './media-mount.js';

const canEmulatePrint = !isFirefox;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const rows = (el: Element) => parts(el, 'row');

/** Every page of the history loaded that the member has, up to two (each by "Load more"). */
async function loadTwoPages(history: HTMLElement, path: string) {
  const more = part(history, 'more') as HTMLButtonElement | null;
  if (!more) return;
  more.click();
  await until(async () => (await requestLog({ path })).length === 2);
  await until(() => !(part(history, 'more') as HTMLButtonElement | null)?.disabled);
}

/** How many history pages the server was asked for. */
const pagesAsked = async (path: string) => (await requestLog({ path })).length;

describe('print', () => {
  beforeEach(resetSandbox);
  afterEach(async () => {
    if (canEmulatePrint) await emulateMedia({ media: 'screen' });
  });

  for (const b of BACKENDS) {
    describe(b.name, () => {
      it('hides every control, keeps the values, prints the bars, and keeps items whole', async function () {
        if (!canEmulatePrint) this.skip(); // no print-media emulation over WebDriver BiDi (see the file's comment)
        const { get } = await mountAll(b, b.members.rich);
        await emulateMedia({ media: 'print' });
        expect(matchMedia('print').matches).to.equal(true);

        for (const tag of TAGS) {
          const el = get(tag);
          // controls: no button prints, but a reward's name (a button that selects it) is content
          for (const button of all(el, 'button').filter((x) => !x.matches('li [part~="name"]')))
            expect(displayed(button), `<${tag}> button[part="${button.getAttribute('part')}"] is not printed`).to.equal(false);
          expect(displayed(el), `<${tag}> prints`).to.equal(true);
        }
        for (const name of parts(get('reward-progress'), 'name')) expect(displayed(name), 'a reward’s name prints').to.equal(true);
        // the values stay: balances, the profile's labels and values
        expect(displayed(part(get('loyalty-balance'), 'amount')!)).to.equal(true);
        expect(displayed(part(get('profile-form'), 'label')!)).to.equal(true);
        const input = part(get('profile-form'), 'input') as HTMLInputElement | null;
        if (input) expect(displayed(input) && input.value.length > 0, 'an input prints with its value').to.equal(true);

        // bars: colours kept (print-color-adjust) and an outline without them
        const bars = all(get('reward-progress'), '[role="progressbar"]');
        expect(bars.length).to.be.greaterThan(0);
        for (const track of bars) {
          const fill = track.querySelector<HTMLElement>('[part~="bar"]')!;
          for (const box of [track, fill]) expect(getComputedStyle(box).getPropertyValue('print-color-adjust'), 'print-color-adjust').to.equal('exact');
          expect(parseFloat(getComputedStyle(track).borderTopWidth), 'the track is outlined').to.be.greaterThan(0);
          expect(getComputedStyle(track).borderTopStyle).to.equal('solid');
        }

        // items are not split across pages
        const whole: [string, string][] = [
          ['reward-progress', '[part~="reward"]'],
          ['reward-progress', '[part~="tier"]'],
          ['card-wallet', '[part~="card"]'],
          ['transaction-history', '[part~="row"]'],
          ['loyalty-balance', '[part~="row"]'],
          ['profile-form', '[part~="field"], [part~="row"]'],
        ];
        for (const [tag, selector] of whole) {
          const items = all(get(tag), selector);
          if (tag !== 'reward-progress' || !selector.includes('tier')) expect(items.length, `<${tag}> ${selector}`).to.be.greaterThan(0);
          for (const item of items) expect(getComputedStyle(item).breakInside, `<${tag}> ${selector} break-inside`).to.equal('avoid');
        }
      }).timeout(30_000);

      it('prints every loaded order of the history, not a scroll box', async function () {
        if (!canEmulatePrint) this.skip(); // no print-media emulation over WebDriver BiDi
        const { get } = await mountAll(b, b.members.rich);
        const history = get('transaction-history');
        await loadTwoPages(history, b.paths.history);
        const pages = await pagesAsked(b.paths.history);
        const onScreen = rows(history).length;
        await emulateMedia({ media: 'print' });
        await until(() => rows(history).length > onScreen);
        const setsize = Number(rows(history)[0].getAttribute('aria-setsize'));
        const printed = rows(history);
        // every loaded order: positions 1…n, in one piece
        expect(printed.map((r) => Number(r.getAttribute('aria-posinset')))).to.deep.equal(printed.map((_, i) => i + 1));
        if (setsize > 0) expect(printed.length).to.equal(setsize);
        else expect(printed.length, 'two pages of orders').to.be.greaterThan(50);
        const box = part(history, 'content')!;
        expect(box.scrollHeight - box.clientHeight, 'no scroll box').to.be.lessThan(2);
        // printing loads nothing by itself
        expect(await pagesAsked(b.paths.history)).to.equal(pages);
        // older orders not loaded: a line says how many are printed
        const note = part(history, 'print-note');
        if (setsize < 0) {
          expect(displayed(note!)).to.equal(true);
          expect(text(note)).to.contain(`The ${printed.length} most recent orders`);
        } else expect(note).to.equal(null);

        // back on screen: virtualized again, the note hidden
        await emulateMedia({ media: 'screen' });
        await until(() => rows(history).length < printed.length || printed.length < 40);
        if (note) expect(displayed(part(history, 'print-note')!)).to.equal(false);
      }).timeout(30_000);

      it('prints the member’s static card number or a “valid only on screen” note, never a rotating code with its countdown', async function () {
        if (!canEmulatePrint) this.skip(); // no print-media emulation over WebDriver BiDi
        const { get } = await mountAll(b, b.members.rich);
        const checkin = get('checkin-code');
        const rotating = !part(checkin, 'static');
        const note = part(checkin, 'print-note');
        if (rotating) expect(displayed(note!), 'the note is not on screen').to.equal(false);
        await emulateMedia({ media: 'print' });
        expect(part(checkin, 'countdown') && displayed(part(checkin, 'countdown')!), 'no countdown printed').to.not.equal(true);
        if (rotating) {
          expect(displayed(part(checkin, 'code')!), 'the rotating code is not printed').to.equal(false);
          expect(displayed(part(checkin, 'token')!), 'nor its token').to.equal(false);
          expect(displayed(note!)).to.equal(true);
          expect(text(note)).to.equal('This check-in code is valid only on screen: show it on your phone at the till.');
        } else {
          // a static card number is the member's card: it prints, black on white
          expect(displayed(part(checkin, 'code')!)).to.equal(true);
          expect(displayed(part(checkin, 'token')!) && text(part(checkin, 'token')).length > 0, 'its number, written out').to.equal(true);
          expect(getComputedStyle(part(checkin, 'frame')!).getPropertyValue('print-color-adjust')).to.equal('exact');
        }
      }).timeout(30_000);

      it('prints light even when the element is dark on screen', async function () {
        if (!canEmulatePrint) this.skip(); // no print-media emulation over WebDriver BiDi
        const { get } = await mountAll(b, b.members.seed, { theme: 'dark' });
        const base = part(get('loyalty-balance'), 'base')!;
        expect(getComputedStyle(base).backgroundColor).to.not.equal('rgb(255, 255, 255)');
        await emulateMedia({ media: 'print' });
        expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
      }).timeout(30_000);
    });
  }

  it('renders every loaded order on beforeprint, and virtualizes again on afterprint (both browsers)', async () => {
    const b = BACKENDS.find((x) => x.name === 'spaaza')!; // 205 entries in one page
    const { get } = await mountAll(b, b.members.rich);
    const history = get('transaction-history');
    await until(() => rows(history).length);
    const onScreen = rows(history).length;
    expect(onScreen).to.be.lessThan(100);
    window.dispatchEvent(new Event('beforeprint'));
    await until(() => rows(history).length === Number(rows(history)[0].getAttribute('aria-setsize')));
    window.dispatchEvent(new Event('afterprint'));
    await until(() => rows(history).length === onScreen);
  }).timeout(30_000);
});
