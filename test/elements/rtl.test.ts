import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPOONITY_FIXTURE, signInto } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';

/**
 * `dir="rtl"` mirrors every element: each measured piece sits as far from the element's right edge
 * in RTL as from its left edge in LTR (same width, same row), and a progress bar fills from the
 * right. Measured geometry, not the CSS text.
 */

const b = SPOONITY_FIXTURE;

interface Placement {
  what: string;
  /** Distance from the host's inline-start edge: left in LTR, right in RTL. */
  start: number;
  /** Distance from the host's inline-end edge. */
  end: number;
  top: number;
  width: number;
}

function place(host: Element, selectors: string[], dir: 'ltr' | 'rtl'): Placement[] {
  const h = host.getBoundingClientRect();
  return selectors.flatMap((selector) =>
    [...host.shadowRoot!.querySelectorAll(selector)].slice(0, 3).map((node, i) => {
      const r = node.getBoundingClientRect();
      const [left, right] = [r.left - h.left, h.right - r.right];
      return {
        what: `${selector} #${i + 1}`,
        start: dir === 'ltr' ? left : right,
        end: dir === 'ltr' ? right : left,
        top: Math.round(r.top - h.top),
        width: r.width,
      };
    }),
  );
}

async function mount(dir: 'ltr' | 'rtl', content: TemplateResult, member: string | null = b.members.rich) {
  const wrapper = await fixture(html`<div dir=${dir} style="width: 40rem">
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} locale="en-CA">${content}</loyalty-session>
  </div>`);
  const root = wrapper.querySelector<LoyaltySession>('loyalty-session')!;
  if (member) await signInto(root, b, member);
  return root;
}

/** Lays the element out both ways and compares the pieces; at least one piece must sit off-centre (else nothing could show mirroring). */
async function expectMirrored(tag: string, content: TemplateResult, selectors: string[], member: string | null = b.members.rich, centred = false) {
  const measured: Record<string, Placement[]> = {};
  for (const dir of ['ltr', 'rtl'] as const) {
    const root = await mount(dir, content, member);
    const host = root.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    await until(() => selectors.every((s) => host.shadowRoot?.querySelector(s)), 8000);
    await host.updateComplete;
    measured[dir] = place(host, selectors, dir);
    if (dir === 'rtl') await expect(host).to.be.accessible();
  }
  const { ltr, rtl } = measured;
  expect(rtl.map((p) => p.what)).to.deep.equal(ltr.map((p) => p.what));
  for (const [i, l] of ltr.entries()) {
    const r = rtl[i];
    expect(Math.abs(r.start - l.start), `${l.what}: ${l.start.toFixed(1)}px from the left in LTR, ${r.start.toFixed(1)}px from the right in RTL`).to.be.below(
      1.5,
    );
    expect(Math.abs(r.width - l.width), `${l.what}: same width`).to.be.below(1.5);
    expect(r.top, `${l.what}: same row`).to.equal(l.top);
  }
  if (!centred)
    expect(
      ltr.some((p) => Math.abs(p.start - p.end) > 8),
      'something sits off-centre',
    ).to.equal(true);
}

describe('dir="rtl" mirrors every element', function () {
  // each test lays an element out twice, signed in as the richest member
  this.timeout(20_000);
  beforeEach(resetSandbox);

  it('<loyalty-balance>: labels on the right, figures on the left', async () => {
    await expectMirrored('loyalty-balance', html`<loyalty-balance></loyalty-balance>`, ['[part~="label"]', '[part~="amount"]', '[part~="expiration"]']);
  });

  it('<reward-progress>: names on the right, costs on the left, bars filling from the right', async () => {
    // (not the tier's name: it sits inside an English sentence, which bidi keeps left-to-right)
    await expectMirrored('reward-progress', html`<reward-progress limit="3"></reward-progress>`, [
      '[part~="name"]',
      '[part~="cost"]',
      '[part~="bar"]',
      '[part~="available"]',
      '[part~="show-all"]',
    ]);
  });

  it('<reward-progress>: a partly filled bar starts at the right edge of its track in RTL', async () => {
    const root = await mount('rtl', html`<reward-progress></reward-progress>`);
    const el = root.querySelector('reward-progress')!;
    await until(() => el.shadowRoot!.querySelector(`[part~="progress"][aria-valuenow="${b.rich.bar.now}"]`));
    const track = el.shadowRoot!.querySelector(`[part~="progress"][aria-valuenow="${b.rich.bar.now}"]`)!;
    const [t, f] = [track.getBoundingClientRect(), track.querySelector('[part~="bar"]')!.getBoundingClientRect()];
    expect(f.width).to.be.within(t.width * 0.5, t.width * 0.95);
    expect(Math.abs(f.right - t.right)).to.be.below(1);
    expect(f.left - t.left).to.be.above(t.width * 0.05);
  });

  it('<transaction-history>: date on the right, total on the left', async () => {
    await expectMirrored('transaction-history', html`<transaction-history currency="CAD"></transaction-history>`, [
      '[part~="date"]',
      '[part~="total"]',
      '[part~="details"]',
    ]);
  });

  it('<checkin-code>: the code and its caption stay centred', async () => {
    await expectMirrored(
      'checkin-code',
      html`<checkin-code></checkin-code>`,
      ['[part~="frame"]', '[part~="label"]', '[part~="refresh"]'],
      b.members.rich,
      true,
    );
  });

  it('<loyalty-sign-in>: labels, fields and the button start on the right', async () => {
    await expectMirrored('loyalty-sign-in', html`<loyalty-sign-in></loyalty-sign-in>`, ['[part~="label"]', '[part~="input"]', '[part~="submit"]'], null);
  });

  it('<profile-form>: labels, fields, choices and Save start on the right', async () => {
    await expectMirrored('profile-form', html`<profile-form fields="first-name contact-consent"></profile-form>`, [
      'label[part~="label"]',
      'legend[part~="label"]',
      'input[type="radio"]',
      '[part~="save"]',
    ]);
  });

  it('<account-deletion>: the button starts on the right', async () => {
    await expectMirrored('account-deletion', html`<account-deletion></account-deletion>`, ['[part~="delete"]']);
  });

  it('<card-wallet>: each card’s kind, number and buttons run from the right', async () => {
    await expectMirrored('card-wallet', html`<card-wallet></card-wallet>`, [
      '[part~="kind"]',
      '[part~="number"]',
      '[part~="status"]',
      '[part~="action"]',
      '[part~="link-button"]',
    ]);
  });
});

