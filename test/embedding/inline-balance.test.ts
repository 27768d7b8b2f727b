import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto, type BackendFixture } from '../helpers/backends.js';
import { armFault, resetSandbox, until } from '../helpers/sandbox.js';

/**
 * `<loyalty-balance variant="inline">` in a merchant's navbar: a 48-px flex row of links. One
 * currency as unframed text ("1,240 Points"), one line tall in every state.
 */
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Visible text only (not the visually hidden live region or loading label). */
const shown = (el: Element) => {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // (the platform's words in error-detail are hidden: for the merchant, not the member)
    if (!node.parentElement?.closest('.visually-hidden, [aria-live], style, [part~="error-detail"]')) out += node.textContent;
  }
  return out.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
};

async function navbar(b: BackendFixture, attrs = '') {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <nav style="display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 16px; font: 16px/1.5 sans-serif; background: #222; color: #fff">
      <a href="#" style="color: inherit">Menu</a>
      <a href="#" style="color: inherit">Order</a>
      <span style="flex: 1"></span>
      <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
        <loyalty-balance variant="inline"></loyalty-balance>
      </loyalty-session>
    </nav>
  </div>`);
  const root = wrapper.querySelector<LoyaltySession>('loyalty-session')!;
  const el = wrapper.querySelector<LoyaltyBalance>('loyalty-balance')!;
  for (const [name, value] of new URLSearchParams(attrs)) el.setAttribute(name, value);
  await el.updateComplete;
  return { root, el, nav: wrapper.querySelector('nav')! };
}

/** One line of the element's text: its box is no taller than the line (nor the navbar) and sits inside the navbar. */
function expectOneLine(el: HTMLElement, nav: HTMLElement, state: string) {
  const box = el.getBoundingClientRect();
  const bar = nav.getBoundingClientRect();
  expect(bar.height, `${state}: the navbar keeps its height`).to.equal(48);
  expect(box.height, `${state}: one line tall`).to.be.within(16, 30);
  expect(box.top, state).to.be.at.least(bar.top);
  expect(box.bottom, state).to.be.at.most(bar.bottom);
  expect(box.width, `${state}: as wide as its text, not a card`).to.be.below(260);
}

for (const b of BACKENDS) {
  describe(`<loyalty-balance variant="inline"> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('shows "<number> <currency>" as unframed inline text, one line tall in a 48-px navbar', async () => {
      await b.setPoints(b.members.seed, 1240);
      const { root, el, nav } = await navbar(b);
      await signInto(root, b, b.members.seed);
      await until(() => shown(el) === '1,240 Points');
      const base = getComputedStyle(part(el, 'base')!);
      expect([base.borderTopWidth, base.borderInlineStartWidth, base.paddingTop, base.paddingInlineStart]).to.deep.equal(['0px', '0px', '0px', '0px']);
      expect(base.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(part(el, 'expirations')).to.equal(null);
      expect(part(el, 'stored-value')).to.equal(null);
      expectOneLine(el, nav, 'data');
      // the figure and the name each on one line
      expect(part(el, 'amount')!.getClientRects()).to.have.length(1);
      expect(getComputedStyle(part(el, 'amount')!).whiteSpace).to.equal('nowrap');
      await expect(el).to.be.accessible();
    });

    it('flows inside a sentence: "You have 1,240 Points to spend." on one line', async () => {
      await b.setPoints(b.members.seed, 1240);
      const wrapper =
        await fixture<HTMLElement>(html`<loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
        <p style="font: 16px/1.5 sans-serif; width: 600px">You have <loyalty-balance variant="inline"></loyalty-balance> to spend.</p>
      </loyalty-session>`);
      const el = wrapper.querySelector('loyalty-balance')!;
      await signInto(wrapper as LoyaltySession, b, b.members.seed);
      await until(() => shown(el) === '1,240 Points');
      expect(getComputedStyle(el).display).to.equal('inline-block');
      const p = wrapper.querySelector('p')!;
      expect(p.getBoundingClientRect().height, 'one line').to.be.below(30);
      // on the sentence's line, between its words
      const [box, line] = [el.getBoundingClientRect(), p.getBoundingClientRect()];
      expect(box.top).to.be.at.least(line.top - 1);
      expect(box.bottom).to.be.at.most(line.bottom + 1);
      expect(box.left).to.be.above(line.left + 40);
    });

    it('shows the loyalty currency the merchant names (loyalty-currency, any case), else the first one', async () => {
      const { root, el } = await navbar(b, 'loyalty-currency=points');
      await signInto(root, b, b.members.seed);
      await until(() => /^\d[\d,]* Points$/.test(shown(el)));
      el.setAttribute('loyalty-currency', 'Stars');
      await el.updateComplete;
      expect(shown(el)).to.match(/^\d[\d,]* Points$/);
    });

    if (b.name === 'spoonity') {
      it('picks a second loyalty currency by name: "7 Stars" for the rich member', async () => {
        const { root, el } = await navbar(b, 'loyalty-currency=stars');
        await signInto(root, b, b.members.rich);
        await until(() => shown(el) === '7 Stars');
        el.removeAttribute('loyalty-currency');
        await until(() => shown(el) === '1,240 Points');
      });
    }

    it('loading: a one-line inline bone', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'latency=1500', times: 0 });
      const { root, el, nav } = await navbar(b);
      const signing = signInto(root, b, b.members.seed);
      await until(() => part(el, 'skeleton'));
      const bones = el.shadowRoot!.querySelectorAll('.bone');
      expect(bones).to.have.length(1);
      expect(bones[0].getBoundingClientRect().width).to.be.within(40, 120);
      expectOneLine(el, nav, 'loading');
      await signing;
      await until(() => /Points$/.test(shown(el)), 8000);
    });

    it('error: a compact message with a small Retry, on one line; Retry loads the figure', async () => {
      await armFault({ match: { path: b.paths.balances }, fault: 'status=500', times: 1 });
      const { root, el, nav } = await navbar(b);
      await signInto(root, b, b.members.seed);
      await until(() => part(el, 'retry'));
      expect(shown(el)).to.equal('Balance unavailable Retry');
      // the kit's full sentence, for screen readers, in the alert
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el)).to.contain('The loyalty service');
      expectOneLine(el, nav, 'error');
      const retry = part(el, 'retry')!.getBoundingClientRect();
      expect(retry.height, 'a 24-px target').to.be.at.least(24);
      expect(retry.width).to.be.at.least(24);
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await until(() => /Points$/.test(shown(el)));
    });

    it('signed out: compact inline text on one line', async () => {
      const { el, nav } = await navbar(b);
      expect(shown(el)).to.equal('Sign in to see your balance.');
      expectOneLine(el, nav, 'signed out');
      await expect(el).to.be.accessible();
    });
  });
}

describe('<loyalty-balance> without variant', () => {
  it('keeps its frame, and show="points" its card', async () => {
    const el = await fixture<LoyaltyBalance>(html`<loyalty-balance show="points"></loyalty-balance>`);
    expect(getComputedStyle(el).display).to.equal('block');
    expect(getComputedStyle(part(el, 'base')!).borderTopWidth).to.equal('1px');
    expect(shown(el)).to.equal('Sign in to see your loyalty details.');
  });
});
