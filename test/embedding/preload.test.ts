/**
 * The pre-upgrade stylesheet (src/preload.css, shipped as dist/loyalty-elements.css and
 * dist/cdn/loyalty-elements.css): before the kit's script has run, every element already takes
 * its space (`--loyalty-<tag>-min-height`), so nothing moves when it upgrades into its skeleton.
 * This page does not import the kit until the last test.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';

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
const token = (tag: string) => `--loyalty-${tag.replace(/^loyalty-/, '')}-min-height`;
const height = (el: Element) => el.getBoundingClientRect().height;

/** How far the upgraded element (its skeleton, default settings) may be from the reserved height: see layout-shift.test.ts. */
const TOLERANCE = 8;

let link: HTMLLinkElement;
before(async () => {
  link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/src/preload.css';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
});
after(() => link.remove());

describe('loyalty-elements.css (before the script runs)', () => {
  it('gives every undefined element display: block and its min-height token’s default (never 0 px tall)', async () => {
    expect(customElements.get('loyalty-balance')).to.equal(undefined);
    const page = await fixture<HTMLElement>(html`<div style="width: 420px">${TAGS.map((t) => document.createElement(t))}</div>`);
    for (const el of page.children) {
      const s = getComputedStyle(el);
      expect(s.display, el.localName).to.equal('block');
      expect(parseFloat(s.minHeight), `${el.localName} min-height`).to.be.above(40);
      expect(height(el), el.localName).to.equal(parseFloat(s.minHeight));
    }
  });

  it('follows --loyalty-<tag>-min-height set by the page', async () => {
    const style = TAGS.map((t, i) => `${token(t)}: ${100 + i}px`).join('; ');
    const page = await fixture<HTMLElement>(html`<div style=${style}>${TAGS.map((t) => document.createElement(t))}</div>`);
    [...page.children].forEach((el, i) => {
      expect(height(el), el.localName).to.equal(100 + i);
    });
  });

  it('an element inside a hidden session takes no space', async () => {
    const page = await fixture<HTMLElement>(html`<div><loyalty-session hidden><loyalty-balance></loyalty-balance></loyalty-session></div>`);
    expect(height(page.querySelector('loyalty-balance')!)).to.equal(0);
  });

  it('once upgraded (default settings, a pending session), each skeleton keeps the reserved height', async () => {
    const page = await fixture<HTMLElement>(html`<div style="width: 420px">
      <loyalty-session pending backend="spoonity" api-base="/sandbox/spoonity" vendor-id="1234" locale="en-CA">
        ${TAGS.map((t) => document.createElement(t))}
      </loyalty-session>
    </div>`);
    const session = page.querySelector('loyalty-session')!;
    const reserved = Object.fromEntries(TAGS.map((t) => [t, height(session.querySelector(t)!)]));
    await import('../../src/index.js');
    await session.updateComplete;
    for (const t of TAGS) await (session.querySelector(t) as unknown as LoyaltySession).updateComplete;
    const report = TAGS.map((t) => `${t}: ${reserved[t].toFixed(1)} → ${height(session.querySelector(t)!).toFixed(1)}`).join('; ');
    for (const t of TAGS) {
      const el = session.querySelector(t)!;
      expect(el.matches(':defined'), t).to.equal(true);
      // the wallet's skeleton writes the card's words (kind, number, status, link date) unseen, so
      // it wraps where the card will: on two lines where the font is wide (Firefox's default at
      // 420 px); the reserved default assumes one, as a page that knows its font sets the token
      const summary = t === 'card-wallet' ? el.shadowRoot!.querySelector<HTMLElement>('[part~="summary"]') : null;
      const extra = summary ? summary.getBoundingClientRect().height - parseFloat(getComputedStyle(summary).fontSize) * 1.5 : 0;
      expect(Math.abs(height(el) - extra - reserved[t]), `${t}, less ${extra} px of wrapped summary (${report})`).to.be.at.most(TOLERANCE);
    }
  });
});