/**
 * Text runs (text nodes holding a digit) whose characters are not drawn in reading order: on each
 * line, every visible character of the run must sit right of the one before (figures, units and
 * dates are left-to-right runs, isolated from the right-to-left page: "+21 Points", never "Points 21+").
 */
function scrambledRuns(host: Element): { bad: string[]; checked: number } {
  const bad: string[] = [];
  let checked = 0;
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      if (!/\d/.test(t.data) || t.parentElement?.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      const chars: { left: number; top: number }[] = [];
      for (let i = 0; i < t.data.length; i++) {
        // letters, digits, signs and currency symbols (not the sentence's own punctuation, which bidi may move)
        if (!/[\p{L}\p{N}\p{Sc}\p{Sm}\p{Pd}]/u.test(t.data[i])) continue;
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getClientRects()[0];
        if (r && r.width > 0) chars.push({ left: r.left, top: Math.round(r.top) });
      }
      if (chars.length > 1) checked++;
      const inOrder = chars.every((c, i) => i === 0 || c.top !== chars[i - 1].top || c.left > chars[i - 1].left - 0.5);
      if (!inOrder) bad.push(t.data.trim());
    }
    root.childNodes.forEach((c) => c instanceof Element && c.shadowRoot && walk(c.shadowRoot));
  };
  walk(host.shadowRoot!);
  return { bad, checked };
}

describe('dir="rtl" keeps every figure, unit and date in reading order', function () {
  this.timeout(30_000);
  beforeEach(resetSandbox);

  for (const fx of BACKENDS) {
    const cases: [string, TemplateResult, string][] = [
      ['loyalty-balance', html`<loyalty-balance currency="EUR"></loyalty-balance>`, '[part~="amount"]'],
      ['reward-progress', html`<reward-progress limit="4"></reward-progress>`, '[part~="progress"]'],
      ['transaction-history', html`<transaction-history currency="CAD" limit="6"></transaction-history>`, '[part~="details"]'],
      ['checkin-code', html`<checkin-code></checkin-code>`, '[part~="token"]'],
      ['card-wallet', html`<card-wallet></card-wallet>`, '[part~="number"]'],
    ];
    for (const [tag, content, ready] of cases) {
      it(`<${tag}> · ${fx.name}: signs, numbers, units and dates read left to right under dir="rtl"`, async () => {
        const wrapper = await fixture(html`<div dir="rtl" style="width: 40rem">
          <loyalty-session backend=${fx.backend} api-base=${fx.apiBase} vendor-id=${fx.vendorId} app-hostname=${fx.appHostname} locale="en-CA">${content}</loyalty-session>
        </div>`);
        const root = wrapper.querySelector<LoyaltySession>('loyalty-session')!;
        await signInto(root, fx, fx.members.rich);
        const host = root.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
        await until(() => host.shadowRoot?.querySelector(ready) && !host.shadowRoot.querySelector('[aria-busy="true"]'), 8000);
        await host.updateComplete;
        const { bad, checked } = scrambledRuns(host);
        expect(checked, 'figures on screen to check').to.be.above(0);
        expect(bad).to.deep.equal([]);
      });
    }
  }
});
